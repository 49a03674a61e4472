import Foundation
import XCTest

/// Outputs never cost data: every output option is checked before anything is written; a data file
/// is never overwritten, two inputs never share an output, a bad --png or --dpi keeps the old PDF.
final class HostileOutputTests: XCTestCase {
    var directory: URL!
    var data: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
        data = directory.appendingPathComponent("例.yaml")
        try FileManager.default.copyItem(atPath: GongkaiProcess.hebei, toPath: data.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func render(_ arguments: String...) throws -> GongkaiProcess.Run {
        try GongkaiProcess.run(["render"] + arguments, in: directory)
    }

    func testTheDataFileIsNeverTheOutput() throws {
        let before = try Data(contentsOf: data)
        let run = try render("例.yaml", "-o", "例.yaml")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "错误: 输出文件应以 .pdf 结尾：例.yaml\n")
        XCTAssertEqual(try Data(contentsOf: data), before)
    }

    func testTwoInputsNeverShareAnOutput() throws {
        for folder in ["甲", "乙"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: data, to: directory.appendingPathComponent("\(folder)/例.yaml"))
        }
        let run = try render("甲/例.yaml", "乙/例.yaml", "--out-dir", "公开")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "错误: 甲/例.yaml 与 乙/例.yaml 都会写成 公开/例.pdf：请分开输出目录，或改用不同的文件名\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("公开").path))
    }

    /// A bad --png or --dpi is refused before the PDF is touched.
    func testBadImageOptionsKeepThePreviousPDF() throws {
        let pdf = directory.appendingPathComponent("例.pdf")
        let previous = Data("上次生成的 PDF".utf8)
        try previous.write(to: pdf)
        try Data().write(to: directory.appendingPathComponent("图"))
        let file = try render("例.yaml", "-o", "例.pdf", "--png", "图")
        XCTAssertEqual(file.status, 1)
        XCTAssertEqual(file.errors, "错误: --png 应是一个目录，而 图 是文件\n")
        let dpi = try render("例.yaml", "-o", "例.pdf", "--dpi", "0")
        XCTAssertEqual(dpi.status, 1)
        XCTAssertEqual(dpi.errors, "错误: --dpi 应在 24 到 1200 之间，写的是 0.0\n")
        XCTAssertEqual(try Data(contentsOf: pdf), previous)
    }

    func testAYearOutOfRangeIsNamedAtItsKey() throws {
        let text = try String(contentsOf: data, encoding: .utf8).replacingOccurrences(of: "\n年度: 2025\n", with: "\n年度: 10000\n")
        try text.write(to: data, atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "--no-warnings", "例.yaml"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "例.yaml:7:5: 错误: “年度”不能大于 2100，写的是 10000\n")
    }

    /// A folder the system refuses: Chinese, not `Error Domain=NSCocoaErrorDomain Code=513 …`.
    func testAnUnwritableFolderIsNamedInChinese() throws {
        let run = try render("例.yaml", "-o", "/sys/gongkai/例.pdf")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors.split(separator: "\n").first, "例.yaml: 错误: 没有权限：/sys/gongkai [G1009]")
        XCTAssertFalse(run.errors.contains("NSCocoaErrorDomain"))
    }
}
