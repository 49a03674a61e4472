import ArgumentParser
import BudgetInput

/// `gongkai schema`: the input format as JSON Schema, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "输出数据文件的 JSON Schema，供编辑器（如 VS Code 的 YAML 插件）补全和校验。",
        discussion: HelpText.examples(
            "gongkai schema > gongkai.schema.json",
            "gongkai schema --markdown"))

    @Flag(help: "输出 Markdown 格式的键说明（docs/input-format.md 中的参考部分）")
    var markdown = false

    func run() throws {
        print(markdown ? MarkdownReference.reference() : JSONSchemaWriter.schema(), terminator: markdown ? "" : "\n")
    }
}
