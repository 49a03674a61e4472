import ArgumentParser
import BudgetInput
import Foundation

/// `gongkai new --from 2025.yaml 2026.yaml`: next year's file from this year's (`NextYearDraft`).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "由本年度的数据文件起草下一年度的：文字、结构与科目照旧，年度加一，“上年”指向本年度文件，金额一律写成“待填”，check 会逐一报出。")

    @Option(name: .customLong("from"), help: ArgumentHelp("本年度的数据文件", valueName: "文件"))
    var source: String

    @Argument(help: ArgumentHelp("要写的下一年度数据文件（已存在时不覆盖）", valueName: "新文件"))
    var target: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: target) else {
            Console.note("错误: \(target) 已存在，不覆盖；请换一个文件名或先移走它")
            throw ExitCode.failure
        }
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

    /// `file` as a path relative to `directory` (how `上年: {文件: …}` is read).
    static func relativePath(of file: String, from directory: String) -> String {
        let from = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
    }
}
