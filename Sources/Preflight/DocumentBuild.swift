import Budget
import BudgetCore
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
    }

    /// The format to use instead of the data's `格式`.
    public let format: String?
    /// The Templates/ directory given on the command line, else found (TemplateLibrary.search).
    public let templates: String?
    public let fonts: FontLibrary

    public init(format: String?, templates: String?, fonts: FontLibrary) {
        self.format = format
        self.templates = templates
        self.fonts = fonts
    }

    /// `lap` is called after each step with its name, for `render --timing`.
    public func run(_ file: String, lap: (String) -> Void = { _ in }) -> Outcome {
        let read = BudgetFile.read(file)
        lap("读取与推算")
        let data = (read.diagnostics + GlyphCoverage.diagnostics(for: read.loaded.texts, fonts: fonts)).sortedBySource()
        lap("字符检查")
        guard let budget = read.budget else { return Outcome(document: nil, diagnostics: data) }
        // The template runs even when some character cannot be printed: its errors are reported too.
        defer { lap("模板") }
        switch document(for: budget, formatWrittenAt: read.loaded.input?.format.location) {
        case .success(let document): return Outcome(document: data.hasErrors ? nil : document, diagnostics: data)
        case .failure(let problem): return Outcome(document: nil, diagnostics: data + [problem])
        }
    }

    /// The format's template applied to the budget. A missing Templates/ or format is an error
    /// saying where it looked: a document in some other layout would not be the one published.
    private func document(for budget: Budget, formatWrittenAt place: SourceLocation?) -> Result<Document, Diagnostic> {
        let format = self.format ?? budget.department.format
        let directory: URL
        switch TemplateLibrary.search(explicit: templates) {
        case .found(let found): directory = found
        case .notFound(let searched): return .failure(Self.noTemplates(searched: searched))
        }
        guard TemplateLibrary.hasFormat(format, in: directory) else {
            let expected = directory.appendingPathComponent(format).appendingPathComponent("format.yaml").path
            return .failure(.error("template.no-format", "没有格式“\(format)”的模板：找不到 \(expected)", at: self.format == nil ? place : nil))
        }
        do {
            return .success(try DocumentTemplate(format: format, templatesDirectory: directory).document(for: budget))
        } catch let error as TemplateError {
            return .failure(.error("template.error", "模板错误：\(error.message)",
                                   at: SourceLocation(file: error.file, line: error.line, column: error.column)))
        } catch {
            return .failure(.error("template.error", "模板错误：\(error)", at: nil))
        }
    }

    /// Also what `formats` says when it finds no Templates/.
    public static func noTemplates(searched: [String]) -> Diagnostic {
        .error("template.no-directory",
               "找不到模板目录 Templates/（可用 --templates 或环境变量 GONGKAI_TEMPLATES 指定）；查找过：" + searched.joined(separator: "、"),
               at: nil)
    }
}
