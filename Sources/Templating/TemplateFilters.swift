import Budget
import BudgetCore

/// The filters templates use to print figures (docs/templates.md), and Stencil's `join` and
/// `default`, which the formats use too.
enum TemplateFilter: String, Sendable, CaseIterable {
    case amount = "金额"
    case amountOrBlank = "金额或空"
    case grouped = "千分位"
    case groupedOrBlank = "千分位或空"
    case whole = "整数金额"
    case wholeOrBlank = "整数金额或空"
    case wan = "万元"
    case wanWithoutZeroCents = "万元省零"
    case wanExact = "万元精确"
    case nonZero = "非零"
    case has = "有"
    case percent = "百分比"
    case change = "增减"
    case chineseDate = "中文日期"
    case year = "年份"
    case suffix = "补后缀"
    case ordinal = "中文序号"
    case yearData = "年度数据"
    case join
    case `default`

    /// The filters written `|名:参数`; the others take none.
    var takesArguments: Bool {
        switch self {
        case .has, .suffix, .join, .default: return true
        default: return false
        }
    }

    static let names = allCases.map(\.rawValue).joined(separator: "、")

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { (NameKey($0.rawValue), $0) })

    /// The filter of that name (a lookup by bytes rather than comparing Chinese texts one by one).
    static func named(_ name: String) -> TemplateFilter? { byName[NameKey(name)] }

    static let moneyFilters: [TemplateFilter] = [.amount, .amountOrBlank, .grouped, .groupedOrBlank, .whole, .wholeOrBlank, .wan,
                                                 .wanWithoutZeroCents, .wanExact]

    /// The place of a money filter in `moneyFilters` (a switch: an enum with text raw values
    /// hashes the text).
    var moneyIndex: Int? {
        switch self {
        case .amount: return 0
        case .amountOrBlank: return 1
        case .grouped: return 2
        case .groupedOrBlank: return 3
        case .whole: return 4
        case .wholeOrBlank: return 5
        case .wan: return 6
        case .wanWithoutZeroCents: return 7
        case .wanExact: return 8
        default: return nil
        }
    }

    /// A mistake in how the filter is written, found when the text is compiled.
    func problem(arguments: Int) -> String? {
        if !takesArguments && arguments > 0 { return "过滤器“\(rawValue)”不带参数" }
        if self == .join && arguments > 1 { return "过滤器“join”最多带一个参数（分隔符）" }
        return nil
    }
}

enum TemplateFilters {
    /// How a format prints amounts: its unit and decimals (金额) and its change wording (增减说法).
    struct Amounts: Sendable {
        let unit: AmountUnit
        let decimals: Int
        let changeWording: ChangeWording
    }

    /// `2024-01-25` → ["2024", "01", "25"]; anything else is a template's mistake.
    static func dateParts(_ value: TemplateValue, _ filter: TemplateFilter) throws -> [String] {
        let text: String
        if case .text(let string) = value { text = string } else { text = "" }
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw TemplateFailure("过滤器“\(filter.rawValue)”需要“年-月-日”形式的日期，得到的是“\(value.isNull ? "" : value.described)”")
        }
        return parts
    }

    static func dropZeroCents(_ text: String) -> String { text.hasSuffix(".00") ? String(text.dropLast(3)) : text }

    /// The amount a filter was given, and its name in the data when it is a named figure.
    static func figureValue(_ value: TemplateValue, _ filter: TemplateFilter) throws -> (money: Money, figure: Figure?) {
        switch value {
        case .figure(let figure): return (figure.value, figure)
        case .money(let money): return (money, nil)
        // Nothing where an amount belongs (a name the data lacks outside the strict records): not 0.00.
        case .null: throw TemplateFailure("过滤器“\(filter.rawValue)”没有得到金额（名称写错了，或这一项数据没有？）")
        default: throw TemplateFailure("过滤器“\(filter.rawValue)”只能用于金额，得到的是“\(value.described)”")
        }
    }
}

/// The filters as one document runs them: the format's amounts, the log of printed figures, the
/// year data for the document's year. Texts outside a document (增减说法) run without amounts.
/// Immutable; a class, so that each text run takes it without copying its parts.
final class TemplateFilterEnvironment: @unchecked Sendable {
    /// How one money filter prints.
    private struct MoneyStyle {
        let unit: AmountUnit
        let decimals: Int
        var grouping = false
        var blankZero = false
        var zeroCents = true
        /// 万元精确: the exact amount in 万元 rather than a rounded one.
        var exact = false
        /// The self-check's family of the printed figure (`万元/2`, or the filter's name).
        let family: String
    }

    let amounts: TemplateFilters.Amounts?
    let log: PrintLog?
    /// format.yaml's 数据 for the document's year (`"键"|年度数据`).
    let yearData: [String: TemplateValue]
    /// By `TemplateFilter.moneyIndex`.
    private let styles: [MoneyStyle]

    init(amounts: TemplateFilters.Amounts?, log: PrintLog?, yearData: [String: TemplateValue]) {
        self.amounts = amounts
        self.log = log
        self.yearData = yearData
        var styles: [TemplateFilter: MoneyStyle] = [:]
        if let amounts {
            let unit = amounts.unit, decimals = amounts.decimals
            let own = "\(unit.rawValue)/\(decimals)", whole = "\(unit.rawValue)/0", wan = "\(AmountUnit.wanYuan.rawValue)/2"
            styles[.amount] = MoneyStyle(unit: unit, decimals: decimals, family: own)
            styles[.amountOrBlank] = MoneyStyle(unit: unit, decimals: decimals, blankZero: true, family: own)
            styles[.grouped] = MoneyStyle(unit: unit, decimals: decimals, grouping: true, family: own)
            styles[.groupedOrBlank] = MoneyStyle(unit: unit, decimals: decimals, grouping: true, blankZero: true, family: own)
            styles[.whole] = MoneyStyle(unit: unit, decimals: 0, family: whole)
            styles[.wholeOrBlank] = MoneyStyle(unit: unit, decimals: 0, blankZero: true, family: whole)
            styles[.wan] = MoneyStyle(unit: .wanYuan, decimals: 2, family: wan)
            // Amounts in 万元 as Shaanxi's sentences print them: no “.00” on whole numbers.
            styles[.wanWithoutZeroCents] = MoneyStyle(unit: .wanYuan, decimals: 2, zeroCents: false, family: wan)
            styles[.wanExact] = MoneyStyle(unit: .wanYuan, decimals: 2, zeroCents: false, exact: true, family: TemplateFilter.wanExact.rawValue)
        }
        self.styles = TemplateFilter.moneyFilters.compactMap { styles[$0] }
    }

    /// Texts that print no amounts (增减说法).
    static let plain = TemplateFilterEnvironment(amounts: nil, log: nil, yearData: [:])

    func apply(_ filter: TemplateFilter, to value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        switch filter {
        case .amount, .amountOrBlank, .grouped, .groupedOrBlank, .whole, .wholeOrBlank, .wan, .wanWithoutZeroCents, .wanExact:
            guard let index = filter.moneyIndex, index < styles.count else {
                throw TemplateFailure("过滤器“\(filter.rawValue)”不能用在这里（这段文字不印金额）")
            }
            let style = styles[index]
            return .text(try money(value, filter, style))
        case .nonZero:
            return .bool(!(try TemplateFilters.figureValue(value, filter).money.isZero))
        case .has:
            // `{% if 比上年|有:"公用经费" %}`: whether optional data is there, without an error when it is not.
            guard case .text(let key)? = arguments.first, case .record(let record) = value else {
                throw TemplateFailure("过滤器“有”写成 记录|有:\"键\"")
            }
            return .bool(record[NameKey(key)] != nil)
        case .percent:
            // An absent share (a ratio of nothing) prints nothing; anything else is a template's mistake.
            switch value {
            case .null: return .text("")
            case .text(let text) where text.isEmpty: return value
            case .percent(let percent): return .text(percent.description)
            default: throw TemplateFailure("过滤器“百分比”只能用于“占比.…”，得到的是“\(value.described)”")
            }
        case .change:
            guard case .change(let change) = value else {
                if value.isNull {
                    throw TemplateFailure("过滤器“增减”没有可用的比较：数据没有给出这一项的上年数（可先用 {% if 比上年|有:\"键\" %} 判断）")
                }
                throw TemplateFailure("过滤器“增减”只能用于“比上年.…”中的比较")
            }
            guard let amounts else { throw TemplateFailure("过滤器“增减”不能用在这里（这段文字不印金额）") }
            do {
                return .text(try amounts.changeWording.phrase(change.comparison.change, unit: amounts.unit, decimals: amounts.decimals))
            } catch {
                throw TemplateFailure("\(error)")
            }
        // Dates as typed in the data (2024-01-25): 2024年01月25日, and the year alone.
        // An absent date (a data file without 落款日期) prints nothing.
        case .chineseDate:
            if case .text(let text) = value, text.isEmpty { return value }
            let parts = try TemplateFilters.dateParts(value, filter)
            return .text(parts[0] + "年" + parts[1] + "月" + parts[2] + "日")
        case .year:
            if case .text(let text) = value, text.isEmpty { return value }
            return .text(try TemplateFilters.dateParts(value, filter)[0])
        case .suffix:
            // `{{类.名称|补后缀:"支出"}}`: 对个人和家庭的补助 → 对个人和家庭的补助支出; 工资福利支出 stays.
            guard case .text(let text) = value, case .text(let suffix)? = arguments.first else {
                throw TemplateFailure("过滤器“补后缀”写成 文字|补后缀:\"后缀\"")
            }
            return text.hasSuffix(suffix) ? value : .text(text + suffix)
        case .ordinal:
            guard case .int(let number) = value else { throw TemplateFailure("过滤器“中文序号”需要整数") }
            return .text(ChineseNumerals.text(number))
        case .yearData:
            guard case .text(let key) = value, let data = yearData[key] else {
                throw TemplateFailure("format.yaml 的“数据”中没有“\(value.isNull ? "" : value.described)”")
            }
            return data
        case .join:
            let separator = arguments.first?.rendered ?? ""
            guard case .list(let items) = value else { return value }
            return .text(items.map(\.rendered).joined(separator: separator))
        case .default:
            // Stencil's: the value when there is one, else the first argument that is there.
            if !value.isNull && value.described != "nil" { return value }
            return arguments.first { !$0.isNull } ?? .null
        }
    }

    private func money(_ value: TemplateValue, _ filter: TemplateFilter, _ style: MoneyStyle) throws -> String {
        let (money, figure) = try TemplateFilters.figureValue(value, filter)
        if let figure, let log {
            log.record(figure, printed: style.exact ? money : money.rounded(to: style.unit, decimals: style.decimals), family: style.family)
        }
        if style.blankZero && money.isZero { return "" }
        let formatted = style.exact ? money.exactText(in: .wanYuan) : money.formatted(in: style.unit, decimals: style.decimals, grouping: style.grouping)
        return style.zeroCents ? formatted : TemplateFilters.dropZeroCents(formatted)
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
