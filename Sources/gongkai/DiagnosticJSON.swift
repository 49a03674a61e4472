import BudgetCore
import Foundation

/// `check --message-format json`: one JSON object per diagnostic per line (JSON Lines), for
/// editors and CI. Keys are English and stable; messages are the diagnostics' Chinese.
struct DiagnosticJSON: Encodable {
    struct Span: Encodable {
        let file: String
        /// 0 with `column` 0: the file as a whole.
        let line: Int
        let column: Int
        /// Where the value at `column` ends on the line (exclusive, in Unicode scalars like `column`),
        /// when the line could be read: an editor underlines `column..<end`.
        var end: Int?
        /// The main place of the diagnostic, or a place a note names.
        let primary: Bool
        /// The note's message, for a span that is not the primary one.
        let label: String?
    }

    let severity: String
    let code: String
    let rule: String
    let message: String
    let spans: [Span]
    /// Notes that name no place (e.g. the precision a 核对数 was compared at).
    let notes: [String]
    let hint: String?

    init(_ diagnostic: Diagnostic, sources: SourceLines? = nil) {
        switch diagnostic.severity {
        case .error: severity = "error"
        case .warning: severity = "warning"
        case .info: severity = "info"
        }
        code = diagnostic.code
        rule = diagnostic.rule
        message = diagnostic.message
        hint = diagnostic.hint
        let primary = diagnostic.location.map { Span(file: $0.file, line: $0.line, column: $0.column, primary: true, label: nil) }
        let located = diagnostic.notes.compactMap { note in
            note.location.map { Span(file: $0.file, line: $0.line, column: $0.column, primary: false, label: note.message) }
        }
        spans = ((primary.map { [$0] } ?? []) + located).map { span in
            guard span.line > 0, let text = sources?.line(span.line, of: span.file) else { return span }
            var measured = span
            measured.end = SourceExcerpt.spanEnd(Array(text.unicodeScalars), from: span.column - 1) + 1
            return measured
        }
        notes = diagnostic.notes.filter { $0.location == nil }.map(\.message)
    }

    static func line(_ diagnostic: Diagnostic, sources: SourceLines? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(DiagnosticJSON(diagnostic, sources: sources))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
