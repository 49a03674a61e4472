import Foundation
import XCTest

/// `gongkai sample`: plausible departments that pass `check`, the same on every run.
final class SampleCommandTests: XCTestCase {
    func testSampleDepartmentsPassCheckInEveryFormat() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (format, unit) in [("hebei", "万元"), ("xinjiang", "万元"), ("shaanxi", "元")] {
            let folder = directory.appendingPathComponent(format)
            let run = try GongkaiProcess.run(["sample", "--departments", "9", "--format", format, "--unit", unit, folder.path])
            XCTAssertEqual(run.status, 0, run.errors)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            XCTAssertEqual(files.count, 9)
            let check = try GongkaiProcess.run(["check"] + files.map { folder.appendingPathComponent($0).path })
            XCTAssertEqual(check.status, 0, check.output)
            XCTAssertTrue(check.errors.contains("检查了 9 个文件：0 个错误，0 个警告"), "\(format): \(check.errors)")
        }
    }

    func testTheSameDepartmentsEveryTimeAndNothingOverwritten() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("一"), second = directory.appendingPathComponent("二")
        XCTAssertEqual(try GongkaiProcess.run(["sample", "--departments", "3", first.path]).status, 0)
        XCTAssertEqual(try GongkaiProcess.run(["sample", "--departments", "3", second.path]).status, 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: first.path) {
            XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(name)), try Data(contentsOf: second.appendingPathComponent(name)))
        }
        let again = try GongkaiProcess.run(["sample", "--departments", "3", first.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.errors.contains("已存在的文件不覆盖"), again.errors)
    }
}
