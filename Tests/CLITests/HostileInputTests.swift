import Foundation
import XCTest

/// Reading is bounded and quotes nothing it should not: only regular files of at most 4 MiB are
/// read, a file that is not a data file gets one line, and 上年 stays inside the data file's folder.
final class HostileInputTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func check(_ path: String) throws -> GongkaiProcess.Run {
        try GongkaiProcess.run(["check", "--no-warnings", path], in: directory)
    }

    func testOnlyRegularFilesOfBoundedSizeAreRead() throws {
        XCTAssertEqual(try check("/dev/zero").headlines, "/dev/zero: 错误: 这不是普通文件（设备、管道或套接字），不能作为数据文件读取\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("夹.yaml"), withIntermediateDirectories: true)
        XCTAssertEqual(try check("夹.yaml").headlines, "夹.yaml: 错误: 这是一个文件夹，不是数据文件\n")
        try Data(count: 5_000_000).write(to: directory.appendingPathComponent("大.yaml"))
        XCTAssertEqual(try check("大.yaml").headlines, "大.yaml: 错误: 文件大小 5000000 字节，超过上限 4194304 字节\n")
    }

    func testAForeignFileGetsOneLineAndIsNeverQuoted() throws {
        try "root: x:0:0:root:/root:/bin/bash\ndaemon: x:1:1\n".write(to: directory.appendingPathComponent("别的.yaml"), atomically: true, encoding: .utf8)
        let run = try check("别的.yaml")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "别的.yaml:1:1: 错误: 不是数据文件：没有“名称”“年度”“支出”等任何一个数据键\n")
    }

    /// The example with `上年: {文件: name}` in place of its inline prior figures.
    func priorYear(_ name: String, in folder: String = "") throws -> String {
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\n上年:\n", with: "\n上年:\n  文件: \(name)\n")
        XCTAssertNotEqual(edited, text)
        let relative = folder.isEmpty ? "例.yaml" : "\(folder)/例.yaml"
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder.isEmpty ? "." : folder), withIntermediateDirectories: true)
        try edited.write(to: directory.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        return relative
    }

    /// A file that names itself, or a pair that name each other, as last year's is a cycle.
    func testPriorYearCyclesAreErrors() throws {
        let itself = try check(try priorYear("例.yaml"))
        XCTAssertEqual(itself.headlines, "例.yaml:13:7: 错误: 上年数据文件“例.yaml”就是本文件：请指向上一年度的文件\n")
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        try text.replacingOccurrences(of: "\n上年:\n", with: "\n上年:\n  文件: 例.yaml\n")
            .replacingOccurrences(of: "\n年度: 2025\n", with: "\n年度: 2024\n")
            .write(to: directory.appendingPathComponent("乙.yaml"), atomically: true, encoding: .utf8)
        let pair = try check(try priorYear("乙.yaml"))
        XCTAssertEqual(pair.headlines, "例.yaml:13:7: 错误: 上年数据文件“乙.yaml”又以本文件为上年：两个文件互为上年（循环引用）\n")
    }

    func testPriorYearFilesStayInsideTheDataFilesFolder() throws {
        let absolute = try check(try priorYear("/etc/passwd"))
        XCTAssertEqual(absolute.headlines, "例.yaml:13:7: 错误: 上年数据文件应写相对于本文件的路径（如“上年: {文件: 2024.yaml}”），不能写绝对路径（确需如此，可加选项 --prior-anywhere）：/etc/passwd\n")
        let climbing = try check(try priorYear("../../etc/passwd", in: "县"))
        XCTAssertEqual(climbing.headlines, "县/例.yaml:13:7: 错误: 上年数据文件应在本文件所在的文件夹之内，不能用“..”走出去（确需如此，可加选项 --prior-anywhere）：../../etc/passwd\n")
        try "root: x:0:0\n".write(to: directory.appendingPathComponent("别的.yaml"), atomically: true, encoding: .utf8)
        let foreign = try check(try priorYear("别的.yaml"))
        XCTAssertEqual(foreign.headlines, "例.yaml:13:7: 错误: 上年数据文件“别的.yaml”：不是数据文件：没有“名称”“年度”“支出”等任何一个数据键\n")
        XCTAssertFalse(foreign.output.contains("root"))
    }

    /// `--prior-anywhere` follows absolute and climbing references, and still quotes nothing of a
    /// file that is not a data file.
    func testPriorAnywhereFollowsOutsideReferencesWithoutQuoting() throws {
        try "root: x:0:0\n".write(to: directory.appendingPathComponent("别的.yaml"), atomically: true, encoding: .utf8)
        let climbing = try GongkaiProcess.run(["check", "--no-warnings", "--prior-anywhere", try priorYear("../别的.yaml", in: "县")], in: directory)
        XCTAssertEqual(climbing.status, 1)
        XCTAssertEqual(climbing.headlines, "县/例.yaml:13:7: 错误: 上年数据文件“../别的.yaml”：不是数据文件：没有“名称”“年度”“支出”等任何一个数据键\n")
        let absolute = try GongkaiProcess.run(["inspect", "--prior-anywhere", try priorYear("/etc/passwd")], in: directory)
        XCTAssertEqual(absolute.status, 1)
        XCTAssertEqual(GongkaiProcess.Run.headlines(absolute.output + absolute.errors), "例.yaml:13:7: 错误: 上年数据文件“/etc/passwd”：文件顶层应为“键: 值”映射，如“名称: 高阳县医疗保障局”\n")
    }
}
