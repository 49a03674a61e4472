import BudgetCore
import Foundation

/// OUT/report.json: each department's outcome, for the bureau's review and for tools (a sharded
/// run's reports are joined from these). Keys are English; messages are the diagnostics' Chinese.
struct BatchReport: Codable {
    struct Department: Codable {
        let file: String
        let output: String
        /// "ok", "unchanged" (the PDF from an earlier run still holds) or "failed".
        let status: String
        let pages: Int?
        let seconds: Double
        let errors: [Message]
        let warnings: [Message]
        /// The totals the county summary shows (amounts as exact 元 text), when the document was made.
        let figures: DepartmentFigures?
    }

    struct Message: Codable {
        let file: String?
        let line: Int?
        let column: Int?
        let rule: String
        /// The stable code (G0701 …) of docs/diagnostics.md.
        let code: String?
        let message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            rule = diagnostic.rule
            code = diagnostic.code
            message = diagnostic.message
        }
    }

    let folder: String
    /// Departments with a PDF, whether written now or kept (`unchanged`).
    let succeeded: Int
    let unchanged: Int
    let failed: Int
    let departments: [Department]

    init(folder: String, departments: [Department]) {
        self.folder = folder
        self.departments = departments
        failed = departments.filter { $0.status == "failed" }.count
        unchanged = departments.filter { $0.status == "unchanged" }.count
        succeeded = departments.count - failed
    }

    static func unchanged(file: String, output: String, entry: BatchManifest.Entry) -> Department {
        Department(file: file, output: output, status: "unchanged", pages: entry.pages, seconds: 0, errors: [],
                   warnings: entry.warnings, figures: entry.figures)
    }

    static func department(file: String, output: String, report: FileReport) -> Department {
        Department(file: file, output: output, status: report.failed ? "failed" : "ok", pages: report.pages,
                   seconds: (report.seconds * 1000).rounded() / 1000,
                   errors: report.diagnostics.errors.map(Message.init), warnings: report.diagnostics.warnings.map(Message.init),
                   figures: report.figures)
    }

    /// The county summary's rows.
    var summaryRows: [CountySummary.Row] {
        departments.map { CountySummary.Row(file: $0.file, status: $0.status, warnings: $0.warnings.count, figures: $0.figures) }
    }

    /// Written beside the PDFs, replaced whole (a reader never sees half a report); a shard's report
    /// is `report-i-of-n.json`, so that shards sharing an output folder keep theirs apart.
    func write(to directory: String, shard: Shard? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let name = shard.map { "report-\($0.index)-of-\($0.count).json" } ?? "report.json"
        let path = (directory as NSString).appendingPathComponent(name)
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
