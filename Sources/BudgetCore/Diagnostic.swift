/// A finding about the input, in Chinese, pointing at the source like a compiler does.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// Blocks rendering.
        case error = "错误"
        /// Printed, does not block.
        case warning = "警告"
        /// For the record: nothing to fix (a printed figure that differs from its own rounding).
        case info = "信息"
    }

    public let severity: Severity
    public let location: SourceLocation?
    public let message: String
    /// A stable identifier of the rule (e.g. `amount.decimals`), for tests and tooling.
    public let rule: String

    public init(_ severity: Severity, _ rule: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
    }

    public static func error(_ rule: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, rule, message, at: location)
    }

    public static func warning(_ rule: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, rule, message, at: location)
    }

    public static func info(_ rule: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.info, rule, message, at: location)
    }

    /// `path:line:column: 错误: message`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var infos: [Diagnostic] { filter { $0.severity == .info } }

    /// In source order (file, line, column), diagnostics without a place last, otherwise stable.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { left, right in
            switch (left.element.location, right.element.location) {
            case let (l?, r?): return l == r ? left.offset < right.offset : l < r
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return left.offset < right.offset
            }
        }.map(\.element)
    }
}
