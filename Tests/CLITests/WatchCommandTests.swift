import Foundation
import XCTest

/// `gongkai watch`: renders, then again after each save, printing the new diagnostics.
final class WatchCommandTests: XCTestCase {
    /// Polls `file` until it contains `text` `times` times (or `seconds` pass).
    func wait(for text: String, times: Int = 1, in file: URL, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let content = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if content.components(separatedBy: text).count - 1 >= times { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func testASaveIsRenderedAgainWithItsDiagnostics() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("中心.yaml")
        let good = try String(contentsOf: GongkaiProcess.root.appendingPathComponent("Examples/hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml"), encoding: .utf8)
        try good.write(to: data, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.txt"), errors = directory.appendingPathComponent("err.txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = GongkaiProcess.binary
        process.arguments = ["watch", data.path, "-o", directory.appendingPathComponent("中心.pdf").path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        defer { if process.isRunning { process.terminate() }; process.waitUntilExit() }

        XCTAssertTrue(wait(for: "已生成", in: errors), (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        // Saved the way editors do: a new file renamed over the old one.
        try good.replacingOccurrences(of: "人员经费: 12.62", with: "人员经费: 12.6.2").write(to: data, atomically: true, encoding: .utf8)
        XCTAssertTrue(wait(for: "中心.yaml:30:25: 错误:", in: output, seconds: 10), (try? String(contentsOf: output, encoding: .utf8)) ?? "")
        try good.write(to: data, atomically: true, encoding: .utf8)
        XCTAssertTrue(wait(for: "已生成", times: 2, in: errors, seconds: 10), (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        XCTAssertTrue(process.isRunning, "a failed render does not end the watch")
    }
}
