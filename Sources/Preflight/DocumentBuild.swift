import Budget
import BudgetCore
import BudgetInput
import Catalog
import Document
import Foundation
import Render
import Templating

/// Stages 1 to 3 for one data file and every check that needs the fonts, without layout: what
/// `check` runs as a dry run and `render` runs before typesetting, so that whatever `render`
/// would refuse, `check` has already reported, at its place.
public struct DocumentBuild {
    public struct Outcome: Sendable {
        /// Nil when the data, the characters or the template have errors.
        public let document: Document?
        /// Data diagnostics in source order, then any template error.
        public let diagnostics: [Diagnostic]
        /// The 上年 file read with the data, if it names one (a batch notices when it changes).
        public var priorYearFile: String? = nil
        /// The derived budget, when the data had no errors (a county's summary shows its totals).
        public var budget: Budget? = nil
    }

    /// The format to use instead of the data's `格式`.
    public let format: String?
    /// The Templates/ directory given on the command line, else found (TemplateLibrary.search).
    public let templates: String?
    public let fonts: FontLibrary
    /// 舍入: controlled (tables foot) or independent (each figure on its own; footing gaps warn).
    public let rounding: RoundingMode
    /// How far away the `上年` file may be.
    public let priorYear: PriorYearScope
    /// Subject names: the bundled catalog, with a county's names in a batch.
    public let catalog: SubjectCatalog
    /// What a county's settings supply where a department's file is silent (格式, 年度).
    public let defaults: InputDefaults

    public init(format: String?, templates: String?, fonts: FontLibrary, rounding: RoundingMode = .controlled,
                priorYear: PriorYearScope = .dataFolder, catalog: SubjectCatalog = .standard, defaults: InputDefaults = .none) {
        self.catalog = catalog
        self.defaults = defaults
        self.format = format
        self.templates = templates
        self.fonts = fonts
        self.rounding = rounding
        self.priorYear = priorYear
    }

    /// `lap` is called after each step with its name, for `render --timing`.
    /// `rendered` hears the document's blocks as the template renders them (`DocumentTemplate.build`).
    public func run(_ file: String, lap: (String) -> Void = { _ in }, rendered: (([Block]) -> Void)? = nil) -> Outcome {
        // The format is loaded as soon as stage 1 has named it: stage 2 rounds to its precision (金额).
        var template: Result<DocumentTemplate, Problems>?
        let read = BudgetFile.read(file, catalog: catalog, rounding: rounding, priorYear: priorYear, defaults: defaults) { input in
            let loaded = self.template(named: self.format ?? input.format.value, writtenAt: input.format.location)
            template = loaded
            return try? loaded.get().printPrecision(dataUnit: input.unit)
        }
        lap("读取与推算")
        let data = (read.diagnostics + GlyphCoverage.diagnostics(for: read.loaded.texts, fonts: fonts)).sortedBySource()
        lap("字符检查")
        let prior = read.loaded.input?.prior?.path(relativeTo: file)
        guard let budget = read.budget, let template else { return Outcome(document: nil, diagnostics: data, priorYearFile: prior) }
        // The template runs even when some character cannot be printed: its errors are reported too.
        defer { lap("模板") }
        switch template.flatMap({ document(for: budget, with: $0, rendered: rendered) }) {
        case .success(let built):
            let coverage = read.loaded.input.map { built.coverage.diagnostics(for: $0) } ?? []
            let reasons = ChangeReasons.diagnostics(budget: budget, format: built.format, reasonsRead: built.reasonsRead)
            let all = (data + coverage + reasons).sortedBySource() + built.warnings
            return Outcome(document: all.hasErrors ? nil : built.document, diagnostics: all, priorYearFile: prior, budget: budget)
        case .failure(let problems): return Outcome(document: nil, diagnostics: data + problems.diagnostics, priorYearFile: prior)
        }
    }

    /// The format's folder, read. A missing Templates/ or format is an error saying where it
    /// looked: a document in some other layout would not be the one published.
    private func template(named format: String, writtenAt place: SourceLocation) -> Result<DocumentTemplate, Problems> {
        let directory: URL
        switch TemplateLibrary.search(explicit: templates) {
        case .found(let found): directory = found
        case .notFound(let searched): return .failure(Problems([Self.noTemplates(searched: searched)]))
        }
        guard TemplateLibrary.hasFormat(format, in: directory) else {
            return .failure(Problems([Self.noFormat(format, in: directory, at: self.format == nil ? place : nil)]))
        }
        return Result { try DocumentTemplate(format: format, templatesDirectory: directory) }.mapError(Self.problems)
    }

    /// The format's template applied to the budget, and the checks of what it printed.
    private func document(for budget: Budget, with template: DocumentTemplate, rendered: (([Block]) -> Void)?)
        -> Result<(document: Document, warnings: [Diagnostic], coverage: TypedFigureCoverage, format: String, reasonsRead: Set<String>), Problems> {
        do {
            let built = try template.build(for: budget, rounding: rounding, rendered: rendered)
            let coverage = TypedFigureCoverage(format: template.format, printed: built.printedFigures, notPrinted: built.notPrinted)
            return .success((built.document, built.warnings.map { .warning("document.footing", $0.description, at: $0.location) }, coverage,
                             template.format, built.reasonsRead))
        } catch {
            return .failure(Self.problems(error))
        }
    }

    /// A template's error, or the self-check's, as diagnostics at their place.
    private static func problems(_ error: Error) -> Problems {
        switch error {
        case let error as TemplateError:
            return Problems([diagnostic(error)])
        case let errors as TemplateErrors:
            return Problems(errors.errors.map(diagnostic))
        case let failure as SelfCheckFailure:
            // The printed document contradicts itself: a fault of the format or of gongkai, shown with its table and cell.
            return Problems(failure.problems.map { .error("document.self-check", "排好的文件自检未通过：\($0)", at: $0.location) })
        default:
            return Problems([.error("template.error", "模板错误：\(error)", at: nil)])
        }
    }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error("template.error", "模板错误：\(error.message)", at: SourceLocation(file: error.file, line: error.line, column: error.column))
    }

    /// The errors that stop a document (a Result's failure must be one Error).
    struct Problems: Error {
        let diagnostics: [Diagnostic]
        init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// A format is a folder of Templates/: stage 1 takes any name, so this is where a misspelt
    /// `格式` is caught, with the folders there are and the closest of them.
    static func noFormat(_ format: String, in directory: URL, at place: SourceLocation?) -> Diagnostic {
        let expected = directory.appendingPathComponent(format).appendingPathComponent("format.yaml").path
        let available = TemplateLibrary.formats(in: directory).map(\.format)
        var message = "没有格式“\(format)”的模板：找不到 \(expected)"
        message += available.isEmpty ? "（该目录中没有任何格式）" : "；可用的格式：\(available.joined(separator: "、"))"
        if let suggestion = KeySuggestion.closest(to: format, among: available) ?? namedFormat(format, in: directory, among: available) {
            message += "，是否想写“\(suggestion)”？"
        }
        return .error("template.no-format", message, at: place)
    }

    /// The format whose 名称 (format.yaml's first `名称:` line, e.g. 河北省部门预算公开) contains what
    /// was typed (河北): users write the province, the folder is its pinyin.
    private static func namedFormat(_ typed: String, in directory: URL, among formats: [String]) -> String? {
        guard typed.count >= 2 else { return nil }
        return formats.first { format in
            let file = directory.appendingPathComponent(format).appendingPathComponent("format.yaml").path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix("名称:") }) else { return false }
            return line.dropFirst(3).contains(typed)
        }
    }

    /// Also what `formats` says when it finds no Templates/.
    public static func noTemplates(searched: [String]) -> Diagnostic {
        .error("template.no-directory",
               "找不到模板目录 Templates/（可用 --templates 或环境变量 GONGKAI_TEMPLATES 指定）；查找过：" + searched.joined(separator: "、"),
               at: nil)
    }
}

extension SelfCheckProblem {
    /// The template text of the cell, where the format has to be fixed.
    var location: SourceLocation? { source.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } }
}
