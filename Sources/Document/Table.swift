/// A table: caption lines, column specs, header rows (repeated on every page) and body rows.
public struct Table: Sendable {
    public struct Column: Sendable {
        public enum Width: Sendable, Equatable {
            /// Points.
            case fixed(Double)
            /// A share of the width left after fixed and fitted columns.
            case proportional(Double)
            /// As wide as the widest cell's unbroken content (codes, numbers), capped by `maximum`.
            case fit(maximum: Double)
        }
        public var width: Width
        public var alignment: Alignment
        /// Numbers: right-aligned, tabular digits, never wrapped.
        public var numeric: Bool
        /// Cells may wrap onto several lines (text); codes and numbers never do.
        public var wraps: Bool
        /// Consecutive body rows with the same non-empty text in this column print as one cell: the
        /// text once, centred vertically, no rules inside (一级指标 over its 二级/三级 rows). Templates
        /// print the value on every row and the layout merges, so the data stays row by row. Blank
        /// cells never merge, and a run also ends where the text of a merging column to its left
        /// changes (the same 二级指标 under two 一级指标 is two cells). A page break splits a run and
        /// each page's part prints the text again.
        public var mergesEqualRuns: Bool

        public init(_ width: Width, alignment: Alignment = .left, numeric: Bool = false, wraps: Bool = true,
                    mergesEqualRuns: Bool = false) {
            self.width = width
            self.alignment = numeric ? .right : alignment
            self.numeric = numeric
            self.wraps = numeric ? false : wraps
            self.mergesEqualRuns = mergesEqualRuns
        }
    }

    public struct Cell: Sendable {
        public var text: String
        public var rowSpan: Int
        public var columnSpan: Int
        /// Overrides the column's alignment.
        public var alignment: Alignment?
        public var bold: Bool
        /// What the cell means: the figures its text printed (the self-check re-adds tables with them).
        public var figures: [PrintedFigure]
        /// Where the cell's text was written (a template file, line and column), for the self-check's messages.
        public var source: TextSource?

        public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1, alignment: Alignment? = nil, bold: Bool = false,
                    figures: [PrintedFigure] = [], source: TextSource? = nil) {
            self.text = text
            self.rowSpan = rowSpan
            self.columnSpan = columnSpan
            self.alignment = alignment
            self.bold = bold
            self.figures = figures
            self.source = source
        }
    }

    /// A line above the table: text at the left, centre and/or right (编制单位, 预算年度, 单位：万元).
    public struct CaptionLine: Sendable {
        public var left: String
        public var center: String
        public var right: String

        public init(left: String = "", center: String = "", right: String = "") {
            self.left = left
            self.center = center
            self.right = right
        }
    }

    public var title: String?
    public var titleStyle: TextStyle
    public var captionLines: [CaptionLine]
    public var columns: [Column]
    /// Rows of cells; a spanning cell is written once, the positions it covers are skipped.
    public var header: [[Cell]]
    public var body: [[Cell]]
    public var cellStyle: TextStyle
    /// Printed below the table, e.g. “注：无政府性基金预算财政拨款预算，空表列示。”.
    public var notes: [String]
    /// Bookmarked (PDF outline) and listed in the contents at this level, if any.
    public var outlineLevel: Int?
    public var orientation: Orientation?
    /// The smallest scale a too-wide table may be shrunk to before it moves to a landscape page.
    public var minimumScale: Double
    /// Prints “续表” above the repeated header on following pages.
    public var continuationCaption: String?

    public init(title: String?, titleStyle: TextStyle, captionLines: [CaptionLine] = [], columns: [Column],
                header: [[Cell]], body: [[Cell]], cellStyle: TextStyle, notes: [String] = [],
                outlineLevel: Int? = nil, orientation: Orientation? = nil, minimumScale: Double = 0.85,
                continuationCaption: String? = nil) {
        self.title = title
        self.titleStyle = titleStyle
        self.captionLines = captionLines
        self.columns = columns
        self.header = header
        self.body = body
        self.cellStyle = cellStyle
        self.notes = notes
        self.outlineLevel = outlineLevel
        self.orientation = orientation
        self.minimumScale = minimumScale
        self.continuationCaption = continuationCaption
    }
}

/// A figure printed in a cell: its name in the template data, the amount as printed (in 分) and the
/// family of filters that print alike (same unit and decimals).
public struct PrintedFigure: Sendable, Equatable {
    public let id: String
    public let printedFen: Int64
    public let family: String

    public init(id: String, printedFen: Int64, family: String) {
        self.id = id
        self.printedFen = printedFen
        self.family = family
    }
}

/// Where a text of the document was written: a template file, line and column.
public struct TextSource: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}
