import Foundation
import XCTest

/// An interrupted render leaves no temporary file: SIGTERM removes the one being written, and the
/// next render to the same target removes those of processes that died (SIGKILL).
final class InterruptedRenderTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func temporaries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
    }

    func testStaleTemporariesOfDeadProcessesAreRemoved() throws {
        // No process has pid 4194303 (above Linux's pid_max default), so this one is stale; ours is live.
        let stale = directory.appendingPathComponent(".例.pdf.4194303-DEADBEEF.tmp")
        let live = directory.appendingPathComponent(".例.pdf.\(ProcessInfo.processInfo.processIdentifier)-CAFEBABE.tmp")
        try Data("半个 PDF".utf8).write(to: stale)
        try Data("正在写".utf8).write(to: live)
        let run = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "-o", directory.appendingPathComponent("例.pdf").path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(try temporaries(), [live.lastPathComponent])
    }

    /// SIGTERM at several moments of a render: whenever it lands, no temporary file is left.
    func testSIGTERMLeavesNoTemporaryFile() throws {
        for delay in stride(from: 0.1, through: 0.9, by: 0.1) {
            let process = Process()
            process.executableURL = GongkaiProcess.binary
            process.arguments = ["render", GongkaiProcess.hebei, "-o", directory.appendingPathComponent("例.pdf").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.terminate()
            process.waitUntilExit()
            XCTAssertEqual(try temporaries(), [], "after SIGTERM at \(delay) s")
        }
    }
}
