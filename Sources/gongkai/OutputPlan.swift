import Foundation

/// Which PDF each data file becomes, checked before anything is written: an output is never one of
/// the inputs (`render x.yaml -o x.yaml` would replace the data with a PDF), and two inputs never
/// map to one output (the second would silently overwrite the first).
struct OutputPlan {
    let files: [String]
    let outputs: [String]

    func check() throws {
        let inputs = Dictionary(files.map { (Self.canonical($0), $0) }, uniquingKeysWith: { first, _ in first })
        var taken: [String: String] = [:]
        for (file, output) in zip(files, outputs) {
            let target = Self.canonical(output)
            if let input = inputs[target] { throw OutputError("输出文件 \(output) 就是数据文件 \(input)，不能覆盖数据") }
            if let other = taken[target], other != file {
                throw OutputError("\(other) 与 \(file) 都会写成 \(output)：请分开输出目录，或改用不同的文件名")
            }
            taken[target] = file
        }
    }

    /// The path with symbolic links and `..` resolved, so that two spellings of one file compare equal.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// An output option that would lose data: reported in Chinese, exit 1, nothing written.
struct OutputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
