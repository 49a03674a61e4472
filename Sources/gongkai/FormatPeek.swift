import Foundation

/// The format a data file names, read off its top-level `格式:` line without parsing the file: a
/// guess to start compiling that format early (`TemplateOptions.preloadFormat`). Reading the file
/// properly decides; a wrong guess costs only the other core's time.
enum FormatPeek {
    static func format(inFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 4 << 20,
              let text = String(data: data, encoding: .utf8) else { return nil }
        return format(inText: text)
    }

    static func format(inText text: String) -> String? {
        // Lines cut at their bytes: a split by Characters took longer than the rest of the peek.
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(bytes)
            guard line.hasPrefix("格式") else { continue }
            var value = line.dropFirst(2).drop { $0 == " " }
            guard value.first == ":" || value.first == "：" else { continue }
            value = value.dropFirst()
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let name = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
            return name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ? nil : name
        }
        return nil
    }
}
