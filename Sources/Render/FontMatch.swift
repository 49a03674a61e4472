import CFontconfig
import Foundation

/// A face fontconfig found for a family and weight: its file, its index in the file (.ttc
/// collections hold several faces) and the weight it really has.
struct FontMatch: Hashable, Sendable {
    let path: String
    let index: Int
    let weight: Int

    // FcInit loads the configuration and font cache once for the process.
    private static let initialised: Bool = FcInit() != 0
    private static let lock = NSLock()
    /// Answers already found: roles share families, and each worker of a batch opens its own fonts.
    /// Matching runs the configuration's rules (about 1 ms a query), and fontconfig's answer cannot
    /// change within a process.
    nonisolated(unsafe) private static var found: [FontQuery: FontMatch?] = [:]

    private struct FontQuery: Hashable {
        let family: String
        let weight: Int
    }

    /// The best face of `family` near `weight`, or nil when fontconfig would substitute
    /// another family (the family is not installed).
    static func find(family: String, weight: Int) -> FontMatch? {
        lock.lock()
        defer { lock.unlock() }
        let query = FontQuery(family: family, weight: weight)
        if let answer = found[query] { return answer }
        let answer = match(family: family, weight: weight)
        found[query] = answer
        return answer
    }

    /// Asks fontconfig; the caller holds `lock`.
    private static func match(family: String, weight: Int) -> FontMatch? {
        guard initialised, let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, fcText(family))
        FcPatternAddInteger(pattern, FC_WEIGHT, Int32(weight))
        // Simplified Chinese: picks the SC face (index 2) in Noto CJK collections.
        if let languages = FcLangSetCreate() {
            FcLangSetAdd(languages, fcText("zh-cn"))
            FcPatternAddLangSet(pattern, FC_LANG, languages)
            FcLangSetDestroy(languages)
        }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let matched = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(matched) }
        guard strings(FC_FAMILY, of: matched).contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }),
              let path = strings(FC_FILE, of: matched).first else { return nil }
        var index: Int32 = 0
        FcPatternGetInteger(matched, FC_INDEX, 0, &index)
        return FontMatch(path: path, index: Int(index), weight: integer(FC_WEIGHT, of: matched) ?? weight)
    }

    /// A NUL-terminated FcChar8 string (fontconfig takes unsigned chars).
    private static func fcText(_ text: String) -> [FcChar8] {
        Array(text.utf8) + [0]
    }

    private static func strings(_ object: String, of pattern: OpaquePointer) -> [String] {
        var values: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, object, Int32(values.count), &value) == FcResultMatch, let value {
            values.append(String(cString: value))
        }
        return values
    }

    /// An integer property; variable fonts report a weight as a double or a range instead.
    private static func integer(_ object: String, of pattern: OpaquePointer) -> Int? {
        var number: Int32 = 0
        if FcPatternGetInteger(pattern, object, 0, &number) == FcResultMatch { return Int(number) }
        var real = 0.0
        if FcPatternGetDouble(pattern, object, 0, &real) == FcResultMatch { return Int(real) }
        return nil
    }
}
