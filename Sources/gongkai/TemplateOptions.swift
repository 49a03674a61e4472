import ArgumentParser
import Budget
import BudgetInput
import Catalog
import Fonts
import Preflight
import Render
import Templating

/// The options `check` and `render` share, so that `check` builds the very document `render` would.
struct TemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("使用此格式的模板，而不是数据文件中的“格式”", valueName: "格式"))
    var format: String?

    @Option(help: ArgumentHelp("模板目录（默认：环境变量 GONGKAI_TEMPLATES，或向上查找 Templates/）", valueName: "目录"))
    var templates: String?

    @Option(help: ArgumentHelp("舍入：受控（默认，各表合计与明细相符，个别数与其单独舍入差 0.01，check 以“信息”列出）或 独立（每个数单独舍入，合计不符处给出警告）", valueName: "方式"))
    var rounding: RoundingMode = .controlled

    @Flag(name: .customLong("prior-anywhere"), help: "允许“上年”指向本文件夹以外的文件（绝对路径或“..”）；默认只读本文件夹之内的")
    var priorAnywhere = false

    /// The dry run of stages 1–3 with the fonts; fonts that cannot be loaded end the command.
    func documentBuild() throws -> DocumentBuild {
        do {
            return try makeDocumentBuild()
        } catch {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        }
    }

    /// Starts compiling the format the first of `files` names (or --format) on a thread of its own,
    /// while the workers open their fonts and read their data: the two take about as long.
    func preloadFormat(for files: [String]) {
        guard let format = format ?? files.first.flatMap(FormatPeek.format(inFile:)),
              case .found(let directory) = TemplateLibrary.search(explicit: templates),
              TemplateLibrary.hasFormat(format, in: directory) else { return }
        DocumentTemplate.preload(format: format, templatesDirectory: directory)
    }

    /// A dry run with fonts of its own (one per thread); throws when the fonts cannot be loaded.
    /// `priorYear` replaces the scope the options give (a batch keeps 上年 inside the county folder).
    /// `catalog` adds a county's subject names (`batch`).
    func makeDocumentBuild(priorYear: PriorYearScope? = nil, catalog: SubjectCatalog = .standard,
                           defaults: InputDefaults = .none, fontRoles: FontRoles? = nil) throws -> DocumentBuild {
        DocumentBuild(format: format, templates: templates, fonts: try FontLibrary(roles: fontRoles), rounding: rounding,
                      priorYear: priorYear ?? (priorAnywhere ? .anywhere : .dataFolder), catalog: catalog, defaults: defaults)
    }
}

extension RoundingMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
