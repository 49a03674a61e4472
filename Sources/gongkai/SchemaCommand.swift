import ArgumentParser
import BudgetInput

/// `gongkai schema`: the input format as JSON Schema, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "输出数据文件的 JSON Schema，供编辑器（如 VS Code 的 YAML 插件）补全和校验。")

    func run() throws {
        print(JSONSchemaWriter.schema())
    }
}
