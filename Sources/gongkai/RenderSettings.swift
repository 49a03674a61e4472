import BudgetCore
import Foundation
import Layout
import Preflight
import Render

/// One worker's fonts, shaper and layouter, used by one thread for each file it renders: the
/// shaping and line caches carry over from one department's document to the next.
struct RenderEngine {
    let build: DocumentBuild
    let layouter: DocumentLayouter

    init(build: DocumentBuild) {
        self.build = build
        self.layouter = DocumentLayouter(shaper: HarfBuzzShaper(fonts: build.fonts))
    }
}

/// `render`'s options as plain values, and the rendering of one file with them.
struct RenderSettings: Sendable {
    let files: [String]
    let outputs: [String]
    let pngDirectory: String?
    let dpi: Double
    let timing: Bool
    let templateOptions: TemplateOptions
    /// Fewer workers than cores: each document's glyphs are loaded ahead on a free core while it is
    /// laid out (`GlyphPrefetch`), and its pages drawn there as layout finishes them (`PDFPageStream`).
    /// With every core rendering, that would only compete with them.
    let hasFreeCore: Bool

    /// Renders file `index`; everything it says goes into the report, nothing to the terminal yet.
    func render(_ index: Int, with engine: RenderEngine) -> FileReport {
        let file = files[index], target = outputs[index]
        var report = FileReport()
        var clock = StageClock(enabled: timing)
        let start = StageClock.now()
        do {
            let pages = try render(file, to: target, with: engine, clock: &clock, report: &report)
            clock.report(file).map { report.note($0) }
            report.note("已生成 \(target)（\(pages) 页）")
            report.pages = pages
        } catch let stop as RenderStop {
            clock.report(file).map { report.note($0) }
            // Rounding notes are `check`'s to list; a refused render shows what stops it.
            let printer = DiagnosticPrinter.forStandardOutput()
            for diagnostic in stop.diagnostics where diagnostic.severity != .info { report.print(printer.text(diagnostic)) }
            report.diagnostics = stop.diagnostics.filter { $0.severity != .info }
            report.note("\(file): 有错误，未生成 PDF")
            report.failed = true
        } catch {
            clock.report(file).map { report.note($0) }
            let failure = Diagnostic.error("render.failed", SystemErrorText.describe(error), at: .wholeFile(file))
            report.note(DiagnosticPrinter(colour: false).text(failure))
            report.diagnostics = [failure]
            report.failed = true
        }
        report.seconds = StageClock.now() - start
        return report
    }

    private func render(_ file: String, to target: String, with engine: RenderEngine,
                        clock: inout StageClock, report: inout FileReport) throws -> Int {
        // With a core free, glyphs load there as the templates render the blocks that need them.
        let prefetch = hasFreeCore ? GlyphPrefetch(fonts: engine.build.fonts) : nil
        let outcome = engine.build.run(file, lap: { clock.lap($0) }, rendered: prefetch?.add)
        report.priorYearFile = outcome.priorYearFile
        guard let document = outcome.document else {
            prefetch?.cancel()
            throw RenderStop(diagnostics: outcome.diagnostics)
        }
        prefetch?.endOfDocument()
        report.figures = outcome.budget.map(DepartmentFigures.init)
        let printer = DiagnosticPrinter.forStandardOutput()
        for warning in outcome.diagnostics.warnings { report.print(printer.text(warning)) }
        report.diagnostics = outcome.diagnostics.warnings
        let url = URL(fileURLWithPath: target)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // With a core free, the PDF is drawn there page by page while layout goes on.
        let stream = hasFreeCore ? try PDFPageStream(fonts: engine.build.fonts, metadata: document.metadata, to: url) : nil
        let laidOut: LaidOutDocument
        do {
            laidOut = try engine.layouter.layout(document, finished: stream.map { stream in { try stream.add($0) } })
        } catch {
            stream?.cancel()
            throw error
        }
        clock.lap("排版")
        if let stream {
            try stream.finish(laidOut, after: prefetch)
        } else {
            try PDFWriter(fonts: engine.build.fonts).write(laidOut, to: url, after: prefetch)
        }
        clock.lap("写 PDF")
        if let pngDirectory {
            let directory = URL(fileURLWithPath: pngDirectory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = try PNGWriter(fonts: engine.build.fonts).write(laidOut, toDirectory: directory, dpi: dpi)
        }
        return laidOut.pages.count
    }
}
