/// A mistake in a template, reported with the template file and line, never as blank text.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int = 1, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `Templates/hebei/tables/收入总表.yaml:12:5: 模板错误: …`.
    public var description: String { "\(file):\(line):\(column): 模板错误: \(message)" }
}

/// Every mistake found in one format: loading and rendering go on past a broken block or table, so
/// that a template author sees all of them at once, in the order they occur.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [TemplateError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects template errors, each once (a mistake inside a loop would repeat for every element).
final class TemplateErrorLog: @unchecked Sendable {
    private(set) var errors: [TemplateError] = []
    private var seen = Set<String>()

    func record(_ error: TemplateError) {
        if seen.insert(error.description).inserted { errors.append(error) }
    }

    /// Throws what was collected, if anything.
    func check() throws {
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw TemplateErrors(errors: errors) }
    }
}

/// Where a template text came from: a YAML file and the line and column of its scalar.
struct TemplateSource: Sendable {
    let file: String
    let line: Int
    let column: Int

    func error(_ message: String, lineOffset: Int = 0) -> TemplateError {
        TemplateError(file: file, line: line + lineOffset, column: lineOffset == 0 ? column : 1, message)
    }
}

/// “数据中没有“单位.层次”（可用：…）”: the name quoted, what there is after it. `missing` is the
/// name, optionally followed by the alternatives in full-width parentheses.
func missingDataMessage(_ missing: String) -> String {
    guard let open = missing.firstIndex(of: "（") else { return "数据中没有“\(missing)”" }
    return "数据中没有“\(missing[..<open])”\(missing[open...])"
}
