import Budget
import BudgetCore
import Document
import Foundation
import Stencil
import Yams

/// Stage 3: a format's template applied to a budget gives the Document to typeset.
public struct DocumentTemplate {
    let spec: FormatSpec
    public let format: String

    /// Reads Templates/<format>/ under `templatesDirectory`.
    public init(format: String, templatesDirectory: URL) throws {
        let directory = templatesDirectory.appendingPathComponent(format)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("format.yaml").path) else {
            throw TemplateError(file: "Templates/\(format)/format.yaml", line: 1, "没有格式“\(format)”的模板（找不到 \(directory.path)/format.yaml）")
        }
        self.format = format
        self.spec = try FormatLoader(directory: directory, displayRoot: "Templates/\(format)").load()
    }

    public var name: String { spec.name }

    /// The precision this format prints a budget with data in `dataUnit` at (金额): stage 2
    /// rounds to it under control.
    public func printPrecision(dataUnit: AmountUnit) -> PrintPrecision {
        spec.amounts.precision(dataUnit: dataUnit)
    }

    /// A budget rounded under control to another precision than the format prints would show
    /// gaps that are not there in the data; derive it with this format's precision instead.
    private func checkRounding(of budget: Budget, against precision: PrintPrecision, rounding: RoundingMode) throws {
        guard rounding == .controlled, let rounded = budget.printRounding, rounded != precision else { return }
        throw (spec.amounts.source ?? TemplateSource(file: "Templates/\(format)/format.yaml", line: 1, column: 1)).error(
            "格式“\(format)”按 \(precision) 印金额（金额），预算却按 \(rounded) 受控舍入：应按格式的精度推算（BudgetFile.read 的 precision）")
    }

    /// The document for `budget`; every text rendered, every unknown name an error, and every
    /// printed table re-added by the self-check (`SelfCheckFailure` when one does not foot).
    public func document(for budget: Budget, rounding: RoundingMode = .controlled) throws -> Document {
        try build(for: budget, rounding: rounding).document
    }

    /// The document and the self-check's warnings: footing gaps of figures rounded on their own
    /// (all of them with independent rounding, else those printed coarser than the budget's unit).
    public func build(for budget: Budget, rounding: RoundingMode = .controlled) throws -> BuiltDocument {
        let precision = printPrecision(dataUnit: budget.department.unit)
        try checkRounding(of: budget, against: precision, rounding: rounding)
        // The variant of the format for this year and level (变体), else the format itself.
        let spec = self.spec.resolved(year: budget.department.year, level: budget.department.level)
        var renderer = TemplateRenderer(spec: spec, budget: budget, precision: precision)
        let values = renderer.context.values()
        FigureSums(budget: budget, book: renderer.context.book).declare()
        let blocks = try renderer.blocks(spec.outline, values: values)
        try renderer.errorLog.check()
        let document = Document(metadata: try renderer.metadata(values), page: spec.page, blocks: blocks)
        // The family stage 2 rounded under control: only its footing gaps are errors (DocumentSelfCheck).
        let controlled = rounding == .controlled ? budget.printRounding?.description : nil
        let problems = DocumentSelfCheck(format: format, sums: renderer.context.book.sums, values: renderer.context.book.values,
                                         controlledFamily: controlled).problems(in: document)
        // One name, two amounts: the same figure would print two ways in the document.
        let conflicts = renderer.context.book.conflicts.map {
            SelfCheckProblem(format: format, table: "（模板数据）", row: 0, column: 0, message: "同一个数有两个值：\($0)")
        }
        let errors = conflicts + problems.filter { !$0.isWarning }
        guard errors.isEmpty else { throw SelfCheckFailure(problems: errors) }
        return BuiltDocument(document: document, warnings: problems.filter(\.isWarning),
                             printedFigures: renderer.log.everPrinted, notPrinted: spec.notPrinted)
    }

}

/// Walks the outline with the template data, rendering texts and building blocks.
struct TemplateRenderer {
    let spec: FormatSpec
    let budget: Budget
    let context: TemplateContext
    let environment: Environment
    /// Hears every figure a money filter prints; tables take it cell by cell.
    let log = PrintLog()
    /// The template mistakes met so far.
    let errorLog = TemplateErrorLog()
    /// Numbered headings printed so far at each level, since the last heading above it (编号).
    private var headingCounts: [Int: Int] = [:]
    private var cache: [String: TextTemplate] = [:]

    /// `precision`: the unit and decimals the money filters print at (金额).
    init(spec: FormatSpec, budget: Budget, precision: PrintPrecision) {
        self.spec = spec
        self.budget = budget
        let year = budget.department.year
        let data = spec.yearData
        self.context = TemplateContext(budget: budget, yearData: [:], unit: precision.unit)
        let log = self.log
        let amounts = TemplateFilters.Amounts(unit: precision.unit, decimals: precision.decimals, changeWording: spec.changeWording)
        self.environment = Environment(extensions: [TemplateFilters.filters(amounts, log: log) { key in
            guard let byYear = data[key], let node = byYear[String(year)] ?? byYear["默认"] else { return nil }
            return TemplateRenderer.value(of: node)
        }])
    }

    static func value(of node: Node) -> Any {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map { value(of: $0) }
        case .mapping(let mapping): return Dictionary(mapping.map { ($0.key.string ?? "", value(of: $0.value)) }, uniquingKeysWith: { a, _ in a })
        case .alias: return ""
        }
    }

    mutating func render(_ text: TextSpec, _ values: [String: Any]) throws -> String {
        let key = "\(text.source.file):\(text.source.line):\(text.source.column):\(text.text)"
        if cache[key] == nil { cache[key] = TextTemplate(text.text, source: text.source, environment: environment) }
        return try cache[key]!.render(values, missing: context.missing)
    }

    /// The PDF's properties, worded by the format's 元数据.
    mutating func metadata(_ values: [String: Any]) throws -> Metadata {
        let department = budget.department
        let metadata = spec.metadata
        return Metadata(title: try render(metadata.title, values), author: department.name, subject: try render(metadata.subject, values),
                        keywords: try metadata.keywords.map { try render($0, values) }.filter { !$0.isEmpty },
                        creationDate: department.signOffDate ?? "\(department.year)-01-01")
    }

    /// A condition: a Stencil expression (`三公.合计|非零`) or a text that is non-empty when true.
    mutating func holds(_ condition: TextSpec, _ values: [String: Any]) throws -> Bool {
        let text = condition.text.contains("{") ? condition.text : "{% if \(condition.text) %}1{% endif %}"
        let rendered = try render(TextSpec(text: text, source: condition.source), values)
        return !["", "false", "0"].contains(rendered.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The list an `在` names: a path into the data, or `"键"|年度数据`.
    func list(_ source: TextSpec, _ values: [String: Any]) throws -> [Any] {
        let expression = source.text.trimmingCharacters(in: .whitespaces)
        if expression.hasSuffix("|年度数据") {
            let key = expression.dropLast("|年度数据".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            guard let byYear = spec.yearData[key], let node = byYear[String(budget.department.year)] ?? byYear["默认"] else {
                throw source.source.error("format.yaml 的“数据”中没有“\(key)”（或没有 \(budget.department.year) 年和“默认”）")
            }
            return TemplateRenderer.value(of: node) as? [Any] ?? []
        }
        guard let name = VariableCheck.firstName(expression), values[name] != nil else {
            throw source.source.error("未知的变量“\(expression)”")
        }
        context.missing.reset()
        let value = try Variable(expression).resolve(Context(dictionary: values))
        if let missing = context.missing.names.first { throw source.source.error("数据中没有“\(missing)”") }
        guard let list = value as? [Any] else { throw source.source.error("“\(expression)”不是列表") }
        return list
    }

    func style(_ name: String) -> TextStyle {
        spec.styles[name] ?? TextStyle(role: .body, size: 16, firstLineIndent: 2, lineHeight: 29)
    }

    /// The blocks of `specs`; a block with a template mistake is left out and the mistake recorded,
    /// so that one render reports every mistake of the format.
    mutating func blocks(_ specs: [BlockSpec], values: [String: Any]) throws -> [Block] {
        var result: [Block] = []
        for spec in specs {
            do { result += try block(spec, values) } catch let error as TemplateError { errorLog.record(error) }
        }
        return result
    }

    private mutating func block(_ spec: BlockSpec, _ values: [String: Any]) throws -> [Block] {
        switch spec {
        case let .heading(text, level, styleName, inContents, bookmarked, numbered):
            let rendered = try render(text, values)
            guard !rendered.isEmpty else { return [] }
            let number = try headingNumber(level: level, numbered: numbered, at: text.source, values)
            return [.heading(Heading(number + rendered, level: level, style: style(styleName), inContents: inContents, bookmarked: bookmarked))]
        case let .paragraph(text, styleName):
            return try render(text, values).split(separator: "\n").map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { .paragraph(Paragraph($0, style: style(styleName))) }
        case .table(let table):
            return [.table(try TableRenderer(spec: table, styles: self.spec.styles).table(&self, values))]
        case .pageBreak(let orientation):
            return [.pageBreak(orientation: orientation)]
        case let .contents(title, titleStyle, entryStyle, depth):
            return [.tableOfContents(TableOfContents(title: title, titleStyle: style(titleStyle), entryStyle: style(entryStyle), depth: depth))]
        case .space(let height):
            return [.space(height)]
        case let .each(item, source, condition, content, otherwise):
            var kept: [[String: Any]] = []
            for element in try list(source, values) {
                var inner = values
                inner[item] = element
                if let condition, !(try holds(condition, inner)) { continue }
                kept.append(inner)
            }
            if kept.isEmpty { return try blocks(otherwise, values: values) }
            var result: [Block] = []
            for (index, var inner) in kept.enumerated() {
                inner["序号"] = index + 1
                inner["是末项"] = index == kept.count - 1
                result += try blocks(content, values: inner)
            }
            return result
        case let .when(condition, content):
            return try holds(condition, values) ? try blocks(content, values: values) : []
        case let .glossary(styleName, entrySpec):
            return try glossary().enumerated().map { index, entry in
                var inner = values
                inner["序号"] = index + 1
                inner["词"] = entry.term
                inner["解释"] = entry.meaning
                let text = try entrySpec.map { try render($0, inner) } ?? "\(index + 1)、\(entry.term)：\(entry.meaning)"
                return .paragraph(Paragraph(text, style: style(styleName)))
            }
        }
    }

    /// A heading's number as the format writes it at its level (`三、`), counting the numbered
    /// headings printed so far under the same parent; any heading restarts the counts below it.
    mutating func headingNumber(level: Int, numbered: Bool, at source: TemplateSource, _ values: [String: Any]) throws -> String {
        for deeper in headingCounts.keys where deeper > level { headingCounts[deeper] = 0 }
        guard numbered else { return "" }
        guard let pattern = spec.numbering[level] else {
            throw source.error("标题写了“编号: true”，而 format.yaml 的“编号”中没有第 \(level) 级")
        }
        headingCounts[level, default: 0] += 1
        var inner = values
        inner["序号"] = headingCounts[level]!
        return try render(pattern, inner)
    }

    /// The format's default terms, each replaced by the data's entry of the same term; new terms last.
    func glossary() -> [(term: String, meaning: String)] {
        var entries = spec.glossary
        for own in budget.text.glossary {
            if let index = entries.firstIndex(where: { $0.term == own.term }) { entries[index].meaning = own.meaning }
            else { entries.append((own.term, own.meaning)) }
        }
        return entries
    }
}

/// A format applied to a budget: the Document, and what the checks after it need.
public struct BuiltDocument: Sendable {
    public let document: Document
    /// Footing gaps of figures rounded on their own (warnings, not errors).
    public let warnings: [SelfCheckProblem]
    /// The names (`三公.会议费`, `功能科目[2101501].合计` …) of every figure printed anywhere.
    public let printedFigures: Set<String>
    /// The data the format declares it leaves out (`不印`), with why.
    public let notPrinted: [String: String]
}

/// The document does not check itself: a printed table does not foot, or a figure is printed two
/// ways. The format (or gongkai) is wrong, not the data; nothing is written.
public struct SelfCheckFailure: Error, CustomStringConvertible {
    public let problems: [SelfCheckProblem]

    public var description: String {
        "排好的文件自检未通过（模板或程序的错误，不是数据的错误）：\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
