import Foundation

/// The reports of a sharded run (`report-i-of-n.json`, one per part), joined into one: a province's
/// parts may run on many machines and write to one shared folder.
enum ShardReports {
    static func merge(in directory: String) throws -> BatchReport {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let parts = names.compactMap(part)
        guard let count = parts.first?.count else { throw OutputError("\(directory) 中没有各份的报告（report-i-of-n.json）") }
        guard parts.allSatisfy({ $0.count == count }) else {
            throw OutputError("\(directory) 中的报告分属不同的份数（\(Set(parts.map(\.count)).sorted().map(String.init).joined(separator: "、"))），无法合并")
        }
        let missing = Set(1...count).subtracting(parts.map(\.index)).sorted()
        guard missing.isEmpty else {
            throw OutputError("缺少第 \(missing.map(String.init).joined(separator: "、")) 份的报告（共 \(count) 份），无法合并")
        }
        var departments: [BatchReport.Department] = []
        var folder = ""
        for part in parts.sorted(by: { $0.index < $1.index }) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(part.name)
            guard let data = try? Data(contentsOf: url), let report = try? JSONDecoder().decode(BatchReport.self, from: data) else {
                throw OutputError("无法读取报告 \(url.path)")
            }
            folder = report.folder
            departments += report.departments
        }
        var seen: Set<String> = []
        for department in departments where !seen.insert(department.file).inserted {
            throw OutputError("部门 \(department.file) 出现在不止一份报告中：各份应由同一个 --shard i/n 的 n 份组成")
        }
        return BatchReport(folder: folder, departments: departments.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) })
    }

    /// `report-3-of-8.json` → (3, 8).
    private static func part(_ name: String) -> (name: String, index: Int, count: Int)? {
        guard name.hasPrefix("report-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst("report-".count).dropLast(".json".count).components(separatedBy: "-of-")
        guard middle.count == 2, let index = Int(middle[0]), let count = Int(middle[1]), (1...count).contains(index) else { return nil }
        return (name, index, count)
    }
}
