import BudgetCore

/// What rendering one file has to say, kept until the files before it have spoken: parallel
/// renders print in the order the files were given. `batch` also keeps the outcome for its report.
struct FileReport: Sendable {
    enum Stream: Sendable { case output, errors }

    private(set) var lines: [(stream: Stream, text: String)] = []
    var failed = false
    /// Pages written, when the PDF was.
    var pages: Int?
    /// The data's errors and warnings (rounding notes are `check`'s).
    var diagnostics: [Diagnostic] = []
    /// Wall-clock seconds the file took.
    var seconds = 0.0
    /// The 上年 file the data named, if any.
    var priorYearFile: String?
    /// The totals the county summary shows, when the document was made.
    var figures: DepartmentFigures?

    /// A diagnostic or other data for standard output.
    mutating func print(_ text: String) { lines.append((.output, text)) }

    /// A note for the person at the terminal (standard error).
    mutating func note(_ text: String) { lines.append((.errors, text)) }

    func emit() {
        for line in lines {
            switch line.stream {
            case .output: Swift.print(line.text)
            case .errors: Console.note(line.text)
            }
        }
    }
}
