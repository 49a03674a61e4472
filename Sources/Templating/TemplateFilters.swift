import Budget
import BudgetCore
import Stencil

/// The filters templates use to print figures (docs/templates.md).
enum TemplateFilters {
    static func filters(unit: AmountUnit, yearData: @escaping (String) -> Any?) -> Extension {
        let filters = Extension()
        filters.registerFilter("金额") { value in try money(value, "金额").formatted(in: unit) }
        filters.registerFilter("金额或空") { value in
            let amount = try money(value, "金额或空")
            return amount.isZero ? "" : amount.formatted(in: unit)
        }
        filters.registerFilter("千分位") { value in try money(value, "千分位").formatted(in: unit, grouping: true) }
        filters.registerFilter("千分位或空") { value in
            let amount = try money(value, "千分位或空")
            return amount.isZero ? "" : amount.formatted(in: unit, grouping: true)
        }
        filters.registerFilter("整数金额") { value in try money(value, "整数金额").formatted(in: unit, decimals: 0) }
        filters.registerFilter("万元") { value in try money(value, "万元").formatted(in: .wanYuan) }
        // Amounts in 万元 as Shaanxi's sentences print them: no “.00” on whole numbers.
        filters.registerFilter("万元省零") { value in dropZeroCents(try money(value, "万元省零").formatted(in: .wanYuan)) }
        filters.registerFilter("万元精确") { value in dropZeroCents(try money(value, "万元精确").exactText(in: .wanYuan)) }
        filters.registerFilter("非零") { value in !(try money(value, "非零")).isZero }
        // `{% if 比上年|有:"公用经费" %}`: whether optional data is there, without an error when it is not.
        filters.registerFilter("有") { (value: Any?, arguments: [Any?]) in
            guard let key = arguments.first as? String, let record = value as? StrictRecord else {
                throw TemplateSyntaxError("过滤器“有”写成 记录|有:\"键\"")
            }
            return record.members[key] != nil
        }
        filters.registerFilter("百分比") { value in
            guard let percent = value as? Percent else { return "" }
            return percent.description
        }
        filters.registerFilter("增减") { value in
            guard let change = value as? ChangeValue else {
                if value == nil {
                    throw TemplateSyntaxError("过滤器“增减”没有可用的比较：数据没有给出这一项的上年数（可先用 {% if 比上年|有:\"键\" %} 判断）")
                }
                throw TemplateSyntaxError("过滤器“增减”只能用于“比上年.…”中的比较")
            }
            return change.comparison.change.phrase(unit: unit)
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

    static func dropZeroCents(_ text: String) -> String { text.hasSuffix(".00") ? String(text.dropLast(3)) : text }

    static func money(_ value: Any?, _ filter: String) throws -> Money {
        if let money = value as? Money { return money }
        if value == nil { return .zero }
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
