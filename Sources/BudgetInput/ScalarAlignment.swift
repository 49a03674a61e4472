import BudgetCore
import Yams

/// Where each character of a parsed scalar stands in the file. libyaml only marks where a scalar
/// starts; its value may differ from the text between the marks by quotes, escapes, folded line
/// breaks and indentation. Walking the value and the text together, skipping only what YAML may
/// drop (white space, line breaks, doubled single quotes) and decoding escapes, places every
/// character; anything else means the walk lost its way, and the caller falls back to the mark.
struct ScalarAlignment {
    let source: SourceText

    /// The source index of each Unicode scalar of the value, or nil when they cannot be placed.
    func sourceIndices(of scalar: Node.Scalar) -> [Int]? {
        guard let mark = scalar.mark, var index = source.index(of: mark) else { return nil }
        let text = source.scalars
        switch scalar.style {
        case .literal, .folded:
            // The value starts on the line after the indicator (`|`, `>-` …) and its comment.
            while index < text.count, !SourceText.isBreak(text[index]) { index += 1 }
        case .singleQuoted, .doubleQuoted:
            index += 1
        case .plain, .any:
            break
        }
        var placed: [Int] = []
        placed.reserveCapacity(scalar.string.unicodeScalars.count)
        for wanted in scalar.string.unicodeScalars {
            guard let found = find(wanted, from: index, style: scalar.style) else { return nil }
            placed.append(found.at)
            index = found.next
        }
        return placed
    }

    /// The value cut into runs that stand contiguously in the file, each located at its first
    /// character, so that counting characters from there gives each one's true column. A value
    /// that cannot be placed is one run at the scalar's mark.
    func runs(of scalar: Node.Scalar, at mark: SourceLocation) -> [Located<String>] {
        let value = scalar.string
        if let start = scalar.mark.flatMap(source.index(of:)), standsVerbatim(value, at: start) {
            return [Located(value, at: mark)]
        }
        guard let indices = sourceIndices(of: scalar) else { return [Located(value, at: mark)] }
        var runs: [Located<String>] = []
        var current = String.UnicodeScalarView()
        var runStart = 0
        for (offset, character) in value.unicodeScalars.enumerated() {
            if offset > 0, startsNewRun(indices[offset], after: indices[offset - 1]) {
                runs.append(Located(String(current), at: source.location(of: indices[runStart])))
                current = String.UnicodeScalarView()
                runStart = offset
            }
            current.append(character)
        }
        if !current.isEmpty { runs.append(Located(String(current), at: source.location(of: indices[runStart]))) }
        return runs
    }

    /// Counting from a run's start understands only line feeds: any other jump in the file
    /// (skipped indentation, a folded break, a CR LF, an LS) begins a new run.
    private func startsNewRun(_ index: Int, after previous: Int) -> Bool {
        let before = source.scalars[previous]
        return index != previous + 1 || (SourceText.isBreak(before) && before != "\n")
    }

    /// The common case, a plain scalar on one line: the value is the text at the mark.
    private func standsVerbatim(_ value: String, at start: Int) -> Bool {
        let text = source.scalars
        var index = start
        for scalar in value.unicodeScalars {
            guard index < text.count, text[index] == scalar, !SourceText.isBreak(scalar) else { return false }
            index += 1
        }
        return true
    }

    /// The next place, from `index`, that yields `wanted`, and where the walk goes on after it.
    private func find(_ wanted: Unicode.Scalar, from start: Int, style: Node.Scalar.Style) -> (at: Int, next: Int)? {
        let text = source.scalars
        var index = start
        while index < text.count {
            let here = text[index]
            if style == .doubleQuoted, here == "\\" {
                guard let escape = escape(at: index) else { return nil }
                if escape.yields == wanted { return (index, index + escape.length) }
                guard escape.yields == nil else { return nil }
                index += escape.length
                continue
            }
            if here == wanted { return (index, index + 1) }
            if style == .doubleQuoted && here == "\"" { return nil }
            guard here == " " || here == "\t" || SourceText.isBreak(here) || (style == .singleQuoted && here == "'") else { return nil }
            index += 1
        }
        return nil
    }

    /// The character a double-quoted escape at `index` stands for (nil for an escaped line break,
    /// which yields nothing) and how many scalars it spans; nil when it is not an escape libyaml knows.
    private func escape(at index: Int) -> (yields: Unicode.Scalar?, length: Int)? {
        let text = source.scalars
        guard index + 1 < text.count else { return nil }
        let letter = text[index + 1]
        if SourceText.isBreak(letter) {
            let crlf = letter == "\r" && index + 2 < text.count && text[index + 2] == "\n"
            return (nil, crlf ? 3 : 2)
        }
        if let simple = Self.simpleEscapes[letter] { return (simple, 2) }
        let digits: Int
        switch letter {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        guard index + 2 + digits <= text.count,
              let value = UInt32(String(String.UnicodeScalarView(text[(index + 2)..<(index + 2 + digits)])), radix: 16),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 2 + digits)
    }

    private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
        "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
        "L": "\u{2028}", "P": "\u{2029}",
    ]
}
