import Budget
import BudgetCore
import Document
import Foundation

/// Stage 3: a format's template applied to a budget gives the Document to typeset.
public struct DocumentTemplate: Sendable {
    /// The format's folder, loaded and compiled once per process (FormatCache).
    let compiled: CompiledFormat
    public let format: String

    /// Reads Templates/<format>/ under `templatesDirectory`, or takes it from the cache when its
    /// files have not changed since.
    public init(format: String, templatesDirectory: URL) throws {
        let directory = templatesDirectory.appendingPathComponent(format)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("format.yaml").path) else {
            throw TemplateError(file: "Templates/\(format)/format.yaml", line: 1, "没有格式“\(format)”的模板（找不到 \(directory.path)/format.yaml）")
        }
        self.format = format
        self.compiled = try FormatCache.shared.format(directory: directory, displayRoot: "Templates/\(format)")
    }

    /// Loads `format` into the process's cache on a thread of its own, so that the first document
    /// finds it compiled (or nearly) once its data is read. Errors are left for that document to report.
    public static func preload(format: String, templatesDirectory: URL) {
        let thread = Thread { _ = try? DocumentTemplate(format: format, templatesDirectory: templatesDirectory) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var spec: FormatSpec { compiled.spec }

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
    /// `rendered` hears the blocks of each part of the outline as soon as they are rendered, before
    /// the document is checked (the glyphs they need can start loading).
    public func build(for budget: Budget, rounding: RoundingMode = .controlled,
                      rendered: (([Block]) -> Void)? = nil) throws -> BuiltDocument {
        let precision = printPrecision(dataUnit: budget.department.unit)
        try checkRounding(of: budget, against: precision, rounding: rounding)
        // The variant of the format for this year and level (变体), else the format itself.
        let spec = compiled.spec(year: budget.department.year, level: budget.department.level)
        let renderer = TemplateRenderer(spec: spec, budget: budget, precision: precision)
        let scope = TemplateScope(renderer.context.values())
        FigureSums(budget: budget, book: renderer.context.book).declare()
        let blocks = try renderer.blocks(spec.outline, scope, rendered: rendered)
        try renderer.errorLog.check()
        let document = Document(metadata: try renderer.metadata(scope), page: spec.page, blocks: blocks)
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
                             printedFigures: renderer.log.everPrinted, notPrinted: spec.notPrinted,
                             reasonsRead: renderer.context.reasonsRead.keys)
    }

}

/// Walks the outline with the template data, rendering texts and building blocks. One per
/// document (a class: the tables and rows it renders share it rather than copy it).
final class TemplateRenderer {
    let spec: FormatSpec
    let budget: Budget
    let context: TemplateContext
    /// Hears every figure a money filter prints; tables take it cell by cell.
    let log = PrintLog()
    /// The filters as this document runs them: the format's amounts, `log`, this year's 数据.
    let filters: TemplateFilterEnvironment
    /// The template mistakes met so far.
    let errorLog = TemplateErrorLog()
    /// Numbered headings printed so far at each level, since the last heading above it (编号).
    private var headingCounts: [Int: Int] = [:]

    /// `precision`: the unit and decimals the money filters print at (金额).
    init(spec: FormatSpec, budget: Budget, precision: PrintPrecision) {
        self.spec = spec
        self.budget = budget
        let year = String(budget.department.year)
        self.context = TemplateContext(budget: budget, yearData: [:], unit: precision.unit)
        let amounts = TemplateFilters.Amounts(unit: precision.unit, decimals: precision.decimals, changeWording: spec.changeWording)
        let yearData = spec.yearData.compactMapValues { byYear in byYear[year] ?? byYear["默认"] }
        self.filters = TemplateFilterEnvironment(amounts: amounts, log: log, yearData: yearData)
    }

    func render(_ text: TextSpec, _ scope: TemplateScope) throws -> String {
        try text.compiled.render(scope, filters)
    }

    /// The PDF's properties, worded by the format's 元数据.
    func metadata(_ scope: TemplateScope) throws -> Metadata {
        let department = budget.department
        let metadata = spec.metadata
        return Metadata(title: try render(metadata.title, scope), author: department.name, subject: try render(metadata.subject, scope),
                        keywords: try metadata.keywords.map { try render($0, scope) }.filter { !$0.isEmpty },
                        creationDate: department.signOffDate ?? "\(department.year)-01-01")
    }

    /// A condition: an expression (`三公.合计|非零`) or a text that is non-empty when true.
    func holds(_ condition: CompiledCondition, _ scope: TemplateScope) throws -> Bool {
        try condition.holds(scope, filters)
    }

    /// The list an `在` names: a path into the data, or `"键"|年度数据`.
    func list(_ source: CompiledList, _ scope: TemplateScope) throws -> [TemplateValue] {
        try source.elements(scope, filters, year: budget.department.year)
    }

    func style(_ name: String) -> TextStyle {
        spec.styles[name] ?? TextStyle(role: .body, size: 16, firstLineIndent: 2, lineHeight: 29)
    }

    /// The blocks of `specs`; a block with a template mistake is left out and the mistake recorded,
    /// so that one render reports every mistake of the format.
    func blocks(_ specs: [BlockSpec], _ scope: TemplateScope, rendered: (([Block]) -> Void)? = nil) throws -> [Block] {
        var result: [Block] = []
        for spec in specs {
            do {
                let blocks = try block(spec, scope)
                rendered?(blocks)
                result += blocks
            } catch let error as TemplateError { errorLog.record(error) }
        }
        return result
    }

    private func block(_ spec: BlockSpec, _ scope: TemplateScope) throws -> [Block] {
        switch spec {
        case let .heading(text, level, styleName, inContents, bookmarked, numbered):
            let rendered = try render(text, scope)
            guard !rendered.isEmpty else { return [] }
            let number = try headingNumber(level: level, numbered: numbered, at: text.source, scope)
            return [.heading(Heading(number + rendered, level: level, style: style(styleName), inContents: inContents, bookmarked: bookmarked))]
        case let .paragraph(text, styleName):
            return try render(text, scope).split(separator: "\n").map(String.init)
                .filter { line in line.unicodeScalars.contains { !$0.isSpaceOrTab } }
                .map { .paragraph(Paragraph($0, style: style(styleName))) }
        case .table(let table):
            return [.table(try TableRenderer(spec: table, styles: self.spec.styles).table(self, scope))]
        case .pageBreak(let orientation):
            return [.pageBreak(orientation: orientation)]
        case let .contents(title, titleStyle, entryStyle, depth):
            return [.tableOfContents(TableOfContents(title: title, titleStyle: style(titleStyle), entryStyle: style(entryStyle), depth: depth))]
        case .space(let height):
            return [.space(height)]
        case let .each(item, source, condition, content, otherwise):
            var kept: [TemplateScope] = []
            for element in try list(source, scope) {
                let inner = scope.with(item, element)
                if let condition, !(try holds(condition, inner)) { continue }
                kept.append(inner)
            }
            if kept.isEmpty { return try blocks(otherwise, scope) }
            var result: [Block] = []
            for (index, inner) in kept.enumerated() {
                result += try blocks(content, inner.with("序号", index + 1).with("是末项", index == kept.count - 1))
            }
            return result
        case let .when(condition, content):
            return try holds(condition, scope) ? try blocks(content, scope) : []
        case let .glossary(styleName, entrySpec):
            return try glossary().enumerated().map { index, entry in
                let inner = scope.with("序号", index + 1).with("词", entry.term).with("解释", entry.meaning)
                let text = try entrySpec.map { try render($0, inner) } ?? "\(index + 1)、\(entry.term)：\(entry.meaning)"
                return .paragraph(Paragraph(text, style: style(styleName)))
            }
        }
    }

    /// A heading's number as the format writes it at its level (`三、`), counting the numbered
    /// headings printed so far under the same parent; any heading restarts the counts below it.
    func headingNumber(level: Int, numbered: Bool, at source: TemplateSource, _ scope: TemplateScope) throws -> String {
        for deeper in headingCounts.keys where deeper > level { headingCounts[deeper] = 0 }
        guard numbered else { return "" }
        guard let pattern = spec.numbering[level] else {
            throw source.error("标题写了“编号: true”，而 format.yaml 的“编号”中没有第 \(level) 级")
        }
        headingCounts[level, default: 0] += 1
        return try render(pattern, scope.with("序号", headingCounts[level]!))
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
    /// The comparisons (比上年 keys) whose 增减原因 the format prints.
    public let reasonsRead: Set<String>
}

/// The document does not check itself: a printed table does not foot, or a figure is printed two
/// ways. The format (or gongkai) is wrong, not the data; nothing is written.
public struct SelfCheckFailure: Error, CustomStringConvertible {
    public let problems: [SelfCheckProblem]

    public var description: String {
        "排好的文件自检未通过（模板或程序的错误，不是数据的错误）：\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
