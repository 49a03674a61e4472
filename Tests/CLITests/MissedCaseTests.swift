import Foundation
import XCTest

/// The errors of published documents that `check` used to miss (issue 13), each typed into a copy
/// of an example: each is caught, at the place typed, with the other place involved named.
final class MissedCaseTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Found {
        let severity: String
        let code: String
        let rule: String
        let message: String
        /// `line:column` of each span, the primary first.
        let places: [String]
        /// Notes that name no place.
        let notes: [String]
        let hint: String?
    }

    /// `check --message-format json` of the Hebei 2025 example (or `example`) with each pair replaced once.
    func check(_ edits: [(String, String)], example: String = GongkaiProcess.hebei) throws -> [Found] {
        var text = try String(contentsOfFile: example, encoding: .utf8)
        for (old, new) in edits {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "“\(old)” should be there once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "--message-format", "json", "例.yaml"], in: directory)
        return try run.output.split(separator: "\n").map { line in
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let spans = object["spans"] as? [[String: Any]] ?? []
            return Found(severity: object["severity"] as? String ?? "", code: object["code"] as? String ?? "", rule: object["rule"] as? String ?? "",
                         message: object["message"] as? String ?? "",
                         places: spans.map { "\($0["line"] as? Int ?? -1):\($0["column"] as? Int ?? -1)" },
                         notes: object["notes"] as? [String] ?? [], hint: object["hint"] as? String)
        }.filter { $0.severity != "info" }
    }

    /// `line:column` of `token` on the only line containing `needle` (columns in Unicode scalars, as libyaml's).
    func place(_ needle: String, _ token: String) throws -> String {
        let lines = try String(contentsOf: directory.appendingPathComponent("例.yaml"), encoding: .utf8).components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.contains(needle) }, needle)
        let text = lines[index]
        let range = try XCTUnwrap(text.range(of: token), token)
        return "\(index + 1):\(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1)"
    }

    /// The 1-based line of the only line containing `needle` in the edited copy.
    func line(_ needle: String) throws -> Int {
        let lines = try String(contentsOf: directory.appendingPathComponent("例.yaml"), encoding: .utf8).components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].contains(needle) }
        XCTAssertEqual(matches.count, 1, needle)
        return try XCTUnwrap(matches.first) + 1
    }

    func testRetirementPayAgainstRetireeSubjects() throws {
        // 1.00 moved from 30199 to 30302 退休费 keeps every total but exceeds 2080501.
        let found = try check([("    30302: 4.56", "    30302: 5.56"), ("    30199: 64.065", "    30199: 63.065")])
        XCTAssertEqual(found.map(\.code), ["G0413"])
        XCTAssertEqual(found.first?.message, "经济科目 30301+30302 离休费、退休费 5.56万元 超过了功能科目 2080501+2080502 行政单位离退休、事业单位离退休的基本支出 4.56万元：离休费、退休费只能由这些功能科目支出")
        XCTAssertEqual(found.first?.places, [try place("30302: 5.56", "30302"), "\(try line("科目: 2080501") + 1):11"])
    }

    func testOtherSocialSecurityAgainstInsuranceFundSubsidies() throws {
        let found = try check([("    30112: 0.77", "    30112: 0.67"), ("    30199: 64.065", "    30199: 64.165")])
        XCTAssertEqual(found.map(\.code), ["G0412"])
        XCTAssertEqual(found.first?.places, [try place("30112: 0.67", "30112"), "\(try line("科目: 2082701") + 1):11", "\(try line("科目: 2082702") + 1):11"])
    }

    func testMeetingsAndTrainingAgainstTheirEconomicSubjects() throws {
        let found = try check([
            ("  公务用车运行维护: 1.46\n", "  公务用车运行维护: 1.46\n  会议费: 0.50\n  培训费: 0.30\n"),
            ("    30201: 5.88\n", "    30201: 5.38\n    30215: 0.30\n    30216: 0.20\n"),
        ])
        XCTAssertEqual(found.map(\.code), ["G0503", "G0504"])
        XCTAssertEqual(found[0].message, "“三公”经费中会议费 0.50万元 不等于经济科目 30215 会议费 0.30万元")
        XCTAssertEqual(found[0].places.prefix(2), [try place("会议费: 0.50", "0.50"), try place("30215: 0.30", "30215")])
        XCTAssertEqual(found[1].places.prefix(2), [try place("培训费: 0.30", "0.30"), try place("30216: 0.20", "30216")])
    }

    func testVehiclePurchaseWithoutItsEconomicSubject() throws {
        let found = try check([("  公务用车运行维护: 1.46\n", "  公务用车运行维护: 1.46\n  公务用车购置: 20.00\n")])
        XCTAssertEqual(found.map(\.code), ["G0502"])
        XCTAssertEqual(found.first?.message, "“三公”经费中公务用车购置费 20.00万元 不等于经济科目 31013 公务用车购置 0.00万元")
        // The projects that could have paid it, without the 经济分类 that would show it.
        XCTAssertEqual(found.first?.places.first, try place("公务用车购置: 20.00", "20.00"))
        XCTAssertGreaterThan(found.first?.places.count ?? 0, 1)
        XCTAssertEqual(found.first?.hint?.hasPrefix("若这笔钱由项目支出，在该项目的“经济分类”中写出 31013"), true)
    }

    func testItemisedThreePublicCheckFigureIsComparedItemByItem() throws {
        let found = try check([("  三公经费: 1.54\n概况:", "  三公经费: 1.54\n概况:"), ("核对数:\n", "核对数:\n  三公经费: {公务用车运行维护: 1.50}\n")])
        XCTAssertEqual(found.map(\.code), ["G0701"])
        XCTAssertEqual(found.first?.message, "核对数“三公经费·公务用车运行维护”写为 1.50万元，由明细算得 1.46万元")
        XCTAssertEqual(found.first?.places, [try place("{公务用车运行维护: 1.50}", "1.50"), try place("  公务用车运行维护: 1.46", "1.46")])
    }

    func testTwoProjectsWithOneCode() throws {
        let found = try check([("    编码: 13062825P00700H10008C", "    编码: 13062825P00011510016R")])
        XCTAssertEqual(found.map(\.code), ["G0609"])
        let lines = try String(contentsOf: directory.appendingPathComponent("例.yaml"), encoding: .utf8).components(separatedBy: "\n")
        let both = lines.indices.filter { lines[$0].contains("13062825P00011510016R") }.map { "\($0 + 1):9" }
        XCTAssertEqual(found.first?.places, [both[1], both[0]])
    }

    func testStaffCountsAgainstTheirParts() throws {
        let found = try check([("  机构:\n", "  人员: {编制: 10, 行政编制: 6, 事业编制: 3, 实有: 9, 实有行政: 6, 实有事业: 3}\n  机构:\n")])
        XCTAssertEqual(found.map(\.code), ["G0907"])
        XCTAssertEqual(found.first?.message, "人员情况“编制” 10 人，不等于行政编制与事业编制之和 9 人")
        XCTAssertEqual(found.first?.places, [try place("人员: {编制: 10", "10"), try place("人员: {编制: 10", "6"), try place("人员: {编制: 10", "3")])
    }

    func testAssetDateInsideTheBudgetYear() throws {
        let found = try check([("  截止日期: 2024-12-31", "  截止日期: 2025-06-30")])
        XCTAssertEqual(found.map(\.code), ["G0906"])
        XCTAssertEqual(found.first?.places, [try place("截止日期: 2025-06-30", "2025"), try place("年度: 2025", "2025")])
        XCTAssertEqual(found.first?.hint, "一般写 2024-12-31")
    }

    func testProjectUnderABasicSpendingSubject() throws {
        let found = try check([("    功能科目: 2101502\n", "    功能科目: 2101501\n")])
        // The project's money moves from 2101502 to 2101501 with it: no total changes, one warning.
        XCTAssertEqual(found.filter { $0.code == "G0610" }.count, 1, "\(found)")
        let warning = try XCTUnwrap(found.first { $0.code == "G0610" })
        XCTAssertEqual(warning.severity, "warning")
        XCTAssertEqual(warning.places, [try place("功能科目: 2101501", "2101501"), try place("- 科目: 2101501", "科目")])
    }

    func testReasonThatSaysTheOppositeDirection() throws {
        let found = try check([("  三公经费: 厉行节约，压缩开支", "  三公经费: 接待任务增加")])
        XCTAssertEqual(found.map(\.code), ["G0809"])
        XCTAssertEqual(found.first?.message, "“三公”经费比上年减少0.08万元，下降5.19%，增减原因却说“接待任务增加”（增加）")
        XCTAssertEqual(found.first?.places, [try place("三公经费: 接待任务增加", "接待")])
    }

    /// Warned only where the format prints the reason, at 增减原因 with the key path.
    func testMissingReasonIsWarnedWhereItGoes() throws {
        let found = try check([("  基本支出: 人员增加1人，并且工资及保险基数调整导致人员经费增加\n", "")])
        XCTAssertEqual(found.map(\.code), ["G0808"])
        XCTAssertEqual(found.first?.message, "基本支出比上年增加17.50万元，增长7.31%，格式“hebei”印出增减原因，但没有写“增减原因.基本支出”")
        XCTAssertEqual(found.first?.places, ["\(try line("增减原因:")):1"])
        XCTAssertEqual(found.first?.hint, "在“增减原因”下写 基本支出: …")
    }

    func testTypedSubjectNameThatDiffersFromTheCatalog() throws {
        let found = try check([("  - 科目: 2080505\n", "  - 科目: 2080505\n    名称: 养老保险缴费\n")])
        XCTAssertEqual(found.map(\.code), ["G0305"])
        XCTAssertEqual(found.first?.message, "功能分类科目 2080505 写作“养老保险缴费”，科目库（2025 年）中为“机关事业单位基本养老保险缴费支出”：印出的是本文件写的名称")
        XCTAssertEqual(found.first?.places, [try place("名称: 养老保险缴费", "养老")])
    }

    func testPerformanceTasksNoLongerAddingUp() throws {
        let shaanxi = GongkaiProcess.root.appendingPathComponent("Examples/shaanxi/西乡县医疗保险业务经办中心-2024.yaml").path
        let found = try check([("金额: 80000, 其他资金: 0}", "金额: 90000, 其他资金: 0}")], example: shaanxi)
        XCTAssertEqual(found.map(\.code), ["G0611"])
        XCTAssertEqual(found.first?.message, "部门整体绩效各任务金额之和 2378819.00元 不等于支出合计 2368819.00元（绩效目标表的金额合计）")
        XCTAssertEqual(found.first?.places.count, 3)
    }

    /// A 核对数 typed at the printed precision agrees with finer detail; when it does not, a note says
    /// at which precision it was compared.
    func testCheckFiguresAreComparedAtTheirTypedPrecision() throws {
        let finer = [("  - 科目: 2210201\n    人员经费: 11.25", "  - 科目: 2210201\n    人员经费: 11.254"), ("    30113: 11.25", "    30113: 11.254")]
        XCTAssertEqual(try check(finer).map(\.code), [])
        let found = try check(finer + [("  合计: 595.88", "  合计: 595.89")])
        XCTAssertEqual(found.map(\.code), ["G0701"])
        XCTAssertEqual(found.first?.message, "核对数“合计”写为 595.89万元，由明细算得 595.884万元")
        XCTAssertEqual(found.first?.notes, ["核对数写到 2 位小数，按此精度比较：明细算得的数舍入后为 595.88万元"])
    }

    /// One 0.01 in a leaf: one error, at the leaf (the economic side agrees with the 核对数), the
    /// pair and the totals it moved as notes with their places.
    func testOneWrongLeafIsOneErrorWithTheTotalsAsNotes() throws {
        let found = try check([("  - 科目: 2080505\n    人员经费: 17.28", "  - 科目: 2080505\n    人员经费: 17.29")])
        XCTAssertEqual(found.map(\.code), ["G0408"])
        let places = try XCTUnwrap(found.first?.places)
        XCTAssertEqual(places.prefix(2), [try place("人员经费: 17.29", "17.29"), try place("30108: 17.28", "30108")])
        XCTAssertTrue(places.contains(try place("  合计: 595.88", "595.88")), "\(places)")
        XCTAssertTrue(places.contains(try place("  基本支出: 256.88", "256.88")), "\(places)")
    }

    /// A 核对数 of one subject names the typed lines it was compared against.
    func testASubjectCheckFigureNamesTheLinesBehindIt() throws {
        let found = try check([("核对数:\n", "核对数:\n  科目: {2101501: 85.00}\n")])
        XCTAssertEqual(found.map(\.code), ["G0701"])
        XCTAssertEqual(found.first?.message, "核对数“科目 2101501”写为 85.00万元，由明细算得 85.565万元")
        XCTAssertEqual(found.first?.places, [try place("{2101501: 85.00}", "85.00"), try place("- 科目: 2101501", "科目")])
    }

    /// A misspelt 资金来源 is reported at the word, not as a duplicate row somewhere else.
    func testAMisspeltFundSourceIsTheOnlyError() throws {
        let found = try check([("  - 科目: 2101550\n", "  - 科目: 2101550\n    资金来源: 一般公共预箅\n")])
        XCTAssertEqual(found.map(\.code), ["G0205"])
        XCTAssertEqual(found.first?.places, [try place("资金来源: 一般公共预箅", "一般")])
        XCTAssertTrue(found.first?.message.hasSuffix("是否想写“一般公共预算”？") ?? false)
    }

    /// Slips of a Chinese keyboard, each named where it was typed.
    func testFullWidthDigitsAndAUnitSuffixAreNamed() throws {
        let found = try check([("  - 科目: 2080501\n    人员经费: 4.56", "  - 科目: 2080501\n    人员经费: ４.５６"),
                               ("  - 科目: 2082701\n    人员经费: 0.28", "  - 科目: 2082701\n    人员经费: 0.28万元")])
        XCTAssertEqual(found.map(\.message), ["“支出[1].人员经费”“４.５６”用了全角数字或小数点：金额要写半角数字，如 4.56",
                                              "“支出[4].人员经费”“0.28万元”带了单位：金额只写数字，单位由“金额单位”统一写明"])
    }

    /// Amounts in 万元 under 金额单位: 元 give many errors; the first names the unit's line.
    func testAWrongUnitIsPointedAt() throws {
        let found = try check([("金额单位: 万元", "金额单位: 元")])
        XCTAssertEqual(Set(found.map(\.code)), ["G0211"])
        XCTAssertEqual(found.first?.places.last, try place("金额单位: 元", "元"))
    }

    /// A row whose 人员经费 and 公用经费 do not make its 基本支出: one error there, the 核对数 it moved as notes.
    func testARowThatDoesNotAddUpIsOneError() throws {
        let found = try check([("  - 科目: 2101501\n    基本支出: 85.565", "  - 科目: 2101501\n    基本支出: 85.565\n    人员经费: 80.00\n    公用经费: 5.00")])
        XCTAssertEqual(found.map(\.code), ["G0401"])
        XCTAssertEqual(found.first?.places.first, try place("基本支出: 85.565", "85.565"))
        XCTAssertTrue(found.first?.places.contains(try place("  合计: 595.88", "595.88")) ?? false)
    }

    /// A subject code the catalog lacks, one digit off a code it has: the hint names that code.
    func testAnUnknownSubjectSuggestsTheNearestCode() throws {
        let found = try check([("  - 科目: 2101102\n", "  - 科目: 2101198\n")])
        let unknown = try XCTUnwrap(found.first { $0.code == "G0301" })
        XCTAssertEqual(unknown.hint, "若是编码写错了：科目库中相近的是 2101199 其他行政事业单位医疗支出")
    }

    /// A code under a 类 that does not exist is that one error, not also “name it in 科目名称”.
    func testACodeUnderAMissingClassIsOneErrorAtIt() throws {
        let found = try check([("  - 科目: 2101102\n", "  - 科目: 2991101\n")])
        XCTAssertEqual(found.filter { $0.places.first == (try? place("- 科目: 2991101", "2991101")) }.map(\.code), ["G0302"])
    }

    /// A personnel line under 公用经费 explains the 核对数 of 人员经费 and 公用经费 it moved: one error, at the line.
    func testALineUnderTheWrongHeadingIsTheCauseOfTheCheckFigures() throws {
        let found = try check([("    30302: 4.56\n  公用经费:\n", "  公用经费:\n    30302: 4.56\n")])
        XCTAssertEqual(found.map(\.code), ["G0406"])
        XCTAssertEqual(found.first?.severity, "error")
        XCTAssertEqual(found.first?.places, [try place("    30302: 4.56", "30302"), try place("  人员经费: 233.52", "233.52"), try place("  公用经费: 23.36", "23.36")])
        XCTAssertEqual(found.first?.hint, "把这一行移到“基本支出经济分类”的“人员经费”下")
    }

    /// 格式 written as the province (河北) is pointed at the folder whose 名称 holds it.
    func testAFormatWrittenAsTheProvinceSuggestsItsFolder() throws {
        let found = try check([("格式: hebei", "格式: 河北")])
        XCTAssertEqual(found.map(\.code), ["G1003"])
        XCTAssertTrue(found.first?.message.hasSuffix("是否想写“hebei”？") ?? false, found.first?.message ?? "")
    }

    /// A 上年 file that is not there: the folder looked in, and the closest file there.
    func testAMissingPriorYearFileSuggestsTheClosestFileThere() throws {
        try "名称: 甲\n".write(to: directory.appendingPathComponent("高阳县医疗保障局-2023.yaml"), atomically: true, encoding: .utf8)
        let found = try check([("上年:\n", "上年:\n  文件: 高阳县医疗保障局-2024.yaml\n")])
        let missing = try XCTUnwrap(found.first { $0.code == "G0801" })
        XCTAssertEqual(missing.message, "找不到上年数据文件“高阳县医疗保障局-2024.yaml”：本文件所在的文件夹中没有这个文件")
        XCTAssertEqual(missing.hint, "是否想写“高阳县医疗保障局-2023.yaml”？")
    }

    /// Without any 增减原因, the reasons the format prints are asked for at 上年, with the key to add.
    func testMissingReasonsWithoutTheBlockAreAskedForAtThePriorYear() throws {
        let found = try check([("增减原因:\n  基本支出: 人员增加1人，并且工资及保险基数调整导致人员经费增加\n  项目支出: 医疗救助资金改为市级统筹，上级下达补助资金由市医保局统筹支出，医疗救助资金减少\n  三公经费: 厉行节约，压缩开支\n", "")])
        XCTAssertEqual(found.map(\.code), ["G0808", "G0808", "G0808"])
        XCTAssertEqual(Set(found.map { $0.places.first ?? "" }), [try place("上年:", "上年")])
        XCTAssertEqual(found.first { $0.message.contains("“增减原因.基本支出”") }?.hint, "加上 增减原因: {基本支出: …}")
    }
}
