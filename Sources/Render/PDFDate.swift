import Foundation

/// The PDF's creation date, from Metadata.creationDate and never the clock, in the ISO 8601 form
/// cairo takes (`2025-01-25` becomes `2025-01-25T00:00:00`).
enum PDFDate {
    static func iso8601(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard isDate(parts[0]), parts.count == 1 || isTime(parts[1]) else {
            throw RenderError("文档元数据中的创建日期“\(text)”应为 YYYY-MM-DD（或 YYYY-MM-DDThh:mm:ss）格式")
        }
        // A date alone carries no time zone: the PDF then shows the same day in every zone.
        return parts.count == 1 ? trimmed + "T00:00:00" : trimmed
    }

    private static func isDate(_ text: Substring) -> Bool {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.map(\.count) == [4, 2, 2],
              let month = Int(fields[1]), let day = Int(fields[2]), Int(fields[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// hh:mm:ss with an optional Z or ±hh:mm zone.
    private static func isTime(_ text: Substring) -> Bool {
        var clock = text
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if clock.count > 8, let sign = clock.dropFirst(8).first, sign == "+" || sign == "-" {
            guard isClock(clock.dropFirst(9), fields: 2) else { return false }
            clock = clock.prefix(8)
        }
        return isClock(clock, fields: 3)
    }

    private static func isClock(_ text: Substring, fields count: Int) -> Bool {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        return fields.count == count && fields.allSatisfy { $0.count == 2 && Int($0) != nil }
    }
}
