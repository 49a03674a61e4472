import Foundation

/// Runs the real `gongkai` binary as a user would and collects what it prints.
enum GongkaiProcess {
    struct Run {
        let status: Int32
        let output: String
        let errors: String

        /// Each diagnostic's first line (`path:line:col: 错误: message`) without its code: what
        /// scripts parse. The excerpt, caret, 注 and 提示 lines are indented and left out.
        var headlines: String { Self.headlines(output) }

        static func headlines(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
                .map { $0.replacing(/\s\[G\d{4}\]$/, with: "") + "\n" }.joined()
        }
    }

    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongkai")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let hebei = root.appendingPathComponent("Examples/hebei/高阳县医疗保障局-2025.yaml").path

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        try run(binary, arguments, in: directory)
    }

    /// `environment` replaces the inherited one when given.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        // Standard error goes to a file, so neither stream can fill up and block the process.
        let errorsFile = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsFile) }
        let errors = try FileHandle(forWritingTo: errorsFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let errData = (try? Data(contentsOf: errorsFile)) ?? Data()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
