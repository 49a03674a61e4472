import Foundation

/// Reads the catalog's TSV files: `#` comments, `code<TAB>name[<TAB>years]` rows.
enum CatalogFile {
    static func text(named name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            // The files ship inside the package; their absence is a broken installation.
            fatalError("gongkai: 科目库文件 \(name).tsv 缺失，安装不完整")
        }
        return text
    }

    /// Lines split at their bytes, not at Characters: every process reads these files before its
    /// first document, and a grapheme-aware split took most of that time. (Line feeds only: the
    /// bundled files have no carriage returns.)
    static func rows(_ text: String) -> [[String]] {
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let trimmed = trimmed(Substring(line))
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(self.trimmed(Substring($0))) }
        }
    }

    /// `text` without the spaces and tabs around it (what `CharacterSet.whitespaces` holds), cut by
    /// scalars.
    private static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return text[text.endIndex...] }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return Substring(scalars[first...last])
    }

    /// A tab or one of Unicode's space separators (category Zs, these 17 characters), without a
    /// property lookup per scalar.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func entries(_ text: String) -> [String: [SubjectCatalog.Entry]] {
        var result: [String: [SubjectCatalog.Entry]] = [:]
        for row in rows(text) where row.count >= 2 {
            let years = row.count >= 3 ? yearRange(row[2]) : 1900...9999
            result[row[0], default: []].append(SubjectCatalog.Entry(name: row[1], years: years))
        }
        return result
    }

    static func correspondence(_ text: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for row in rows(text) where row.count >= 3 {
            result[row[0], default: [:]][row[1]] = row[2]
        }
        return result
    }

    /// `2024-`, `-2023`, `2021-2023`, `2024`.
    static func yearRange(_ text: String) -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if parts.count == 1, let year = parts[0] { return year...year }
        guard parts.count == 2 else { return 1900...9999 }
        return (parts[0] ?? 1900)...(parts[1] ?? 9999)
    }
}
