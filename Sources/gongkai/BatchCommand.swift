import ArgumentParser
import BudgetCore
import BudgetInput
import Catalog
import Fonts
import Foundation
import Render

/// `gongkai batch COUNTY --out-dir OUT`: every department of a county folder on every core; one
/// failing department never stops the others; report.json and a summary at the end.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "批量排版一个县的全部部门：文件夹（含子文件夹）中每个 .yaml 是一个部门；多核并行，一个部门出错不影响其他部门；最后给出汇总与 report.json。",
        discussion: HelpText.examples(
            "gongkai batch 县/ --out-dir 公开/",
            "gongkai batch 县/ --out-dir 公开/ --shard 2/8",
            "gongkai batch --merge-reports 公开/"))

    @Argument(help: ArgumentHelp("县文件夹", valueName: "文件夹"))
    var folder: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("输出目录：PDF 按数据文件在县文件夹中的位置存放，另写 report.json", valueName: "目录"))
    var outputDirectory: String?

    @Option(name: .customLong("merge-reports"), help: ArgumentHelp("合并此目录中各份（--shard）的 report-i-of-n.json，写成 report.json 与 一览表.csv", valueName: "目录"))
    var mergeDirectory: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("同时排版的文件数（默认：处理器核数）", valueName: "数"))
    var jobs: Int?

    @Option(help: ArgumentHelp("只排第 i 份（共 n 份，i 从 1 起）：多台机器或作业数组分担一个省，每个部门恰好落在一份中", valueName: "i/n"))
    var shard: Shard?

    @Flag(help: "全部重新排版（默认只排数据、上年文件、模板、字体或程序有变化的部门，以及 PDF 不见了的部门）")
    var force = false

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if mergeDirectory != nil {
            if folder != nil || outputDirectory != nil || shard != nil { throw ValidationError("--merge-reports 单独使用：只给出各份报告所在的目录") }
            return
        }
        if folder == nil || outputDirectory == nil { throw ValidationError("请给出县文件夹与 --out-dir 输出目录") }
        if templateOptions.priorAnywhere { throw ValidationError("batch 不接受 --prior-anywhere：上年数据文件只能在县文件夹之内") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs 应在 1 到 256 之间，写的是 \(jobs)") }
    }

    func run() throws {
        if let mergeDirectory { return try merge(mergeDirectory) }
        guard let folder, let outputDirectory else { throw ExitCode.failure }
        let county = CountyFolder(root: folder)
        let files = try departments(of: county, into: outputDirectory)
        let manifestName = BatchManifest.name(shard: shard)
        var manifest = force ? BatchManifest() : BatchManifest.load(from: outputDirectory, name: manifestName)
        let keys = files.map(county.relativePath(of:))
        let data = files.map(BatchInputs.data)
        let settings = try countySettings(folder)
        let headers = files.indices.map { index in
            manifest.entries[keys[index]].flatMap { $0.data == data[index] ? $0.header : nil }
                ?? DepartmentHeader.read(files[index], defaultYear: settings?.defaults.year)
        }
        let outputs = files.indices.map { county.outputPath(for: files[$0], header: headers[$0], in: outputDirectory) }
        try checkOutputs(files, outputs)
        let catalog = settings.map { SubjectCatalog.standard.adding(county: $0.subjects, source: $0.source ?? "") } ?? .standard
        let countyName = settings?.county ?? URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        let fontRoles = settings?.fontRoles
        let fonts = try fonts(fontRoles)
        let inputs = BatchInputs(options: templateOptions, fonts: fonts,
                                 settings: (folder as NSString).appendingPathComponent(CountySettings.fileName))
        var departments: [BatchReport.Department?] = files.indices.map { index in
            unchanged(manifest.entries[keys[index]], data: data[index], output: outputs[index], inputs: inputs)
                .map { BatchReport.unchanged(file: files[index], output: outputs[index], entry: $0) }
        }
        let stale = files.indices.filter { departments[$0] == nil }
        let rendered = stale.isEmpty ? [] : try render(stale.map { files[$0] }, to: stale.map { outputs[$0] }, catalog: catalog,
                                                       defaults: settings?.defaults ?? .none, fontRoles: fontRoles)
        for (index, (department, report)) in zip(stale, rendered) {
            departments[index] = department
            manifest.entries[keys[index]] = report.failed ? nil : BatchManifest.Entry(
                inputs: inputs.digest(data: data[index], priorYearFile: report.priorYearFile),
                priorYearFile: report.priorYearFile, size: Self.size(of: outputs[index]) ?? -1, pages: report.pages,
                warnings: department.warnings, figures: report.figures, data: data[index], header: headers[index])
        }
        // Departments whose file is gone leave the manifest with it.
        let present = Set(keys)
        manifest.entries = manifest.entries.filter { present.contains($0.key) }
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        try manifest.write(to: outputDirectory, name: manifestName)
        try finish(BatchReport(folder: folder, departments: departments.compactMap { $0 }), county: countyName,
                   fonts: fonts, in: outputDirectory)
    }

    /// The departments of this run (this shard's part).
    private func departments(of county: CountyFolder, into outputDirectory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: county.root, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.note("错误: \(county.root) 不是文件夹")
            throw ExitCode.failure
        }
        try RenderCommand.requireDirectoryOrAbsent(outputDirectory, option: "--out-dir")
        let all = county.dataFiles(excluding: outputDirectory)
        guard !all.isEmpty else {
            Console.note("错误: \(county.root) 中没有 .yaml 数据文件")
            throw ExitCode.failure
        }
        let files = shard.map { shard in all.filter { shard.contains(county.relativePath(of: $0)) } } ?? all
        if let shard { Console.note("第 \(shard.index)/\(shard.count) 份：\(files.count) 个部门（共 \(all.count) 个）") }
        return files
    }

    /// Every PDF is checked before anything is written: no data file overwritten, no two departments in one PDF.
    private func checkOutputs(_ files: [String], _ outputs: [String]) throws {
        do { try OutputPlan(files: files, outputs: outputs).check() } catch let error as OutputError {
            Console.note("错误: \(error.message)")
            throw ExitCode.failure
        }
    }

    /// The county's settings (县设置.yaml), if it has them; their errors end the run.
    private func countySettings(_ folder: String) throws -> CountySettings? {
        switch CountySettings.load(root: folder) {
        case .success(let settings):
            return settings
        case .failure(let problems):
            let printer = DiagnosticPrinter.forStandardOutput()
            for diagnostic in problems.diagnostics { print(printer.text(diagnostic)) }
            Console.note("县设置有错误，未排版")
            throw ExitCode.failure
        }
    }

    /// The fonts, for what they are (the manifest's digest) and for the summary; workers open their own.
    private func fonts(_ roles: FontRoles?) throws -> FontLibrary {
        do { return try FontLibrary(roles: roles) } catch {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        }
    }

    /// Writes report.json and 一览表.csv and says how the run went; exit 1 when a department failed.
    private func finish(_ report: BatchReport, county: String, fonts: FontLibrary, in outputDirectory: String) throws {
        let path = try report.write(to: outputDirectory, shard: shard)
        let summary = try CountySummary.write(report.summaryRows, county: county, fonts: fonts, to: outputDirectory, shard: shard)
        let warnings = report.departments.reduce(0) { $0 + $1.warnings.count }
        let kept = report.unchanged > 0 ? "（其中 \(report.unchanged) 个没有变化，未重新排版）" : ""
        Console.note("共 \(report.departments.count) 个部门：成功 \(report.succeeded) 个\(kept)，失败 \(report.failed) 个，警告 \(warnings) 条；报告：\(path)；一览表：\(summary)")
        if report.failed > 0 { throw ExitCode.failure }
    }

    /// Joins the shards' reports: every part 1…n present, every department once.
    private func merge(_ directory: String) throws {
        do {
            let report = try ShardReports.merge(in: directory)
            let path = try report.write(to: directory)
            let county = URL(fileURLWithPath: report.folder).standardizedFileURL.lastPathComponent
            let summary = try CountySummary.write(report.summaryRows, county: county, fonts: try fonts(nil), to: directory, shard: nil)
            Console.note("合并了 \(report.departments.count) 个部门：成功 \(report.succeeded) 个，失败 \(report.failed) 个；报告：\(path)；一览表：\(summary)")
            if report.failed > 0 { throw ExitCode.failure }
        } catch let error as OutputError {
            Console.note("错误: \(error.message)")
            throw ExitCode.failure
        }
    }

    /// The manifest's entry when nothing the PDF was made from has changed and the PDF is still the one written.
    private func unchanged(_ entry: BatchManifest.Entry?, data: String, output: String, inputs: BatchInputs) -> BatchManifest.Entry? {
        guard let entry, entry.inputs == inputs.digest(data: data, priorYearFile: entry.priorYearFile),
              Self.size(of: output) == entry.size else { return nil }
        return entry
    }

    private static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// Renders every file in parallel; a progress line on a terminal, the files' messages in order.
    private func render(_ files: [String], to outputs: [String], catalog: SubjectCatalog,
                        defaults: InputDefaults, fontRoles: FontRoles?) throws -> [(BatchReport.Department, FileReport)] {
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count)
        let settings = RenderSettings(files: files, outputs: outputs, pngDirectory: nil, dpi: 96, timing: false,
                                      templateOptions: templateOptions,
                                      hasFreeCore: workers < ProcessInfo.processInfo.activeProcessorCount)
        let scope = folder ?? "."
        let progress = Progress(total: files.count, onTerminal: isatty(STDERR_FILENO) == 1)
        templateOptions.preloadFormat(for: files)
        var departments: [(BatchReport.Department, FileReport)] = []
        let outcome = OrderedWork.run(
            count: files.count, workers: workers,
            makeState: { try RenderEngine(build: settings.templateOptions.makeDocumentBuild(priorYear: .folder(scope), catalog: catalog, defaults: defaults,
                                                                                       fontRoles: fontRoles)) },
            job: { engine, index in settings.render(index, with: engine) },
            emit: { report in
                progress.clear()
                report.emit()
                let index = departments.count
                departments.append((BatchReport.department(file: files[index], output: outputs[index], report: report), report))
                progress.show(done: departments.count, failed: departments.filter { $0.1.failed }.count)
            })
        progress.clear()
        if let error = outcome.stateError, !outcome.completed {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        }
        return departments
    }
}

/// “进度 12/200” on standard error, redrawn in place on a terminal; nothing when output is a file
/// or a pipe (the per-file lines say the same there).
private struct Progress {
    let total: Int
    let onTerminal: Bool

    func show(done: Int, failed: Int) {
        guard onTerminal else { return }
        let failures = failed > 0 ? "，失败 \(failed)" : ""
        FileHandle.standardError.write(Data("进度 \(done)/\(total)\(failures)".utf8))
    }

    func clear() {
        guard onTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
