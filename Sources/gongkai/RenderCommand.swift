import ArgumentParser
import Budget
import BudgetCore
import BudgetDocument
import Document
import Foundation
import Layout
import Render
import Templating

/// `gongkai render FILE... [-o OUT.pdf | --out-dir DIR] [--png DIR]`: the whole document as PDF.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "排版预算公开文件，输出 PDF（数据有错误时不生成，已有的 PDF 保持不变）。")

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

    @Flag(help: "在标准错误上输出各阶段用时")
    var timing = false

    @Option(help: ArgumentHelp("使用此格式的模板，而不是数据文件中的“格式”", valueName: "格式"))
    var format: String?

    @Option(help: ArgumentHelp("模板目录（默认：环境变量 GONGKAI_TEMPLATES，或向上查找 Templates/）", valueName: "目录"))
    var templates: String?

    func validate() throws {
        if output != nil && files.count > 1 { throw ValidationError("有多个数据文件时请用 --out-dir 指定输出目录，而不是 -o") }
        if pngDirectory != nil && files.count > 1 { throw ValidationError("--png 只能用于一个数据文件") }
        if output != nil && outputDirectory != nil { throw ValidationError("-o 与 --out-dir 只能选一个") }
    }

    func run() throws {
        let fonts: FontLibrary
        do { fonts = try FontLibrary() } catch { Console.note("错误: \(error)"); throw ExitCode.failure }
        let shaper = HarfBuzzShaper(fonts: fonts)
        var failed = false
        for file in files {
            let target = outputPath(for: file)
            do {
                let pages = try render(file, to: target, shaper: shaper, fonts: fonts)
                Console.note("已生成 \(target)（\(pages) 页）")
            } catch let stop as RenderStop {
                for diagnostic in stop.diagnostics { print(diagnostic) }
                Console.note("\(file): 有错误，未生成 PDF")
                failed = true
            } catch {
                Console.note("\(file): 错误: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Where the PDF of `file` goes: -o, else --out-dir, else beside the data file.
    private func outputPath(for file: String) -> String {
        if let output { return output }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        if let outputDirectory { return (outputDirectory as NSString).appendingPathComponent(name) }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }

    private func render(_ file: String, to target: String, shaper: HarfBuzzShaper, fonts: FontLibrary) throws -> Int {
        var clock = StageClock(enabled: timing)
        defer { clock.report(file) }
        let outcome = BudgetFile.derive(file)
        clock.lap("读取与推算")
        guard let budget = outcome.budget else { throw RenderStop(diagnostics: outcome.diagnostics) }
        let unprintable = GlyphCoverage.diagnostics(for: file, fonts: fonts)
        guard unprintable.isEmpty else { throw RenderStop(diagnostics: unprintable) }
        clock.lap("字符检查")
        for warning in outcome.diagnostics.warnings { print(warning) }
        let document = try self.document(for: budget)
        clock.lap("模板")
        let laidOut = try DocumentLayouter(shaper: shaper).layout(document)
        clock.lap("排版")
        let url = URL(fileURLWithPath: target)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try PDFWriter(fonts: fonts).write(laidOut, to: url)
        clock.lap("写 PDF")
        if let pngDirectory {
            let directory = URL(fileURLWithPath: pngDirectory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = try PNGWriter(fonts: fonts).write(laidOut, toDirectory: directory, dpi: dpi)
        }
        return laidOut.pages.count
    }
}

extension RenderCommand {
    /// The format's template applied to the budget; the plain layout where no template exists yet.
    func document(for budget: Budget) throws -> Document {
        let format = self.format ?? budget.department.format
        guard let directory = TemplateLibrary.locate(explicit: templates), TemplateLibrary.hasFormat(format, in: directory) else {
            Console.note("警告: 没有格式“\(format)”的模板，使用通用版式")
            return BudgetDocumentBuilder(budget: budget).document()
        }
        let built = try DocumentTemplate(format: format, templatesDirectory: directory).build(for: budget)
        for warning in built.warnings { print("警告: \(warning)") }
        return built.document
    }
}

/// The data has errors: nothing is written.
struct RenderStop: Error {
    let diagnostics: [Diagnostic]
}
