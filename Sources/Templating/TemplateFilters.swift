import Budget
import BudgetCore
import Stencil

/// The filters templates use to print figures (docs/templates.md).
enum TemplateFilters {
    /// `log` hears of every figure a money filter prints (the Document's self-check reads it per cell).
    /// How a format prints amounts: its unit and decimals (金额) and its change wording (增减说法).
    struct Amounts {
        let unit: AmountUnit
        let decimals: Int
        let changeWording: ChangeWording
    }

    static func filters(_ amounts: Amounts, log: PrintLog, yearData: @escaping (String) -> Any?) -> Extension {
        let filters = Extension()
        let unit = amounts.unit
        func amount(_ name: String, in printUnit: AmountUnit, decimals: Int = 2, grouping: Bool = false, blankZero: Bool = false,
                    zeroCents: Bool = true, text: ((Money) -> String)? = nil) {
            filters.registerFilter(name) { value in
                let (money, figure) = try figureValue(value, name)
                let printed = text.map { _ in money } ?? money.rounded(to: printUnit, decimals: decimals)
                if let figure { log.record(figure, printed: printed, family: text == nil ? "\(printUnit.rawValue)/\(decimals)" : name) }
                if blankZero && money.isZero { return "" }
                let formatted = text?(money) ?? money.formatted(in: printUnit, decimals: decimals, grouping: grouping)
                return zeroCents ? formatted : dropZeroCents(formatted)
            }
        }
        amount("金额", in: unit, decimals: amounts.decimals)
        amount("金额或空", in: unit, decimals: amounts.decimals, blankZero: true)
        amount("千分位", in: unit, decimals: amounts.decimals, grouping: true)
        amount("千分位或空", in: unit, decimals: amounts.decimals, grouping: true, blankZero: true)
        amount("整数金额", in: unit, decimals: 0)
        amount("整数金额或空", in: unit, decimals: 0, blankZero: true)
        amount("万元", in: .wanYuan)
        // Amounts in 万元 as Shaanxi's sentences print them: no “.00” on whole numbers.
        amount("万元省零", in: .wanYuan, zeroCents: false)
        amount("万元精确", in: .wanYuan, zeroCents: false) { $0.exactText(in: .wanYuan) }
        filters.registerFilter("非零") { value in !(try money(value, "非零")).isZero }
        // `{% if 比上年|有:"公用经费" %}`: whether optional data is there, without an error when it is not.
        filters.registerFilter("有") { (value: Any?, arguments: [Any?]) in
            guard let key = arguments.first as? String, let record = value as? StrictRecord else {
                throw TemplateSyntaxError("过滤器“有”写成 记录|有:\"键\"")
            }
            return record.members[key] != nil
        }
        filters.registerFilter("百分比") { value in
            // An absent share (a ratio of nothing) prints nothing; anything else is a template's mistake.
            if value == nil || value as? String == "" { return "" }
            guard let percent = value as? Percent else { throw TemplateSyntaxError("过滤器“百分比”只能用于“占比.…”，得到的是“\(String(describing: value!))”") }
            return percent.description
        }
        filters.registerFilter("增减") { value in
            guard let change = value as? ChangeValue else {
                if value == nil {
                    throw TemplateSyntaxError("过滤器“增减”没有可用的比较：数据没有给出这一项的上年数（可先用 {% if 比上年|有:\"键\" %} 判断）")
                }
                throw TemplateSyntaxError("过滤器“增减”只能用于“比上年.…”中的比较")
            }
            return try amounts.changeWording.phrase(change.comparison.change, unit: unit, decimals: amounts.decimals)
        }
        // Dates as typed in the data (2024-01-25): 2024年01月25日, and the year alone.
        // An absent date (a data file without 落款日期) prints nothing.
        filters.registerFilter("中文日期") { value in
            if value as? String == "" { return "" }
            return zip(try dateParts(value, "中文日期"), ["年", "月", "日"]).map { $0 + $1 }.joined()
        }
        filters.registerFilter("年份") { value in value as? String == "" ? "" : try dateParts(value, "年份")[0] }
        // `{{类.名称|补后缀:"支出"}}`: 对个人和家庭的补助 → 对个人和家庭的补助支出; 工资福利支出 stays.
        filters.registerFilter("补后缀") { (value: Any?, arguments: [Any?]) in
            guard let text = value as? String, let suffix = arguments.first as? String else {
                throw TemplateSyntaxError("过滤器“补后缀”写成 文字|补后缀:\"后缀\"")
            }
            return text.hasSuffix(suffix) ? text : text + suffix
        }
        filters.registerFilter("中文序号") { value in
            guard let number = value as? Int else { throw TemplateSyntaxError("过滤器“中文序号”需要整数") }
            return ChineseNumerals.text(number)
        }
        filters.registerFilter("年度数据") { value in
            guard let key = value as? String, let data = yearData(key) else {
                throw TemplateSyntaxError("format.yaml 的“数据”中没有“\(String(describing: value ?? ""))”")
            }
            return data
        }
        return filters
    }

    /// `2024-01-25` → ["2024", "01", "25"]; anything else is a template's mistake.
    static func dateParts(_ value: Any?, _ filter: String) throws -> [String] {
        let parts = (value as? String ?? "").split(separator: "-").map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw TemplateSyntaxError("过滤器“\(filter)”需要“年-月-日”形式的日期，得到的是“\(value.map { String(describing: $0) } ?? "")”")
        }
        return parts
    }

    static func dropZeroCents(_ text: String) -> String { text.hasSuffix(".00") ? String(text.dropLast(3)) : text }

    static func money(_ value: Any?, _ filter: String) throws -> Money {
        try figureValue(value, filter).money
    }

    /// The amount a filter was given, and its name in the data when it is a named figure.
    static func figureValue(_ value: Any?, _ filter: String) throws -> (money: Money, figure: Figure?) {
        if let figure = value as? Figure { return (figure.value, figure) }
        if let money = value as? Money { return (money, nil) }
        // Nothing where an amount belongs (a name the data lacks outside the strict records): not 0.00.
        if value == nil { throw TemplateSyntaxError("过滤器“\(filter)”没有得到金额（名称写错了，或这一项数据没有？）") }
        throw TemplateSyntaxError("过滤器“\(filter)”只能用于金额，得到的是“\(String(describing: value!))”")
    }
}

/// 一, 二, … 十一, 二十, 三十一: the Chinese numerals of headings and table rows.
enum ChineseNumerals {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func text(_ number: Int) -> String {
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10, ones = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
