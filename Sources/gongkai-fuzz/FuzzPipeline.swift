import Budget
import Document
import Foundation
import Layout
import Render
import Templating

/// The rest of the pipeline for a budget the fuzzer made: the Hebei template with its self-check,
/// layout with HarfBuzz and the real fonts, and a PDF written (over the same scratch file each time).
/// Template errors and self-check failures are outcomes; a crash, hang or sanitizer report is a bug.
enum FuzzPipeline {
    static let enabled = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_PIPELINE"] == "1"

    /// Loaded once: fonts and templates do not change between executions.
    nonisolated(unsafe) static let setup: (template: DocumentTemplate, fonts: FontLibrary, target: URL)? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let template = try? DocumentTemplate(format: "hebei", templatesDirectory: root.appendingPathComponent("Templates")),
              let fonts = try? FontLibrary() else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (template, fonts, directory.appendingPathComponent("fuzz.pdf"))
    }()

    static func run(_ budget: Budget) {
        guard let setup else { preconditionFailure("Templates/ 或字体无法加载") }
        guard let document = try? setup.template.document(for: budget),
              let laidOut = try? DocumentLayouter(shaper: HarfBuzzShaper(fonts: setup.fonts)).layout(document) else { return }
        _ = try? PDFWriter(fonts: setup.fonts).write(laidOut, to: setup.target)
    }
}
