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

    /// Another place involved in a finding: the leaf behind a total, the other occurrence of a
    /// duplicate, the functional rows behind an economic pair (clang's `note:`, printed as 注：).
    public struct Note: Hashable, Sendable, Codable {
        public let message: String
        public let location: SourceLocation?

        public init(_ message: String, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    public private(set) var severity: Severity
    public private(set) var location: SourceLocation?
    public let message: String
    /// A stable identifier of the rule (e.g. `amount.decimals`), for tests and tooling.
    public let rule: String
    /// Every other place involved, in the order a reader should look.
    public private(set) var notes: [Note] = []
    /// The fix, when there is one (提示：).
    public private(set) var hint: String?
    /// By how much two figures disagree, for a numeric finding: one wrong leaf makes every total
    /// above it disagree by the same amount, and those are reported as notes of the leaf's error.
    public private(set) var difference: Money?

    public init(_ severity: Severity, _ rule: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
    }

    /// The stable public code of the rule (G0701 …), documented in docs/diagnostics.md.
    public var code: String { DiagnosticCode.code(for: rule) }

    /// This diagnostic with one more place involved.
    public func noting(_ message: String, at location: SourceLocation?) -> Diagnostic {
        var copy = self
        copy.notes.append(Note(message, at: location))
        return copy
    }

    /// This diagnostic with several more places involved.
    public func noting(_ notes: [Note]) -> Diagnostic {
        var copy = self
        copy.notes += notes
        return copy
    }

    /// This diagnostic reported at `location` instead, its old place kept as the first note.
    public func moved(to location: SourceLocation?, leaving note: String) -> Diagnostic {
        var copy = self
        copy.location = location
        copy.notes = [Note(note, at: self.location)] + notes.filter { $0.location != location }
        return copy
    }

    /// This finding as an error (a warning that explains errors folded into it).
    public func asError() -> Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }

    /// This diagnostic with the amount by which its two figures disagree.
    public func withDifference(_ difference: Money) -> Diagnostic {
        var copy = self
        copy.difference = difference
        return copy
    }

    /// This diagnostic with the fix spelt out.
    public func hinting(_ hint: String) -> Diagnostic {
        var copy = self
        copy.hint = hint
        return copy
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
