import Foundation

/// `gongkai-bench derive FILE...` times stages 1–2; `gongkai-bench render OUT_DIR` times layout
/// and PDF writing of a 30-page text-heavy and a table-heavy document (docs/performance.md).
@main
struct BenchmarkMain {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "derive": DeriveBenchmark.run(Array(arguments.dropFirst()))
        case "render": try RenderBenchmark.run(outputDirectory: arguments.dropFirst().first ?? NSTemporaryDirectory())
        default: print("用法：gongkai-bench derive 文件… | gongkai-bench render 输出目录")
        }
    }
}

/// Process CPU time (user + system) in seconds.
func processTime() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
