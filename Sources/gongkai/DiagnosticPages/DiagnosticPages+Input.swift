extension DiagnosticPage {
    /// G01 读取文件与 YAML.
    static let inputPages: [DiagnosticPage] = [
        DiagnosticPage(
            code: "G0101",
            explanation: "check 打不开所给的文件：文件不存在（路径或文件名写错），或当前用户没有读取它的权限。",
            example: "$ gongkai check 不存在.yaml",
            output: "不存在.yaml: 错误: 无法读取文件（不存在或没有读取权限） [G0101]",
            fix: """
                核对路径和文件名（扩展名是 .yaml 还是 .yml，有没有全角字符）；文件在别的文件夹时写出路径。
                没有读取权限时，请管理员开放（如 chmod a+r 文件）。
                """),
        DiagnosticPage(
            code: "G0102",
            explanation: "所给的路径是一个文件夹（或设备、管道等特殊文件），不是数据文件，gongkai 不读这类路径。",
            example: """
                $ mkdir 高阳县
                $ gongkai check 高阳县
                """,
            output: "高阳县: 错误: 这是一个文件夹，不是数据文件 [G0102]",
            fix: """
                写出文件夹中的数据文件，如 gongkai check 高阳县/*.yaml；排整个县的文件夹用 gongkai batch 高阳县/ --out-dir 公开/。
                """),
        DiagnosticPage(
            code: "G0103",
            explanation: """
                数据文件大于 4 MiB（4194304 字节）时不读取。
                一个部门一个年度的数据远小于此，这么大的文件多半是选错了文件（导出的表格、数据库或 PDF）。
                """,
            example: """
                $ truncate -s 5M 例.yaml
                $ gongkai check 例.yaml
                """,
            output: "例.yaml: 错误: 文件大小 5242880 字节，超过上限 4194304 字节 [G0103]",
            fix: "确认选对了文件：数据文件只写一个部门一个年度的明细。"),
        DiagnosticPage(
            code: "G0104",
            explanation: """
                数据文件必须是 UTF-8 编码的文本。
                以 GBK 保存的文件（如 Windows 记事本“另存为”时选了 ANSI）、含有空字符（U+0000）的文件或二进制文件，报在第一个不合规的字节处。
                文件中直接写入、YAML 不允许的控制字符（如 U+0007）也报这一条，并写出字符的编码。
                """,
            example: """
                $ iconv -f UTF-8 -t GBK 原.yaml > 例.yaml    # 原.yaml 是一个正常的数据文件
                $ gongkai check 例.yaml
                """,
            output: "例.yaml:1:1: 错误: 文件不是 UTF-8 编码：第 1 字节为 0xC3（请以 UTF-8 保存，GBK 文件可用 iconv -f GBK -t UTF-8 转换） [G0104]",
            fix: """
                以 UTF-8 重新保存（编辑器“另存为”中选 UTF-8），或转换：iconv -f GBK -t UTF-8 例.yaml > 新.yaml。控制字符删去即可。
                """),
        DiagnosticPage(
            code: "G0105",
            explanation: "文件是空的，或只有注释和空行，没有任何数据。",
            example: "# 高阳县医疗保障局 2025 年部门预算",
            output: "例.yaml:1:1: 错误: 文件为空：应至少写出 名称、年度、格式、金额单位 和 支出 [G0105]",
            fix: """
                写出必填的键：名称、年度、格式、金额单位 和 支出（见 docs/input-format.md“最小的文件”）；或用 gongkai new --format hebei 例.yaml 生成带注释的空白文件。
                """),
        DiagnosticPage(
            code: "G0106",
            explanation: """
                文件是 YAML，但顶层没有任何一个数据文件的键（名称、年度、支出……），多半是别的程序的文件或选错了文件。
                为免把别的文件的内容抄进诊断，只报这一条。
                """,
            example: """
                services:
                  web:
                    image: nginx
                """,
            output: "例.yaml:1:1: 错误: 不是数据文件：没有“名称”“年度”“支出”等任何一个数据键 [G0106]",
            fix: "确认选对了文件。数据文件的键用表格上印的中文词：名称、年度、格式、金额单位、支出……"),
        DiagnosticPage(
            code: "G0107",
            explanation: """
                文件不合 YAML 语法，程序读不下去，其后的内容都无法检查。
                最常见的原因：冒号写成全角“：”、冒号后缺空格、用全角空格缩进、缩进不齐或用了制表符、引号或括号没有闭合。
                YAML 往往读到出错处之后才发现问题；前三种（中文输入时的常见笔误）和没有闭合的双引号，程序会找回写错的那一行报出，YAML 发现问题的位置列在注中。
                """,
            example: """
                名称：高阳县医疗保障局
                编码: "450"
                """,
            output: "例.yaml:1:3: 错误: “名称”后用了全角冒号“：”：键与值之间应为半角冒号加空格“: ” [G0107]",
            fix: """
                按提示改正：这里第 1 行的全角冒号改为半角冒号加一个空格（名称: 高阳县医疗保障局）。其他语法错误从报出的位置往上看一两行；
                缩进只用半角空格，同一层的键左端对齐。
                """),
        DiagnosticPage(
            code: "G0108",
            explanation: "同一个映射中一个键写了两次（如两个“名称”）。YAML 不允许这样，程序也无从知道该用哪一个，所以报在第二次出现的地方。",
            example: """
                名称: 高阳县医疗保障局
                # ……其他键……
                名称: 高阳县医保局
                """,
            output: "例.yaml:15:1: 错误: 键“名称”重复出现（第一次在第 1 行）：同一映射中每个键只能写一次 [G0108]",
            fix: "删去多余的一个，或把两处的内容合并。若本意是列表中的两项（如两个项目、两行支出），每一项前要写“- ”。"),
        DiagnosticPage(
            code: "G0109",
            explanation: """
                文件展开后超过 200000 个 YAML 节点（数据项）时停止读取。
                这条限制防止用别名“*”层层引用而展开得极大的文件拖垮程序；一个部门的预算远远用不到这么多项，手写的文件不会遇到，多半是生成文件的程序出了错。
                """,
            example: """
                $ { echo '名称: 高阳县医疗保障局'; echo '概况:'; echo '  职责:'; yes '    - 职责' | head -n 200000; } > 例.yaml
                $ gongkai check 例.yaml
                """,
            output: "例.yaml:199999:7: 错误: 文件展开后超过 200000 个节点（可能是别名“*”的层层展开），不再继续读取 [G0109]",
            fix: "检查生成文件的程序，或别名“&”“*”的用法：每项数据只写一次。"),
        DiagnosticPage(
            code: "G0110",
            explanation: """
                文字中有看不见的控制字符：制表符、回车符、双引号中的 \\t \\e 等转义、行分隔符 U+2028、改变文字方向的控制符等（多行文字中的换行不算）。
                这些字符无法排印，还可能让公开文件中的文字与看到的不一样，所以报错，并给出字符的编码和它所在的行列。
                """,
            example: """
                名称: "高阳县\\t医疗保障局"
                """,
            output: "例.yaml:1:9: 错误: “名称”含有字符 U+0009（制表符）：看不见的控制字符无法排印，请删去（需要空白时用空格） [G0110]",
            fix: "删去该字符，需要空白时用空格。从 Word、Excel 或网页复制来的文字最常带有这类字符。"),
    ]
}
