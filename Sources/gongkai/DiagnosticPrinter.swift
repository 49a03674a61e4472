import BudgetCore
import Foundation

/// Prints diagnostics as clang does: the line editors and scripts parse
/// (`path:line:col: 错误: message [G0701]`), then the source line with a caret under the span,
/// then `注：` for every other place involved and `提示：` with the fix. Colour only on a terminal.
struct DiagnosticPrinter {
    /// ANSI colour, for a terminal that is not told `NO_COLOR`.
    let colour: Bool
    private let sources = SourceLines()

    init(colour: Bool) { self.colour = colour }

    /// Colour when standard output is a terminal and `NO_COLOR` is not set (`FORCE_COLOR` forces it).
    static func forStandardOutput() -> DiagnosticPrinter {
        let environment = ProcessInfo.processInfo.environment
        if environment["FORCE_COLOR"].map({ !$0.isEmpty && $0 != "0" }) == true { return DiagnosticPrinter(colour: true) }
        let terminal = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return DiagnosticPrinter(colour: terminal)
    }

    /// The diagnostic's lines, without a final newline.
    func text(_ diagnostic: Diagnostic) -> String {
        var lines = [headline(diagnostic)]
        if let location = diagnostic.location, !location.isWholeFile,
           let line = sources.line(location.line, of: location.file),
           let excerpt = SourceExcerpt(line: line, column: location.column) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            lines.append(" \(number) | \(excerpt.text)")
            lines.append(" \(gutter) | \(paint(excerpt.caret, .green))")
        }
        for note in diagnostic.notes {
            let place = note.location.map { "\($0): " } ?? ""
            lines.append("  \(paint("注：", .cyan))\(place)\(TerminalText.printable(note.message))")
        }
        if let hint = diagnostic.hint {
            lines.append("  \(paint("提示：", .cyan))\(TerminalText.printable(hint))")
        }
        return lines.joined(separator: "\n")
    }

    private func headline(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { paint("\($0):", .bold) + " " } ?? ""
        let severity = paint("\(diagnostic.severity.rawValue):", diagnostic.severity.colour)
        return "\(place)\(severity) \(TerminalText.printable(diagnostic.message)) [\(diagnostic.code)]"
    }

    enum Colour: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}

private extension Diagnostic.Severity {
    var colour: DiagnosticPrinter.Colour {
        switch self {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }
}
