import XCTest

/// The command line's own conventions: a misspelt subcommand is answered in Chinese with the
/// closest name; --version names the release.
final class SubcommandNameTests: XCTestCase {
    func testAMisspeltSubcommandGetsTheClosestName() throws {
        let run = try GongkaiProcess.run(["rendr", "x.yaml"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.hasPrefix("错误: 没有子命令“rendr”，是否想写“render”？"), run.errors)
    }

    func testVersion() throws {
        let run = try GongkaiProcess.run(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.hasPrefix("gongkai "), run.output)
    }
}
