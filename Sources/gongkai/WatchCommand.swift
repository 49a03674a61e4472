import ArgumentParser
import Foundation

/// `gongkai watch FILE|DIR`: renders, then again within a second of every save, printing the new
/// diagnostics; a county folder is rendered as `batch` does (only what changed). Ctrl-C ends it.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "盯住一个数据文件或县文件夹：每次保存后一秒内重新排版，打印新的诊断（不占处理器；Ctrl-C 结束）。",
        discussion: HelpText.examples(
            "gongkai watch 数据.yaml -o 预算.pdf",
            "gongkai watch 县/ --out-dir 公开/"))

    @Argument(help: ArgumentHelp("数据文件，或县文件夹", valueName: "文件或文件夹"))
    var path: String

    @Option(name: .shortAndLong, help: ArgumentHelp("输出的 PDF（数据文件时；默认在数据文件旁）", valueName: "PDF"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("输出目录（县文件夹时必须给出）", valueName: "目录"))
    var outputDirectory: String?

    @OptionGroup var templateOptions: TemplateOptions

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.note("错误: 找不到 \(path)")
            throw ExitCode.failure
        }
        let arguments = try commandArguments(folder: isDirectory.boolValue)
        let folders = isDirectory.boolValue ? Self.folders(under: path, skipping: outputDirectory) : [(path as NSString).deletingLastPathComponent]
        let watcher: FileWatcher
        do { watcher = try FileWatcher(folders: folders.map { $0.isEmpty ? "." : $0 }) } catch let error as OutputError {
            Console.note("错误: \(error.message)")
            throw ExitCode.failure
        }
        runOnce(arguments)
        while true {
            let changed = watcher.changes()
            Console.note("—— \(changed.map { ($0 as NSString).lastPathComponent }.joined(separator: "、")) 有变化，重新排版 ——")
            runOnce(arguments)
        }
    }

    /// The `render` or `batch` command line this watch repeats.
    private func commandArguments(folder: Bool) throws -> [String] {
        var arguments = [path]
        if folder {
            guard let outputDirectory else { throw ValidationError("监视县文件夹时请用 --out-dir 指定输出目录") }
            arguments += ["--out-dir", outputDirectory]
        } else if let output {
            arguments += ["-o", output]
        }
        if let format = templateOptions.format { arguments += ["--format", format] }
        if let templates = templateOptions.templates { arguments += ["--templates", templates] }
        arguments += ["--rounding", templateOptions.rounding.rawValue]
        if templateOptions.priorAnywhere && !folder { arguments.append("--prior-anywhere") }
        return (folder ? ["batch"] : ["render"]) + arguments
    }

    /// One run; its failure is what the user is fixing, not the end of the watch.
    private func runOnce(_ arguments: [String]) {
        do {
            var command = try Gongkai.parseAsRoot(arguments)
            try command.run()
        } catch {
            // `render` and `batch` have printed their diagnostics; an exit code ends only them.
            if !(error is ExitCode) { Console.note("错误: \(error)") }
        }
        fflush(nil)  // every stream: diagnostics must show now, not when the buffer fills
    }

    /// The county folder and its sub-folders, without hidden ones and the output folder.
    static func folders(under root: String, skipping output: String?) -> [String] {
        let skipped = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var folders = [root]
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isDirectoryKey],
                                                          options: [.skipsHiddenFiles]) else { return folders }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            if url.standardizedFileURL.path == skipped { walker.skipDescendants(); continue }
            folders.append(url.path)
        }
        return folders
    }
}
