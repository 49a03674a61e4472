import Foundation
import XCTest

/// Runs the real `gongkai` binary as a user would and reads what it prints.
final class CommandLineTests: XCTestCase {
    typealias Run = GongkaiProcess.Run
    static let root = GongkaiProcess.root
    static let hebei = GongkaiProcess.hebei

    func gongkai(_ arguments: String..., in directory: URL? = nil) throws -> Run {
        try GongkaiProcess.run(arguments, in: directory)
    }

    func temporaryDirectory() throws -> URL {
        let url = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testCheckPassesOnTheExample() throws {
        let run = try gongkai("check", Self.hebei)
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        // The figures that controlled rounding prints other than their own rounding, so that tables foot.
        XCTAssertEqual(run.headlines, """
            \(Self.hebei):47:9: 信息: 功能科目 2101501 的合计、基本支出印为 85.56万元（精确值 85.565万元，单独舍入为 85.57）：受控舍入使各表合计与明细相符
            \(Self.hebei):65:5: 信息: 经济科目 30199 的合计印为 64.06万元（精确值 64.065万元，单独舍入为 64.07）：受控舍入使各表合计与明细相符

            """)
        XCTAssertEqual(run.errors, "检查了 1 个文件：0 个错误，0 个警告，2 条舍入信息\n")
        let quiet = try gongkai("check", "--no-warnings", Self.hebei)
        XCTAssertEqual(quiet.output, "")
    }

    func testCheckPrintsOneDiagnosticPerLineLikeACompiler() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("坏.yaml")
        try """
            名称: 测试局
            年度: 2025
            格式: hebei
            金额单位: 万元
            支出:
              - 科目: 2101501
                人员经费: 12.3.4
              - 科目: 21015
                公用经费: 1

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try gongkai("check", "坏.yaml", in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, """
            坏.yaml:7:11: 错误: “支出[1].人员经费”“12.3.4”不是金额：应写成 595.88 这样的数字
            坏.yaml:8:9: 错误: “支出[2].科目”“21015”是 5 位，应为 7 位

            """)
        XCTAssertEqual(run.errors, "检查了 1 个文件：2 个错误，0 个警告\n")
    }

    func testCheckOnMissingFileAndGarbage() throws {
        let directory = try temporaryDirectory()
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: directory.appendingPathComponent("乱码.yaml"))
        let run = try gongkai("check", "没有.yaml", "乱码.yaml", in: directory)
        XCTAssertEqual(run.status, 1)
        // A file that cannot be read has no line to point at, and its bytes are never quoted.
        XCTAssertEqual(run.output.split(separator: "\n").count, 2, run.output)
        let lines = run.headlines.split(separator: "\n")
        XCTAssertEqual(lines.first, "没有.yaml: 错误: 无法读取文件（不存在或没有读取权限）")
        XCTAssertTrue(lines.last?.hasPrefix("乱码.yaml:1:1: 错误: 文件不是 UTF-8 编码") ?? false, run.output)
        XCTAssertFalse(run.errors.contains("Fatal"), run.errors)
    }

    /// `inspect --json` is the view templates read, under their names, amounts as printed.
    func testInspectPrintsTheTemplateViewAsJSON() throws {
        let run = try gongkai("inspect", Self.hebei, "--json")
        XCTAssertEqual(run.status, 0, run.errors)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let spending = try XCTUnwrap(json["支出"] as? [String: Any])
        XCTAssertEqual(spending["合计"] as? String, "595.88")
        XCTAssertEqual(spending["基本支出"] as? String, "256.88")
        XCTAssertEqual(spending["人员经费"] as? String, "233.52")
        let functional = try XCTUnwrap(json["功能科目"] as? [[String: Any]])
        XCTAssertEqual(functional.count, 23)
        // Controlled rounding: the 项 prints 85.56 so that 21015 320.11 foots.
        XCTAssertEqual(functional.first { $0["编码"] as? String == "2101501" }?["合计"] as? String, "85.56")
        let changes = try XCTUnwrap(json["比上年"] as? [String: Any])
        XCTAssertEqual((changes["基本支出"] as? [String: Any])?["方向"] as? String, "增加")
        let exact = try gongkai("inspect", Self.hebei, "--json", "--rounding", "独立")
        XCTAssertTrue(exact.output.contains("\"85.565\""), "independent rounding shows the exact figure")
    }

    func testSchemaIsJSONSchema() throws {
        let run = try gongkai("schema")
        XCTAssertEqual(run.status, 0)
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertNotNil(properties["支出"])
        XCTAssertEqual(Set(schema["required"] as? [String] ?? []), ["名称", "年度", "格式", "金额单位", "支出"])
    }

    func testHelpIsChinese() throws {
        let run = try gongkai("--help")
        XCTAssertTrue(run.output.contains("检查预算数据"), run.output)
    }
}
