import ArgumentParser
import BudgetInput
import Foundation

/// gongkai (公开): typesets Chinese government budget disclosure documents.
@main
struct Gongkai: ParsableCommand {
    /// The release, printed by `--version` (and part of nothing else: the PDF's producer is "gongkai").
    static let version = "0.12.0"

    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开：由部门预算数据（YAML）推算全部合计与说明、交叉核对，并排版预算公开文件。",
        discussion: HelpText.examples(
            "gongkai check Examples/hebei/高阳县医疗保障局-2025.yaml",
            "gongkai render Examples/hebei/高阳县医疗保障局-2025.yaml -o 高阳.pdf",
            "gongkai batch 县/ --out-dir 公开/"),
        version: "gongkai \(version)",
        subcommands: [CheckCommand.self, ExplainCommand.self, RenderCommand.self, BatchCommand.self, WatchCommand.self, NewCommand.self, SampleCommand.self,
                      SubjectCommand.self, InspectCommand.self, FormatsCommand.self, SchemaCommand.self])

    /// A misspelt subcommand gets a Chinese message with the closest name, not the parser's English;
    /// help and the parser's own errors are put in Chinese by `HelpText`.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
            if !names.contains(first) && first != "help" {
                var message = "错误: 没有子命令“\(first)”"
                if let closest = KeySuggestion.closest(to: first, among: names) { message += "，是否想写“\(closest)”？" }
                Console.note(message + "（可用：\(names.joined(separator: "、"))；gongkai --help 列出各自的用途）")
                Foundation.exit(1)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            finish(with: error, arguments: arguments)
        }
    }

    /// What the parser prints for `error` with the parser's exit code: help and usage errors in Chinese,
    /// anything else (the version, a completion script) as the parser writes it.
    static func finish(with error: Error, arguments: [String]) -> Never {
        let code = exitCode(for: error)
        var text = fullMessage(for: error, columns: HelpText.unwrapped)
        // The parser checks the command's own rules and its arguments before it looks for options it
        // does not know; a misspelt option is the likelier cause, so it is the one reported.
        if !code.isSuccess, text.contains("\nUsage: "), !text.hasPrefix("Error: Unknown option"), let unknown = unknownOption(in: arguments) {
            text = HelpText.replacingError(in: text, with: "Unknown option '\(unknown)'")
        }
        if HelpText.isTranslatable(text, success: code.isSuccess) {
            text = HelpText.translated(text, width: HelpText.terminalWidth()) { optionNames(for: arguments) }
        }
        if !text.isEmpty {
            if code.isSuccess { print(text) } else { Console.note(text) }
        }
        // A usage error is bad input like any other: exit code 1, as for a misspelt subcommand
        // (the parser's own convention would be 64, EX_USAGE).
        Foundation.exit(code.rawValue == ExitCode.validationFailure.rawValue ? ExitCode.failure.rawValue : code.rawValue)
    }

    /// The first `--name` among `arguments` that the (sub)command they name does not have.
    static func unknownOption(in arguments: [String]) -> String? {
        let known = Set(optionNames(for: arguments) + ["--generate-completion-script", "--experimental-dump-help"])
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") {
            let name = String(argument.prefix { $0 != "=" })
            if !known.contains(name) { return name }
        }
        return nil
    }

    /// The options of the (sub)command `arguments` name, read from its help.
    static func optionNames(for arguments: [String]) -> [String] {
        let command = configuration.subcommands.first { subcommand in
            ([subcommand.configuration.commandName ?? ""] + subcommand.configuration.aliases).contains(arguments.first ?? "")
        } ?? self
        return HelpText.optionNames(inHelp: helpMessage(for: command, columns: HelpText.unwrapped))
    }
}
