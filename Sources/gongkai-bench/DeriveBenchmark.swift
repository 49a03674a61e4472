import Budget
import BudgetInput
import Foundation

/// Times reading and deriving each file (`make bench`; docs/performance.md). Reports medians.
enum DeriveBenchmark {
    static let rounds = 200

    static func run(_ files: [String]) {
        print("文件\t读取+解析(ms)\t推算+核对(ms)\t合计(ms)")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            var parse: [Double] = []
            var derive: [Double] = []
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                let loaded = InputLoader.load(data: data, path: file, readingPriorYear: false)
                let middle = DispatchTime.now().uptimeNanoseconds
                if let input = loaded.completeInput { _ = BudgetDeriver.derive(input) }
                let end = DispatchTime.now().uptimeNanoseconds
                parse.append(Double(middle - start) / 1e6)
                derive.append(Double(end - middle) / 1e6)
            }
            let p = median(parse), d = median(derive)
            print("\((file as NSString).lastPathComponent)\t\(format(p))\t\(format(d))\t\(format(p + d))")
        }
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
