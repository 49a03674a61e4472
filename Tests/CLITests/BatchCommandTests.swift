import Foundation
import XCTest

/// `gongkai batch`: a county folder rendered department by department on every core; a broken
/// department is reported and never stops the others; report.json says what happened to each.
final class BatchCommandTests: XCTestCase {
    var directory: URL!
    var county: URL { directory.appendingPathComponent("县") }
    var output: URL { directory.appendingPathComponent("公开") }

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ text: String, to relative: String) throws {
        let url = county.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func example(_ path: String) throws -> String {
        try String(contentsOf: GongkaiProcess.root.appendingPathComponent("Examples/\(path)"), encoding: .utf8)
    }

    func batch(_ extra: [String] = []) throws -> GongkaiProcess.Run {
        try GongkaiProcess.run(["batch", county.path, "--out-dir", output.path] + extra)
    }

    func report() throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testABrokenDepartmentIsReportedAndTheOthersAreRendered() throws {
        try write(try example("hebei/高阳县医疗保障局-2025.yaml"), to: "医保/高阳县医疗保障局-2025.yaml")
        try write(try example("shaanxi/西乡县医疗保险业务经办中心-2024.yaml"), to: "卫健/西乡.yaml")
        try write("名称: 测试局\n年度: 2025\n格式: hebei\n金额单位: 万元\n支出:\n  - 科目: 2101501\n    人员经费: 1.2.3\n", to: "坏.yaml")
        try write("不是数据\n", to: ".隐藏/不读.yaml")
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("坏.yaml:7:11: 错误:"), run.output)
        XCTAssertTrue(run.errors.contains("共 3 个部门：成功 2 个，失败 1 个"), run.errors)
        // PDFs are named after the department and year, in the data file's folder.
        for pdf in ["医保/高阳县医疗保障局-2025.pdf", "卫健/西乡县医疗保险业务经办中心-2024.pdf"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(pdf).path), pdf)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("测试局-2025.pdf").path))

        let report = try report()
        XCTAssertEqual(report["succeeded"] as? Int, 2)
        XCTAssertEqual(report["failed"] as? Int, 1)
        let departments = try XCTUnwrap(report["departments"] as? [[String: Any]])
        XCTAssertEqual(departments.map { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } },
                       ["高阳县医疗保障局-2025.yaml", "西乡.yaml", "坏.yaml"])
        let broken = departments[2]
        XCTAssertEqual(broken["status"] as? String, "failed")
        let error = try XCTUnwrap((broken["errors"] as? [[String: Any]])?.first)
        XCTAssertEqual(error["line"] as? Int, 7)
        XCTAssertEqual(error["column"] as? Int, 11)
        XCTAssertEqual(error["message"] as? String, "“支出[1].人员经费”“1.2.3”不是金额：应写成 595.88 这样的数字")
        XCTAssertEqual(departments[0]["pages"] as? Int, 23)

        // The county summary: a row per department by code, the failed one marked, the county's totals.
        let bytes = try Data(contentsOf: output.appendingPathComponent("一览表.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark for spreadsheet programs")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.count, 5, csv)
        XCTAssertTrue(lines[0].hasPrefix("部门编码,部门名称,年度,状态,收支总计（万元）"), lines[0])
        XCTAssertEqual(lines[1], "209002,西乡县医疗保险业务经办中心,2024,成功,236.88,228.88,8.00,0.00,0.00,238.31,-1.43,0,\(county.path)/卫健/西乡.yaml")
        XCTAssertTrue(lines[2].hasPrefix("450,高阳县医疗保障局,2025,成功,595.88,256.88,339.00,1.46,23.36,996.38,-400.50,"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix(",（坏.yaml）,,失败,"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix(",合计（2 个部门）,,,832.76,485.76,347.00,"), lines[4])
        // The same table as a PDF, for reading and printing.
        let pdf = output.appendingPathComponent("一览表.pdf").path
        let text = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).output.filter { !$0.isWhitespace }
        for expected in ["县2025年部门预算一览表", "西乡县医疗保险业务经办中心", "595.88", "（坏.yaml）", "合计（2个部门）", "832.76"] {
            XCTAssertTrue(text.contains(expected), "一览表.pdf lacks \(expected): \(text)")
        }
    }

    /// A prior-year file may be in another folder of the county, never outside it.
    func testPriorYearFilesStayInsideTheCounty() throws {
        let text = try example("hebei/高阳县医疗保障局-2025.yaml")
        try write(text.replacingOccurrences(of: "\n上年:\n", with: "\n上年:\n  文件: ../../外/上年.yaml\n"), to: "医保/出县.yaml")
        try write(text.replacingOccurrences(of: "\n上年:\n", with: "\n上年:\n  文件: ../上年/别的.yaml\n"), to: "卫健/县内.yaml")
        try write("root: x\n", to: "上年/别的.yaml")
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("出县.yaml:13:7: 错误: 批量排版时，上年数据文件应在县文件夹"), run.output)
        // Inside the county the reference is followed (and this one is not a data file).
        XCTAssertTrue(run.output.contains("县内.yaml:13:7: 错误: 上年数据文件“../上年/别的.yaml”：不是数据文件"), run.output)
    }

    func testPriorAnywhereIsRefused() throws {
        try write(try example("hebei/高阳县医疗保障局-2025.yaml"), to: "a.yaml")
        let run = try batch(["--prior-anywhere"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("batch 不接受 --prior-anywhere"), run.errors)
    }

    func testAFolderWithoutDataIsAnError() throws {
        try FileManager.default.createDirectory(at: county, withIntermediateDirectories: true)
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("中没有 .yaml 数据文件"), run.errors)
    }

    /// `--shard i/n` over n runs renders every department exactly once, each run writing its own report.
    func testShardsCoverEveryDepartmentExactlyOnce() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        let names = (1...5).map { "乡镇\($0)/中心.yaml" }
        for name in names { try write(small, to: name) }
        var rendered: [String] = []
        for index in 1...3 {
            let run = try batch(["--shard", "\(index)/3"])
            XCTAssertEqual(run.status, 0, run.errors)
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("report-\(index)-of-3.json").path))
            let data = try Data(contentsOf: output.appendingPathComponent("report-\(index)-of-3.json"))
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            rendered += (report["departments"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        }
        XCTAssertEqual(rendered.count, names.count, "\(rendered)")
        XCTAssertEqual(Set(rendered), Set(names.map { county.appendingPathComponent($0).path }))
        let refused = try batch(["--shard", "4/3"])
        XCTAssertNotEqual(refused.status, 0)

        // The parts' reports join into one report and one county summary.
        let merged = try GongkaiProcess.run(["batch", "--merge-reports", output.path])
        XCTAssertEqual(merged.status, 0, merged.errors)
        let departments = try XCTUnwrap(try report()["departments"] as? [[String: Any]])
        XCTAssertEqual(departments.compactMap { $0["file"] as? String }, names.sorted().map { county.appendingPathComponent($0).path })
        let csv = try String(contentsOf: output.appendingPathComponent("一览表.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("合计（5 个部门）"), csv)

        try FileManager.default.removeItem(at: output.appendingPathComponent("report-2-of-3.json"))
        let incomplete = try GongkaiProcess.run(["batch", "--merge-reports", output.path])
        XCTAssertEqual(incomplete.status, 1)
        XCTAssertTrue(incomplete.errors.contains("缺少第 2 份的报告（共 3 份），无法合并"), incomplete.errors)
    }

    func statuses() throws -> [String: String] {
        let departments = try XCTUnwrap(try report()["departments"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: departments.map {
            (($0["file"] as? String).map { ($0 as NSString).lastPathComponent } ?? "", $0["status"] as? String ?? "")
        })
    }

    /// A rerun with nothing changed renders nothing; editing one file renders exactly that one; a
    /// PDF removed since is written again; --force renders all.
    func testOnlyWhatChangedIsRenderedAgain() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        func department(_ name: String) -> String {
            small.replacingOccurrences(of: "名称: 高阳县城乡居民基本医疗保险服务中心", with: "名称: \(name)")
        }
        for (name, file) in [("甲中心", "甲.yaml"), ("乙中心", "乙.yaml"), ("丙中心", "丙/丙.yaml")] { try write(department(name), to: file) }
        XCTAssertEqual(try batch().status, 0)
        XCTAssertEqual(Set(try statuses().values), ["ok"])
        let pdf = output.appendingPathComponent("甲中心-2026.pdf")
        let written = try FileManager.default.attributesOfItem(atPath: pdf.path)[.modificationDate] as? Date

        let unchanged = try batch()
        XCTAssertEqual(unchanged.status, 0)
        XCTAssertFalse(unchanged.errors.contains("已生成"), unchanged.errors)
        XCTAssertTrue(unchanged.errors.contains("其中 3 个没有变化"), unchanged.errors)
        XCTAssertEqual(Set(try statuses().values), ["unchanged"])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: pdf.path)[.modificationDate] as? Date, written)

        try write(department("乙中心") + "\n# 改过\n", to: "乙.yaml")
        try FileManager.default.removeItem(at: output.appendingPathComponent("丙/丙中心-2026.pdf"))
        let edited = try batch()
        XCTAssertEqual(edited.status, 0)
        XCTAssertEqual(try statuses(), ["甲.yaml": "unchanged", "乙.yaml": "ok", "丙.yaml": "ok"])
        // A department kept from the last run still has its row, with its figures, in the summary.
        let csv = try String(contentsOf: output.appendingPathComponent("一览表.csv"), encoding: .utf8)
        XCTAssertEqual(csv.components(separatedBy: "成功（未变）").count, 2, csv)
        XCTAssertTrue(csv.contains("合计（3 个部门）"), csv)

        XCTAssertEqual(try batch(["--force"]).status, 0)
        XCTAssertEqual(Set(try statuses().values), ["ok"])
    }

    /// A department that failed is tried again next time, even unchanged.
    func testAFailedDepartmentIsTriedAgain() throws {
        try write("名称: 测试局\n年度: 2025\n格式: hebei\n金额单位: 万元\n支出:\n  - 科目: 2101501\n    人员经费: 1.2.3\n", to: "坏.yaml")
        XCTAssertEqual(try batch().status, 1)
        let again = try batch()
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.output.contains("坏.yaml:7:11: 错误:"), again.output)
    }

    /// A subject the bundled catalog lacks: an error in every department using it, until the county's
    /// settings name it once for all of them.
    func testTheCountyCatalogNamesSubjectsTheBundledCatalogLacks() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        let edited = small.replacingOccurrences(of: "功能科目: 2050803", with: "功能科目: 2050201")
        XCTAssertNotEqual(edited, small)
        try write(edited, to: "教育/中心.yaml")
        let without = try batch()
        XCTAssertEqual(without.status, 1)
        XCTAssertTrue(without.output.contains("功能分类科目 2050201 不在科目库（2026 年）中"), without.output)

        try write("县: 高阳县\n科目来源: 《2025年政府收支分类科目》（财政部）\n科目:\n  功能分类:\n    20502: 普通教育\n    2050201: 学前教育\n",
                  to: "县设置.yaml")
        let with = try batch()
        XCTAssertEqual(with.status, 0, with.output + with.errors)
        XCTAssertEqual(try statuses(), ["中心.yaml": "ok"], "the settings file is not a department")

        // A department's own name still wins in its file, with a warning where it differs from the county's.
        let named = edited.replacingOccurrences(of: "\n科目名称:\n", with: "\n科目名称:\n  2050201: 幼儿教育\n")
        XCTAssertNotEqual(named, edited)
        try write(named, to: "教育/中心.yaml")
        let differing = try batch()
        XCTAssertEqual(differing.status, 0, differing.output)
        XCTAssertTrue(differing.output.contains("警告: 科目 2050201 在本文件中写作“幼儿教育”，县科目库中为“学前教育”"), differing.output)
    }

    func testCountySettingsErrorsArePlaced() throws {
        try write(try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml"), to: "a.yaml")
        try write("科目来源: 财政部\n科目:\n  功能:\n    2050201: 学前教育\n  部门经济分类:\n    3019: 其他\n", to: "县设置.yaml")
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        let settings = county.appendingPathComponent("县设置.yaml").path
        XCTAssertTrue(run.output.contains("\(settings):3:3: 错误: 没有分类“功能”（可用：功能分类、部门经济分类、政府经济分类）"), run.output)
        XCTAssertTrue(run.output.contains("\(settings):6:5: 错误: 科目编码应为 3、5 或 7 位数字，写的是“3019”"), run.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.pdf").path))
    }

    /// A department that breaks after it was published keeps its previous PDF, byte for byte.
    func testAFailureLeavesThePreviousPDF() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        try write(small, to: "中心.yaml")
        XCTAssertEqual(try batch().status, 0)
        let pdf = output.appendingPathComponent("高阳县城乡居民基本医疗保险服务中心-2026.pdf")
        let published = try Data(contentsOf: pdf)
        try write(small.replacingOccurrences(of: "人员经费: 12.62", with: "人员经费: 12.6.2"), to: "中心.yaml")
        let broken = try batch()
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(try Data(contentsOf: pdf), published)
        XCTAssertEqual(try statuses(), ["中心.yaml": "failed"])
    }

    /// Two departments of one name and year in one folder would make one PDF: refused before
    /// anything is written.
    func testTwoDepartmentsForOnePDFAreRefused() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        try write(small, to: "甲.yaml")
        try write(small, to: "乙.yaml")
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("都会写成 \(output.path)/高阳县城乡居民基本医疗保险服务中心-2026.pdf"), run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    /// A sample county with one department broken: the others render, the report names the broken
    /// one with its diagnostic, and the run exits 1.
    func testASampleCountyWithOneBrokenDepartment() throws {
        XCTAssertEqual(try GongkaiProcess.run(["sample", "--departments", "6", county.path]).status, 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: county.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let broken = county.appendingPathComponent(files[2])
        let text = try String(contentsOf: broken, encoding: .utf8)
        try text.replacingOccurrences(of: "\n    30101: ", with: "\n    30101: 一百").write(to: broken, atomically: true, encoding: .utf8)
        let run = try batch()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("共 6 个部门：成功 5 个，失败 1 个"), run.errors)
        let failed = try statuses().filter { $0.value == "failed" }
        XCTAssertEqual(Array(failed.keys), [files[2]])
        XCTAssertTrue(run.output.contains("\(files[2]):"), run.output)
    }

    /// A name with characters a file system or shell trips on still gives one plain file name.
    func testUnsafeCharactersInANameAreReplaced() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        try write(small.replacingOccurrences(of: "名称: 高阳县城乡居民基本医疗保险服务中心", with: "名称: \"卫生/健康:中心\""), to: "a.yaml")
        XCTAssertEqual(try batch().status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("卫生_健康_中心-2026.pdf").path))
    }

    /// 格式 and 年度 left out of a department come from the county's settings; a bad one is reported there.
    func testTheCountySuppliesFormatAndYear() throws {
        let small = try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml")
        let bare = small.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("年度:") && !$0.hasPrefix("格式:") }.joined(separator: "\n")
        try write(bare, to: "中心.yaml")
        try write("县: 高阳县\n格式: hebei\n年度: 2026\n", to: "县设置.yaml")
        let run = try batch()
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("高阳县城乡居民基本医疗保险服务中心-2026.pdf").path))

        try write("县: 高阳县\n格式: henan\n年度: 2026\n", to: "县设置.yaml")
        let wrong = try batch()
        XCTAssertEqual(wrong.status, 1)
        let settings = county.appendingPathComponent("县设置.yaml").path
        XCTAssertTrue(wrong.output.contains("\(settings):2:5: 错误: 没有格式“henan”的模板"), wrong.output)
    }

    /// The county's 名词解释 (and 联系人) serve every department that has none of its own, read and
    /// checked as a department's keys are.
    func testTheCountySuppliesAGlossary() throws {
        try write(try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml"), to: "中心.yaml")
        try write("县: 高阳县\n联系人: {姓名: 张三, 电话: 0312-1234567}\n名词解释:\n  - {词: 基本支出, 解释: 本县统一的解释。}\n", to: "县设置.yaml")
        XCTAssertEqual(try batch().status, 0)
        let pdf = output.appendingPathComponent("高阳县城乡居民基本医疗保险服务中心-2026.pdf").path
        let text = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).output
        XCTAssertTrue(text.contains("本县统一的解释"), text)

        try write("名词解释:\n  - {名词: 基本支出, 解释: 错的键}\n", to: "县设置.yaml")
        let wrong = try batch()
        XCTAssertEqual(wrong.status, 1)
        let settings = county.appendingPathComponent("县设置.yaml").path
        XCTAssertTrue(wrong.output.contains("\(settings):2:6: 错误: “名词解释[1]”中没有键“名词”，是否想写“词”？"), wrong.output)
    }

    /// 字体 names a font-role table beside the settings: every department is set with it, and a
    /// change of fonts renders the county again.
    func testTheCountysFontTable() throws {
        try write(try example("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml"), to: "中心.yaml")
        XCTAssertEqual(try batch().status, 0)
        try write("字体: 找不到.tsv\n", to: "县设置.yaml")
        let missing = try batch()
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.output.contains("县设置.yaml:1:5: 错误: 找不到字体角色表"), missing.output)

        let table = try String(contentsOf: GongkaiProcess.root.appendingPathComponent("Fonts/roles.tsv"), encoding: .utf8)
        try write(table.replacingOccurrences(of: "正文\tNoto Serif CJK SC\tregular", with: "正文\tNoto Sans CJK SC\tregular"), to: "字体.tsv")
        try write("字体: 字体.tsv\n", to: "县设置.yaml")
        XCTAssertEqual(try batch().status, 0)
        XCTAssertEqual(try statuses(), ["中心.yaml": "ok"], "new fonts: rendered again")
    }
}
