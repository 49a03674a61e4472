import BudgetInput

/// Text as a terminal shows it: East Asian wide characters take two columns, and nothing from a
/// data file reaches the terminal as a control sequence.
enum TerminalText {
    /// Columns `text` occupies in a monospaced terminal (tabs already expanded).
    static func width(_ text: Substring) -> Int { text.unicodeScalars.reduce(0) { $0 + width(of: $1) } }
    static func width(_ text: String) -> Int { width(text[...]) }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// A scalar of a data file made safe to print: a tab becomes spaces (so a caret stays under
    /// its character) and a control or bidirectional-override character becomes “�”.
    static func printable(_ scalar: Unicode.Scalar, tabWidth: Int = 4) -> String {
        if scalar == "\t" { return String(repeating: " ", count: tabWidth) }
        return isUnsafe(scalar) ? "\u{FFFD}" : String(scalar)
    }

    /// Text from a data file (a message quoting it included) made safe to print.
    static func printable(_ text: String) -> String {
        text.unicodeScalars.contains(where: isUnsafe) ? text.unicodeScalars.map { printable($0) }.joined() : text
    }

    /// What the data may not hold (`ControlCharacters`: control characters, line separators, bidi
    /// embeddings, overrides and isolates), a line feed, and the bidi marks that reorder a line.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isRefused(scalar) || scalar == "\n" || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }
}
