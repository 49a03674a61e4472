import ArgumentParser
import BudgetCore
import Document
import Foundation
import Layout
import Preflight
import Render

/// `gongkai render FILE... [-o OUT.pdf | --out-dir DIR] [--png DIR]`: the whole document as PDF.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "排版预算公开文件，输出 PDF（数据有错误时不生成，已有的 PDF 保持不变）。",
        discussion: HelpText.examples(
            "gongkai render Examples/hebei/高阳县医疗保障局-2025.yaml -o 高阳.pdf",
            "gongkai render Examples/*/*.yaml --out-dir out/ -j 2",
            "gongkai render 数据.yaml -o 预算.pdf --png 页面/ --timing"))

    @Argument(help: ArgumentHelp("数据文件（.yaml）", valueName: "文件"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("输出的 PDF 文件（只有一个数据文件时）", valueName: "PDF"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("输出目录：每个数据文件生成同名的 PDF", valueName: "目录"))
    var outputDirectory: String?

    @Option(name: .customLong("png"), help: ArgumentHelp("同时把每页输出为 PNG 图片到此目录（只有一个数据文件时）", valueName: "目录"))
    var pngDirectory: String?

    @Option(help: "PNG 的分辨率（每英寸点数）")
    var dpi: Double = 96

    @Flag(help: "在标准错误上输出各阶段用时（墙钟时间）")
    var timing = false

    @Option(name: .shortAndLong, help: ArgumentHelp("同时排版的文件数（默认：处理器核数）", valueName: "数"))
    var jobs: Int?

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if output != nil && files.count > 1 { throw ValidationError("有多个数据文件时请用 --out-dir 指定输出目录，而不是 -o") }
        if pngDirectory != nil && files.count > 1 { throw ValidationError("--png 只能用于一个数据文件") }
        if output != nil && outputDirectory != nil { throw ValidationError("-o 与 --out-dir 只能选一个") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs 应在 1 到 256 之间，写的是 \(jobs)") }
    }

    /// Every output is checked before anything is written: a bad one never costs the previous PDF.
    func checkOutputs() throws {
        if let output, !output.lowercased().hasSuffix(".pdf") { throw OutputError("输出文件应以 .pdf 结尾：\(output)") }
        guard dpi.isFinite, (24...1200).contains(dpi) else { throw OutputError("--dpi 应在 24 到 1200 之间，写的是 \(dpi)") }
        if let pngDirectory { try Self.requireDirectoryOrAbsent(pngDirectory, option: "--png") }
        if let outputDirectory { try Self.requireDirectoryOrAbsent(outputDirectory, option: "--out-dir") }
        try OutputPlan(files: files, outputs: files.map(outputPath(for:))).check()
    }

    /// A path an option names as a folder must be one, or not exist yet.
    static func requireDirectoryOrAbsent(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError("\(option) 应是一个目录，而 \(path) 是文件")
        }
    }

    func run() throws {
        do { try checkOutputs() } catch let error as OutputError {
            Console.note("错误: \(error.message)")
            throw ExitCode.failure
        }
        var failed = false
        let settings = settings
        settings.templateOptions.preloadFormat(for: files)
        let outcome = OrderedWork.run(
            count: files.count, workers: workerCount,
            makeState: { try RenderEngine(build: settings.templateOptions.makeDocumentBuild()) },
            job: { engine, index in settings.render(index, with: engine) },
            emit: { report in
                report.emit()
                failed = failed || report.failed
            })
        if let error = outcome.stateError, !outcome.completed {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        }
        if failed { throw ExitCode.failure }
    }

    /// Documents rendered at once: --jobs, else one per processor, never more than there are files.
    private var workerCount: Int {
        min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count)
    }

    /// What each worker needs of the command, all plain values it can take to its thread.
    private var settings: RenderSettings {
        RenderSettings(files: files, outputs: files.map(outputPath(for:)), pngDirectory: pngDirectory, dpi: dpi,
                       timing: timing, templateOptions: templateOptions,
                       hasFreeCore: workerCount < ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Where the PDF of `file` goes: -o, else --out-dir, else beside the data file.
    private func outputPath(for file: String) -> String {
        if let output { return output }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        if let outputDirectory { return (outputDirectory as NSString).appendingPathComponent(name) }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }
}

/// The data has errors: nothing is written.
struct RenderStop: Error {
    let diagnostics: [Diagnostic]
}
