import Foundation

/// Runs the command-line tools the tests check PDFs with; a missing tool fails the test with the
/// Debian package to install, never a silent skip.
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static let packages = ["pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "pdfinfo": "poppler-utils",
                           "qpdf": "qpdf"]

    /// A tool that is not installed: thrown, so the test fails with this message.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Result {
        guard let path = locate(tool) else {
            let package = packages[tool] ?? tool
            throw Missing(description: "找不到 \(tool)：请安装 Debian 软件包 \(package)（apt-get install \(package)）")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self))
    }

    private static func locate(_ tool: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
