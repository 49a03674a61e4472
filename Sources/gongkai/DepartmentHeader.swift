import Foundation
import Yams

/// A department's 名称 and 年度, read before anything is rendered: a batch names each PDF after them
/// (`高阳县医疗保障局-2025.pdf`), so that two departments that would share a name are caught first.
struct DepartmentHeader: Codable, Equatable {
    let name: String
    let year: Int

    /// The header of the data file at `path`, or nil when it cannot be read (the render then says why).
    /// `defaultYear` is the county's 年度, for a file that does not write its own.
    static func read(_ path: String, defaultYear: Int? = nil) -> DepartmentHeader? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue ?? .max <= 4 << 20,
              let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              case .mapping(let mapping)? = try? Yams.compose(yaml: text, .basic, .default, .utf8),
              let name = mapping["名称"]?.scalar?.string,
              let year = mapping["年度"]?.scalar.flatMap({ Int($0.string) }) ?? defaultYear else { return nil }
        return DepartmentHeader(name: name, year: year)
    }

    /// The PDF's file name: 名称-年度.pdf, with characters file systems or shells trip on replaced.
    var fileName: String {
        let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var safe = String(name.map { character -> Character in
            let control = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            return unsafe.contains(character) || character.isNewline || control ? "_" : character
        })
        safe = safe.trimmingCharacters(in: .whitespaces)
        while safe.hasPrefix(".") { safe = "_" + safe.dropFirst() }
        if safe.isEmpty { safe = "_" }
        return String(safe.prefix(100)) + "-\(year).pdf"
    }
}
