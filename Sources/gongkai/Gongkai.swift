import ArgumentParser

/// gongkai (公开): typesets Chinese government budget disclosure documents.
@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开：由部门预算数据（YAML）推算全部合计与说明、交叉核对，并排版预算公开文件。",
        subcommands: [CheckCommand.self, RenderCommand.self, BatchCommand.self, WatchCommand.self, NewCommand.self, SampleCommand.self, SubjectCommand.self, InspectCommand.self, FormatsCommand.self, SchemaCommand.self])
}
