import ArgumentParser
import Templating

/// `gongkai formats`: the formats Templates/ holds, with their tables.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "列出可用的公开格式（Templates/ 下的模板）及其表格。")

    @Option(help: ArgumentHelp("模板目录", valueName: "目录"))
    var templates: String?

    func run() throws {
        guard let directory = TemplateLibrary.locate(explicit: templates) else {
            Console.note("错误: 找不到 Templates/ 目录（用 --templates 或环境变量 GONGKAI_TEMPLATES 指定）")
            throw ExitCode.failure
        }
        let formats = TemplateLibrary.formats(in: directory)
        if formats.isEmpty { Console.note("\(directory.path) 中没有模板") }
        for (format, tables) in formats {
            print("\(format)：\(tables.count) 张表")
            for table in tables { print("  \(table)") }
        }
    }
}
