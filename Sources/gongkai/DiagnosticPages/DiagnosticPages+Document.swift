extension DiagnosticPage {
    /// G10 模板、字体与生成文件.
    static let documentPages: [DiagnosticPage] = [
        DiagnosticPage(
            code: "G1001",
            explanation: "文字中有一个字，所有已配置的字体都没有，排出来会是方框或空白。多见于生僻字（扩展区汉字）和特殊符号；报在它第一次出现的行列上。",
            example: "其他说明: 办公地址为𪚥字路 1 号",
            output: "例.yaml:15:12: 错误: 字符“𪚥”（U+2A6A5）没有任何已配置的字体包含，无法排印（请改用常用字，或在 Fonts/roles.tsv 中加入含有它的字体） [G1001]",
            fix: """
                改用常用字或通行的写法。
                确需这个字时，请维护格式的同事在 Fonts/roles.tsv（或 县设置.yaml 的“字体”）中加入含有它的字体。
                """),
        DiagnosticPage(
            code: "G1002",
            explanation: """
                找不到模板目录 Templates/，无法生成文件。
                查找的顺序是：--templates、环境变量 GONGKAI_TEMPLATES、从当前目录和程序所在目录向上找 Templates/；消息列出查找过的目录。
                """,
            example: "$ gongkai check 例.yaml --templates 模板",
            output: "错误: 找不到模板目录 Templates/（可用 --templates 或环境变量 GONGKAI_TEMPLATES 指定）；查找过：/tmp/预算/模板 [G1002]",
            fix: """
                用 --templates 或 GONGKAI_TEMPLATES 指向 gongkai 随附的 Templates 文件夹，或在含有 Templates/ 的文件夹中运行。
                """),
        DiagnosticPage(
            code: "G1003",
            explanation: """
                数据文件的“格式”（或 --format）是模板目录下的文件夹名，模板目录中没有写的这个格式。
                消息列出可用的格式，并提示最接近的写法。
                """,
            example: "格式: hubei",
            output: "例.yaml:4:5: 错误: 没有格式“hubei”的模板：找不到 /tmp/预算/Templates/hubei/format.yaml；可用的格式：hebei、shaanxi、xinjiang，是否想写“hebei”？ [G1003]",
            fix: """
                改为可用的格式之一（gongkai formats 列出全部）。
                新的省份格式要先在 Templates/ 下建一个文件夹（见 docs/templates.md）。
                """),
        DiagnosticPage(
            code: "G1004",
            explanation: """
                格式的模板有错：未知的变量或成员、未知的过滤器或标签、不配对的标签、format.yaml 写错等，报在模板文件的行列上。
                这是格式的问题，不是数据的问题。
                """,
            example: """
                # Templates/hebei/tables/支出总表.yaml
                标题: "{{单位.级别}}预算支出总表"
                """,
            output: "Templates/hebei/tables/支出总表.yaml:2:5: 错误: 模板错误：数据中没有“单位.级别”（可用：主管部门、主管部门编码、名称、层级、性质、编码） [G1004]",
            fix: """
                按消息改正模板（这里应为 单位.层级）。
                写法见 docs/templates.md；gongkai inspect 例.yaml --json 列出模板可用的全部数据。
                """),
        DiagnosticPage(
            code: "G1005",
            explanation: """
                生成文件后，程序把每张表按印出的数重新加一遍：数字列的单元格只能印一个数（不带单位等文字），印了合计就要印出它的全部部分，而且加起来相符。
                不通过说明格式（或 gongkai）有缺陷，不是数据的问题；报在模板中该单元格的位置，不生成文件。
                """,
            example: """
                # Templates/hebei/tables/支出总表.yaml
                行:
                  - 单元格:
                      - "{{行号}}"
                      - ""
                      - {文字: 合计, 对齐: 中}
                      - "{{支出.合计|金额或空}}万元"    # 第 4 列是数字列
                """,
            output: "Templates/hebei/tables/支出总表.yaml:27:9: 错误: 排好的文件自检未通过：格式 hebei，表“部门预算支出总表”第 1 行第 4 列：支出.合计 所在的数字单元格只能印数字，却印成了“150.57万元”（单位写在表头或标题中） [G1005]",
            fix: """
                改正模板中该单元格：数字列只印数本身（单位印在说明行的“单位：万元”中），这里删去“万元”。
                数据和模板都无误而仍报这条错误时，请报告给 gongkai 的维护者。
                """),
        DiagnosticPage(
            code: "G1006",
            explanation: """
                用 --rounding 独立 时，每个数单独四舍五入，表中的合计与印出的明细相加可能差 0.01：照常生成文件，在每一处给出警告。默认的受控舍入不会如此（见 docs/rounding.md）；格式把某些数印得比数据更粗（如整数金额）时，也会有这条警告。
                """,
            example: """
                支出:
                  - 科目: 2101502
                    人员经费: 10.005
                  - 科目: 2101550
                    人员经费: 10.005
                # 运行：gongkai check 例.yaml --rounding 独立
                """,
            output: "Templates/hebei/tables/收入总表.yaml:50:11: 警告: 格式 hebei，表“部门预算收入总表”第 3 行第 4 列：功能科目[21015].合计 印为 170.58万元，而表中它的部分 功能科目[2101501].合计、功能科目[2101502].合计、功能科目[2101506].合计、功能科目[2101550].合计 加起来是 170.59万元 [G1006]",
            fix: "用默认的受控舍入（不加 --rounding 独立）。必须单独舍入时，这些差额是预期的，可以在公开文件的说明中注明。"),
        DiagnosticPage(
            code: "G1007",
            explanation: """
                数据中每个不为零的数都要印在公开文件的某处。
                格式可在 format.yaml 的“不印”中声明有意不印的数（如河北格式不分列政府采购的货物、工程、服务），check 在该数所在的行给出警告和理由。
                没有声明而没有印出的数是错误：模板漏印了它，请维护格式的同事补上，或在“不印”中写明理由。
                """,
            example: """
                # 格式: hebei
                政府采购:
                  货物: 10.00
                """,
            output: "例.yaml:16:7: 警告: 格式“hebei”不印政府采购货物（10.00万元）：河北格式的政府采购预算表按采购项目逐项列出，不按货物、工程、服务分列（合计已印出） [G1007]",
            fix: "警告只是提醒这个数不会出现在该格式的文件中，确认无妨即可。需要公开它时，按该格式会印的方式写（这里是政府采购的“明细”）。"),
        DiagnosticPage(
            code: "G1008",
            explanation: """
                明细比印出的精度更细（如万元的四位小数）时，程序受控舍入：为使各表的合计与明细相符，少数数印出的值与它单独四舍五入相差 0.01。check 以“信息”列出这些数，便于与预算系统核对；这不是错误，不用改。
                """,
            example: """
                支出:
                  - 科目: 2101502
                    人员经费: 10.005
                  - 科目: 2101550
                    人员经费: 10.005
                """,
            output: "例.yaml:12:9: 信息: 功能科目 2101550 的合计、基本支出、人员经费印为 10.00万元（精确值 10.005万元，单独舍入为 10.01）：受控舍入使各表合计与明细相符 [G1008]",
            fix: """
                不用改。
                希望每个数都单独舍入时，用 --rounding 独立（合计与明细可能差 0.01，见 G1006）；check --no-warnings 不显示这类信息。
                """),
        DiagnosticPage(
            code: "G1009",
            explanation: """
                数据和模板都没有问题，但写 PDF（或 PNG）时出错：没有写入权限、目录无法创建、磁盘已满等，与数据无关，只由运行环境引起。
                这条错误说的是整个文件，所以只有文件名、没有行号；batch 的 report.json 中记为规则 render.failed、编号 G1009。已有的 PDF 不会被改动。
                """,
            example: "$ gongkai render 例.yaml -o /sys/例.pdf",
            output: "例.yaml: 错误: 无法写入 /sys/例.pdf：没有写入权限 [G1009]",
            fix: "换一个可以写入的位置（-o 或 --out-dir），或腾出磁盘空间、检查文件夹的权限，再运行一次。"),
    ]
}
