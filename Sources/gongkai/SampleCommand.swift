import ArgumentParser
import BudgetCore
import Foundation

extension AmountUnit: ExpressibleByArgument {}

/// `gongkai sample --departments N DIR`: a sample county for trying `batch` and for benchmarks.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "生成一个样例县：N 个看起来真实、都能通过 check 的部门数据文件（不是真实数据），供试用 batch 与测速。",
        discussion: HelpText.examples(
            "gongkai sample 样例县/",
            "gongkai sample --departments 200 --format shaanxi --unit 元 样例县/"))

    @Option(help: ArgumentHelp("部门个数", valueName: "N"))
    var departments: Int = 20

    @Option(help: ArgumentHelp("格式", valueName: "格式"))
    var format: String = "hebei"

    @Option(help: ArgumentHelp("预算年度", valueName: "年度"))
    var year: Int = 2025

    @Option(help: ArgumentHelp("金额单位：万元 或 元（陕西的公开文件以元为单位）", valueName: "单位"))
    var unit: AmountUnit = .wanYuan

    @Option(help: ArgumentHelp("县名", valueName: "县"))
    var county: String = "样例县"

    @Argument(help: ArgumentHelp("写入的文件夹（其中不能已有同名文件）", valueName: "文件夹"))
    var folder: String

    func validate() throws {
        guard (1...100_000).contains(departments) else { throw ValidationError("--departments 应在 1 到 100000 之间") }
        guard (2000...2100).contains(year) else { throw ValidationError("--year 应在 2000 到 2100 之间") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<departments {
            let (name, text) = SampleCounty.department(index, county: county, format: format, year: year, unit: unit)
            let path = (folder as NSString).appendingPathComponent("\(name)-\(year).yaml")
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                Console.note("错误: 无法写入 \(path)（已存在的文件不覆盖）：\(SystemErrorText.describe(error))")
                throw ExitCode.failure
            }
        }
        Console.note("已在 \(folder) 生成 \(departments) 个样例部门（\(format) 格式，\(year) 年度）")
    }
}
