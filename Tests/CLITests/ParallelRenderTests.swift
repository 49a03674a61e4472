import Foundation
import XCTest

/// Several files render on every core, each worker with fonts of its own: the PDFs are the bytes a
/// serial render writes, and the messages come in the order the files were given.
final class ParallelRenderTests: XCTestCase {
    let examples = ["hebei/高阳县医疗保障局-2025.yaml", "xinjiang/和硕县医疗保障局-2024.yaml",
                    "shaanxi/西乡县医疗保险业务经办中心-2024.yaml", "hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml"]

    func render(jobs: Int, files: [String]) throws -> (GongkaiProcess.Run, URL) {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let run = try GongkaiProcess.run(["render"] + files + ["--out-dir", directory.path, "--jobs", String(jobs)])
        return (run, directory)
    }

    var paths: [String] { examples.map { GongkaiProcess.root.appendingPathComponent("Examples/\($0)").path } }

    func testParallelAndSerialWriteTheSameBytesAndMessages() throws {
        let (serial, serialDirectory) = try render(jobs: 1, files: paths)
        let (parallel, parallelDirectory) = try render(jobs: 3, files: paths)
        XCTAssertEqual(serial.status, 0, serial.errors)
        XCTAssertEqual(parallel.status, 0, parallel.errors)
        for example in examples {
            let name = ((example as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            let a = try Data(contentsOf: serialDirectory.appendingPathComponent(name))
            let b = try Data(contentsOf: parallelDirectory.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name): parallel render differs from serial")
        }
        let normalise = { (text: String) in text.replacingOccurrences(of: serialDirectory.path, with: "OUT")
            .replacingOccurrences(of: parallelDirectory.path, with: "OUT") }
        XCTAssertEqual(normalise(parallel.output), normalise(serial.output))
        XCTAssertEqual(normalise(parallel.errors), normalise(serial.errors))
        let generated = parallel.errors.split(separator: "\n").filter { $0.hasPrefix("已生成") }
        XCTAssertEqual(generated.count, examples.count)
        XCTAssertTrue(zip(generated, examples).allSatisfy { line, example in
            line.contains(((example as NSString).lastPathComponent as NSString).deletingPathExtension)
        }, "messages in the order of the files: \(generated)")
    }

    /// A worker keeps each face's subset for its next document and grows it with new glyphs: a PDF
    /// is the same bytes whether its document came first, alone, or after documents of other glyphs.
    func testADocumentAloneIsTheBytesItIsAfterOthers() throws {
        let (batch, batchDirectory) = try render(jobs: 1, files: paths.reversed())
        XCTAssertEqual(batch.status, 0, batch.errors)
        for (example, path) in zip(examples, paths) {
            let (alone, aloneDirectory) = try render(jobs: 1, files: [path])
            XCTAssertEqual(alone.status, 0, alone.errors)
            let name = ((example as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            let a = try Data(contentsOf: aloneDirectory.appendingPathComponent(name))
            let b = try Data(contentsOf: batchDirectory.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name): rendered alone differs from rendered after the others")
        }
    }

    /// A file with errors among good ones: its diagnostics stay with it, the others are written,
    /// and the command exits 1.
    func testAFailingFileKeepsItsPlaceAndTheOthersAreWritten() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("坏.yaml")
        try "名称: 测试局\n年度: 2025\n格式: hebei\n金额单位: 万元\n支出:\n  - 科目: 2101501\n    人员经费: 1.2.3\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let (run, out) = try render(jobs: 2, files: [paths[0], broken.path, paths[2]])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("坏.yaml:7:11: 错误:"), run.output)
        let lines = run.errors.split(separator: "\n").map(String.init)
        let order = ["高阳县医疗保障局-2025.pdf", "坏.yaml: 有错误，未生成 PDF", "西乡县医疗保险业务经办中心-2024.pdf"]
            .map { needle in lines.firstIndex { $0.contains(needle) } ?? -1 }
        XCTAssertEqual(order, order.sorted(), run.errors)
        XCTAssertFalse(order.contains(-1), run.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("西乡县医疗保险业务经办中心-2024.pdf").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("坏.pdf").path))
    }

    /// `check` of several files reads the same on every core as on one.
    func testParallelCheckSaysWhatSerialCheckSays() throws {
        let serial = try GongkaiProcess.run(["check"] + paths + ["--jobs", "1"])
        let parallel = try GongkaiProcess.run(["check"] + paths + ["--jobs", "2"])
        XCTAssertEqual(serial.status, parallel.status)
        XCTAssertEqual(serial.output, parallel.output)
        XCTAssertEqual(serial.errors, parallel.errors)
        XCTAssertTrue(serial.errors.contains("检查了 4 个文件"), serial.errors)
    }

    func testJobsOutOfRangeIsRefused() throws {
        let run = try GongkaiProcess.run(["render", paths[0], "--jobs", "0"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("--jobs 应在 1 到 256 之间"), run.errors)
    }
}
