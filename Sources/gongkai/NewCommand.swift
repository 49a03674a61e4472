import ArgumentParser
import BudgetInput
import Foundation
import Templating

/// `gongkai new --from 2025.yaml 2026.yaml`: next year's file from this year's (`NextYearDraft`).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "由本年度的数据文件起草下一年度的：文字、结构与科目照旧，年度加一，“上年”指向本年度文件，金额一律写成“待填”，check 会逐一报出。",
        discussion: HelpText.examples(
            "gongkai new --from 2025.yaml 2026.yaml",
            "gongkai new --format hebei 新部门.yaml",
            "gongkai new --format shaanxi --year 2026 新部门.yaml"))

    @Option(name: .customLong("from"), help: ArgumentHelp("本年度的数据文件：据此起草下一年度的", valueName: "文件"))
    var source: String?

    @Option(help: ArgumentHelp("不从已有文件起草，而是写一个此格式的空白部门（带注释，待填处 check 会逐一报出）", valueName: "格式"))
    var format: String?

    @Option(help: ArgumentHelp("空白部门的预算年度（与 --format 同用；默认明年）", valueName: "年度"))
    var year: Int?

    @Argument(help: ArgumentHelp("要写的下一年度数据文件（已存在时不覆盖）", valueName: "新文件"))
    var target: String

    func validate() throws {
        if (source == nil) == (format == nil) { throw ValidationError("请用 --from 给出本年度的文件，或用 --format 指定空白部门的格式（二者选一）") }
        if let year, !(2000...2100).contains(year) { throw ValidationError("--year 应在 2000 到 2100 之间，写的是 \(year)") }
    }

    func run() throws {
        guard !FileManager.default.fileExists(atPath: target) else {
            Console.note("错误: \(target) 已存在，不覆盖；请换一个文件名或先移走它")
            throw ExitCode.failure
        }
        guard let source else { return try writeEmpty(format: format ?? "") }
        guard let data = FileManager.default.contents(atPath: source), let text = String(data: data, encoding: .utf8) else {
            Console.note("错误: 无法读取 \(source)（应为 UTF-8 文本）")
            throw ExitCode.failure
        }
        let reference = Self.relativePath(of: source, from: (target as NSString).deletingLastPathComponent)
        do {
            let draft = try NextYearDraft.draft(text, path: source, priorReference: reference)
            try Data(draft.text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
            Console.note("已生成 \(target)（\(draft.year) 年度）：\(draft.unfilled) 处金额待填（gongkai check 会逐一报出），上年数据取自 \(reference)")
            if reference.hasPrefix("..") {
                Console.note("注：上年数据文件在新文件所在的文件夹之外：check 与 render 需加 --prior-anywhere；在县文件夹中用 batch 时则无须")
            }
        } catch let error as DraftError {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        } catch {
            Console.note("错误: 无法写入 \(target)：\(SystemErrorText.describe(error))")
            throw ExitCode.failure
        }
    }

    /// An empty department of `format`, which must be a folder of Templates/.
    private func writeEmpty(format: String) throws {
        guard case .found(let templates) = TemplateLibrary.search(), TemplateLibrary.hasFormat(format, in: templates) else {
            let known = (try? { () -> [String] in
                guard case .found(let templates) = TemplateLibrary.search() else { return [] }
                return TemplateLibrary.formats(in: templates).map(\.format)
            }()) ?? []
            Console.note("错误: 没有格式“\(format)”的模板" + (known.isEmpty ? "" : "；可用的格式：\(known.joined(separator: "、"))"))
            throw ExitCode.failure
        }
        let year = self.year ?? Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        do {
            try Data(NewDepartment.text(format: format, year: year).utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
        } catch {
            Console.note("错误: 无法写入 \(target)：\(SystemErrorText.describe(error))")
            throw ExitCode.failure
        }
        Console.note("已生成 \(target)（\(format) 格式，\(year) 年度）：把“待填”换成实际内容，再用 gongkai check 检查")
    }

    /// `file` as a path relative to `directory` (how `上年: {文件: …}` is read).
    static func relativePath(of file: String, from directory: String) -> String {
        let from = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
    }
}
