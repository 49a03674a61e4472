/// White space in template texts and printed cells, decided by code point (Unicode's property
/// tables are looked up per character otherwise, and texts are read character by character).
extension Unicode.Scalar {
    /// Unicode's White_Space: tab, line breaks, spaces of every width.
    var isBlank: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A space or a tab, not a line break (Foundation's `CharacterSet.whitespaces`: tab and the
    /// space separators).
    var isSpaceOrTab: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
