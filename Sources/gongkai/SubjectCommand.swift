import ArgumentParser
import Catalog

/// `gongkai 科目 CODE|名称片段`: looks subjects up in the bundled catalog, so nobody has to read
/// Sources/Catalog/Resources to learn a code's name or whether the catalog has it.
struct SubjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "科目", abstract: "查科目：按编码（或编码开头）或名称中的字查随附的政府收支分类科目目录。",
        discussion: HelpText.examples(
            "gongkai 科目 2101101",
            "gongkai 科目 医疗",
            "gongkai 科目 210 --county 县/"),
        aliases: ["subject"])

    @Argument(help: ArgumentHelp("编码（如 2101101、210）或名称中的字（如 医疗）", valueName: "编码或名称"))
    var query: String

    @Option(name: .customLong("county"), help: ArgumentHelp("县文件夹：同时查其 县设置.yaml 中的县科目库", valueName: "文件夹"))
    var countyFolder: String?

    /// More than this is a query too broad to read; the user narrows it.
    static let shownAtMost = 60

    func run() throws {
        var catalog = SubjectCatalog.standard
        if let countyFolder {
            switch CountySettings.load(root: countyFolder) {
            case .success(let settings?): catalog = catalog.adding(county: settings.subjects, source: settings.source ?? "")
            case .success(nil): Console.note("注：\(countyFolder) 中没有 \(CountySettings.fileName)，只查随附目录")
            case .failure(let problems):
                let printer = DiagnosticPrinter.forStandardOutput()
            for diagnostic in problems.diagnostics { print(printer.text(diagnostic)) }
                throw ExitCode.failure
            }
        }
        let matches = catalog.lookup(query)
        guard !matches.isEmpty else {
            print("随附的科目目录中没有“\(query)”。目录只收录从已公开文件或有出处的资料中核实的科目；"
                + "目录没有的科目，请在数据文件中用“科目名称”写明（docs/input-format.md）。")
            throw ExitCode.failure
        }
        for match in matches.prefix(Self.shownAtMost) {
            let origin = match.fromCounty ? "县科目库（\(catalog.countySource ?? "")）" : "随附目录"
            print("\(match.code)\t\(match.name)\t\(match.scheme.rawValue)\(match.level)\t\(years(match.years))\t\(origin)")
        }
        if matches.count > Self.shownAtMost {
            print("……共 \(matches.count) 条，只列出前 \(Self.shownAtMost) 条；请写得更具体些")
        }
    }

    private func years(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound <= 1900, range.upperBound >= 9999) {
        case (true, true): return "各年度"
        case (true, false): return "至 \(range.upperBound) 年"
        case (false, true): return "\(range.lowerBound) 年起"
        case (false, false): return "\(range.lowerBound)–\(range.upperBound) 年"
        }
    }
}
