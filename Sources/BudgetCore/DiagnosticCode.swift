/// The stable public code of every diagnostic rule (G0701 …): what users search for, what
/// `gongkai explain` takes and docs/diagnostics.md lists. Codes never change meaning and are never
/// reused; a retired rule keeps its line here. The hundreds group the rules by where the fix goes.
public enum DiagnosticCode {
    public struct Entry: Sendable {
        public let code: String
        public let rule: String
        /// What the rule is about, in a few Chinese words (the heading of its page).
        public let title: String
    }

    public static let all: [Entry] = [
        // G01 读取文件与 YAML
        Entry(code: "G0101", rule: "input.unreadable", title: "文件无法读取"),
        Entry(code: "G0102", rule: "input.not-file", title: "不是普通文件"),
        Entry(code: "G0103", rule: "input.too-large", title: "文件过大"),
        Entry(code: "G0104", rule: "input.encoding", title: "不是 UTF-8 文本"),
        Entry(code: "G0105", rule: "input.empty", title: "文件为空"),
        Entry(code: "G0106", rule: "input.foreign", title: "不是预算数据文件"),
        Entry(code: "G0107", rule: "yaml.syntax", title: "YAML 语法错误"),
        Entry(code: "G0108", rule: "yaml.duplicate-key", title: "同一映射中键重复"),
        Entry(code: "G0109", rule: "input.too-many-nodes", title: "数据项过多"),
        Entry(code: "G0110", rule: "text.control-character", title: "文字中有控制字符"),
        // G02 键与值
        Entry(code: "G0201", rule: "input.unknown-key", title: "未知的键"),
        Entry(code: "G0202", rule: "input.missing-key", title: "缺少必填的键"),
        Entry(code: "G0203", rule: "input.type", title: "值的种类不对"),
        Entry(code: "G0204", rule: "input.key-not-text", title: "键不是文字"),
        Entry(code: "G0205", rule: "input.choice", title: "不在可选值之内"),
        Entry(code: "G0206", rule: "input.date", title: "日期写法不对"),
        Entry(code: "G0207", rule: "input.not-integer", title: "应为整数"),
        Entry(code: "G0208", rule: "input.integer-range", title: "整数超出范围"),
        Entry(code: "G0209", rule: "input.unfilled", title: "还有待填的数"),
        Entry(code: "G0210", rule: "amount.malformed", title: "金额写法不对"),
        Entry(code: "G0211", rule: "amount.decimals", title: "金额小数位过多"),
        Entry(code: "G0212", rule: "amount.too-large", title: "金额超出上限"),
        Entry(code: "G0213", rule: "amount.negative", title: "金额为负"),
        Entry(code: "G0214", rule: "code.not-digits", title: "科目编码不是数字"),
        Entry(code: "G0215", rule: "code.length", title: "科目编码位数不对"),
        // G03 科目
        Entry(code: "G0301", rule: "subject.unknown", title: "科目不在目录中"),
        Entry(code: "G0302", rule: "subject.parent", title: "上级科目不存在"),
        Entry(code: "G0303", rule: "subject.duplicate", title: "科目与资金来源重复"),
        Entry(code: "G0304", rule: "subject.county-conflict", title: "县设置的科目名称与目录不同"),
        Entry(code: "G0305", rule: "subject.name-differs", title: "写的科目名称与科目库不同"),
        // G04 支出与经济分类
        Entry(code: "G0401", rule: "row.basic-split", title: "基本支出不等于人员经费与公用经费之和"),
        Entry(code: "G0402", rule: "row.empty", title: "科目没有金额"),
        Entry(code: "G0403", rule: "economic.missing", title: "缺少基本支出经济分类"),
        Entry(code: "G0404", rule: "economic.basic-total", title: "经济分类合计与基本支出不符"),
        Entry(code: "G0405", rule: "economic.personnel", title: "经济分类人员经费与支出不符"),
        Entry(code: "G0406", rule: "economic.personnel-under-public", title: "人员经费科目写在公用经费下"),
        Entry(code: "G0407", rule: "economic.public-under-personnel", title: "公用经费科目写在人员经费下"),
        Entry(code: "G0408", rule: "economic.functional-match", title: "经济科目与对应的功能科目不符"),
        Entry(code: "G0409", rule: "economic.government-code", title: "政府经济科目对应有误"),
        Entry(code: "G0410", rule: "economic.government-code-unused", title: "政府经济科目对应未用到"),
        Entry(code: "G0411", rule: "units.public-use", title: "单位公用经费与合计不符"),
        Entry(code: "G0412", rule: "economic.functional-at-most", title: "功能科目的基本支出超过对应的经济科目"),
        Entry(code: "G0413", rule: "economic.economic-at-most", title: "经济科目超过对应功能科目的基本支出"),
        // G05 “三公”经费与机关运行经费
        Entry(code: "G0501", rule: "three-public.vehicle-operation", title: "公务用车运行维护费与 30231 不符"),
        Entry(code: "G0502", rule: "three-public.vehicle-purchase", title: "公务用车购置费与 31013 不符"),
        Entry(code: "G0503", rule: "three-public.meetings", title: "会议费与 30215 不符"),
        Entry(code: "G0504", rule: "three-public.training", title: "培训费与 30216 不符"),
        Entry(code: "G0505", rule: "office-operation.derived", title: "机关运行经费与推算不符"),
        Entry(code: "G0506", rule: "office-operation.unknown", title: "无法推算机关运行经费"),
        Entry(code: "G0507", rule: "office-operation.above-public-use", title: "机关运行经费超过公用经费"),
        // G06 项目与绩效
        Entry(code: "G0601", rule: "project.amount-missing", title: "项目没有金额"),
        Entry(code: "G0602", rule: "project.economic-total", title: "项目经济分类合计与金额不符"),
        Entry(code: "G0603", rule: "project.missing-detail", title: "项目缺少明细"),
        Entry(code: "G0604", rule: "project.plan-total", title: "资金支出计划累计与项目金额不符"),
        Entry(code: "G0605", rule: "project.subject-total", title: "项目合计与科目项目支出不符"),
        Entry(code: "G0606", rule: "project.no-goal", title: "项目没有绩效目标"),
        Entry(code: "G0607", rule: "project.no-indicators", title: "项目没有绩效指标"),
        Entry(code: "G0608", rule: "indicator.levels", title: "绩效指标层级不对"),
        Entry(code: "G0609", rule: "project.duplicate-code", title: "两个项目编码相同"),
        Entry(code: "G0610", rule: "project.basic-subject", title: "项目列在基本支出科目下"),
        Entry(code: "G0611", rule: "performance.task-total", title: "绩效任务金额之和与支出合计不符"),
        // G07 核对数
        Entry(code: "G0701", rule: "stated.mismatch", title: "核对数与明细算得的数不符"),
        // G08 上年数据与增减
        Entry(code: "G0801", rule: "prior.missing", title: "上年数据文件不存在"),
        Entry(code: "G0802", rule: "prior.invalid", title: "上年数据文件有错"),
        Entry(code: "G0803", rule: "prior.outside", title: "上年数据文件在本文件夹之外"),
        Entry(code: "G0804", rule: "prior.cycle", title: "上年数据文件循环引用"),
        Entry(code: "G0805", rule: "prior.year", title: "上年年度不对"),
        Entry(code: "G0806", rule: "prior.unit", title: "上年金额单位不同"),
        Entry(code: "G0807", rule: "prior.sum", title: "上年合计与明细不符"),
        Entry(code: "G0808", rule: "change.no-reason", title: "增减变化没有写原因"),
        Entry(code: "G0809", rule: "change.reason-direction", title: "增减原因与增减方向相反"),
        // G09 政府采购、资产
        Entry(code: "G0901", rule: "procurement.reserve", title: "中小企业预留超过采购预算"),
        Entry(code: "G0902", rule: "procurement.micro-reserve", title: "小微企业预留超过中小企业预留"),
        Entry(code: "G0903", rule: "procurement.items", title: "采购分类金额与明细不符"),
        Entry(code: "G0904", rule: "assets.total", title: "资产总额与各项之和不符"),
        Entry(code: "G0905", rule: "assets.count", title: "资产总数与各项之和不符"),
        Entry(code: "G0906", rule: "assets.date", title: "资产截止日期在预算年度之内"),
        Entry(code: "G0907", rule: "staff.total", title: "人数与其分项之和不符"),
        // G10 模板、字体与生成文件
        Entry(code: "G1001", rule: "glyph.missing", title: "字体中没有这个字"),
        Entry(code: "G1002", rule: "template.no-directory", title: "找不到模板目录"),
        Entry(code: "G1003", rule: "template.no-format", title: "没有这个格式"),
        Entry(code: "G1004", rule: "template.error", title: "模板错误"),
        Entry(code: "G1005", rule: "document.self-check", title: "印出的表格不能自洽"),
        Entry(code: "G1006", rule: "document.footing", title: "独立舍入后合计不符"),
        Entry(code: "G1007", rule: "document.not-printed", title: "填写的数没有印出"),
        Entry(code: "G1008", rule: "rounding.controlled", title: "印出数与其单独舍入相差 0.01"),
        Entry(code: "G1009", rule: "render.failed", title: "生成文件失败"),
        // G11 县设置
        Entry(code: "G1101", rule: "county.settings", title: "县设置有错"),
        Entry(code: "G1102", rule: "county.unreadable", title: "县设置无法读取"),
    ]

    /// For a rule not listed (a defect a test catches), G0000.
    public static func code(for rule: String) -> String { byRule[rule]?.code ?? "G0000" }

    public static func entry(code: String) -> Entry? { byCode[code.uppercased()] }

    private static let byRule = Dictionary(all.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}
