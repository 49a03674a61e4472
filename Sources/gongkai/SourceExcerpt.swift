import BudgetCore
import Foundation

/// The line a diagnostic points at, as a terminal should show it, with the span under the
/// caret: clang's excerpt. Columns are counted in Unicode scalars, as libyaml's marks are.
struct SourceExcerpt: Equatable {
    /// The line, made printable and cut to a window around the span when long.
    let text: String
    /// Display columns before the caret.
    let caretColumn: Int
    /// Display columns the span covers (at least 1).
    let spanWidth: Int

    static let maximumWidth = 160

    /// `nil` when the line is not there (file gone or changed, a whole-file finding).
    init?(line: Substring, column: Int) {
        let scalars = Array(line.unicodeScalars)
        let start = column - 1
        guard start >= 0, start <= scalars.count else { return nil }
        let end = SourceExcerpt.spanEnd(scalars, from: start)
        var pieces = scalars.map { TerminalText.printable($0) }
        var first = 0
        var last = pieces.count
        // A long line is cut to a window that keeps the span, with “…” where it was cut.
        func width(_ range: Range<Int>) -> Int { pieces[range].reduce(0) { $0 + TerminalText.width($1) } }
        while width(first..<last) > SourceExcerpt.maximumWidth, last > end + 1 { last -= 1 }
        while width(first..<last) > SourceExcerpt.maximumWidth, first < start { first += 1 }
        let prefix = first > 0 ? "…" : ""
        if last < pieces.count { pieces[last - 1] = "…" }
        text = prefix + pieces[first..<last].joined()
        caretColumn = TerminalText.width(prefix) + width(first..<start)
        spanWidth = max(1, width(start..<min(end, last)))
    }

    /// The index just past the value starting at `start`: a quoted scalar to its closing
    /// quote, a plain one to a comment, a `key:`, a flow separator or the line's end.
    static func spanEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return start }
        let opening = scalars[start]
        if opening == "\"" || opening == "'" {
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "\\" && opening == "\"" { index += 2; continue }
                if scalars[index] == opening { return index + 1 }
                index += 1
            }
            return scalars.count
        }
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if scalar == ":" && next == " " { break }
            if scalar == " " && next == "#" { break }
            if scalar == "," || scalar == "}" || scalar == "]" { break }
            index += 1
        }
        if index == scalars.count, scalars.last == ":" { index -= 1 }
        while index > start + 1, scalars[index - 1] == " " { index -= 1 }
        return max(index, start + 1)
    }

    /// The caret line: `^` under the span's first column, `~` under the rest.
    var caret: String {
        String(repeating: " ", count: caretColumn) + "^" + String(repeating: "~", count: spanWidth - 1)
    }
}

/// The files diagnostics point at, each read once, as lines.
final class SourceLines {
    private var files: [String: [Substring]] = [:]

    func line(_ number: Int, of file: String) -> Substring? {
        let lines: [Substring]
        if let cached = files[file] {
            lines = cached
        } else {
            // Only regular files of sensible size; undecodable bytes never reach the terminal.
            var status = stat()
            let readable = stat(file, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && status.st_size <= 4 << 20
            let data = readable ? FileManager.default.contents(atPath: file) : nil
            let text = data.flatMap { String(validatingUTF8CString: $0) }
            // By scalars: "\r\n" is one Character, and libyaml counts lines by either ending.
            lines = text?.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                Substring(line.last == "\r" ? line.dropLast() : line)
            } ?? []
            files[file] = lines
        }
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}

private extension String {
    /// Strict UTF-8, as the input loader reads: `nil` for any invalid byte.
    init?(validatingUTF8CString data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
