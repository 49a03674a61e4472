import ArgumentParser
import Foundation
import Preflight
import Templating

/// `gongkai formats`: the formats Templates/ holds, with their tables.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "列出可用的公开格式（Templates/ 下的模板）及其表格。",
        discussion: HelpText.examples(
            "gongkai formats",
            "gongkai formats --templates 我的模板/"))

    @Option(help: ArgumentHelp("模板目录", valueName: "目录"))
    var templates: String?

    func run() throws {
        let directory: URL
        switch TemplateLibrary.search(explicit: templates) {
        case .found(let found): directory = found
        case .notFound(let searched):
            Console.note(DocumentBuild.noTemplates(searched: searched).description)
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
