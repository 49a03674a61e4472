import BudgetCore

/// What a county's settings supply for every department that does not write it itself (县设置.yaml:
/// 格式, 年度), with where the settings say it, so a diagnostic about it points there.
public struct InputDefaults: Sendable {
    public var format: Located<String>?
    public var year: Located<Int>?

    public init(format: Located<String>? = nil, year: Located<Int>? = nil) {
        self.format = format
        self.year = year
    }

    public static let none = InputDefaults()

    /// Top-level values by key, as the shape reader fills a missing key.
    var values: [String: InputValue] {
        var values: [String: InputValue] = [:]
        if let format { values["格式"] = .text(format) }
        if let year { values["年度"] = .integer(year) }
        return values
    }

    /// For last year's file: the format carries over, the year does not (it is last year's).
    var forPriorYear: InputDefaults { InputDefaults(format: format) }
}
