import Document

/// A format's template, read from Templates/<format>/: styles, page setup, year-keyed data, the
/// document's outline and its tables; every text in it compiled. Immutable once loaded, and shared
/// by every document rendered with the format (FormatCache).
struct FormatSpec: Sendable {
    var name: String
    var page: PageSetup
    var styles: [String: TextStyle]
    /// 数据: by key, then by year (or 默认), as template values.
    var yearData: [String: [String: TemplateValue]]
    var outline: [BlockSpec]
    var glossary: [(term: String, meaning: String)]
    /// 不印: the data the format leaves out on purpose (a key such as `三公经费.会议费`), with why.
    var notPrinted: [String: String] = [:]
    /// 变体: what differs for some years or one level.
    var variants: [FormatVariant] = []
    /// 编号: how a numbered heading of each level begins (`一、`, `（一）`), counted as the document goes.
    var numbering: [Int: TextSpec] = [:]
    /// 元数据: the PDF's title, subject and keywords.
    var metadata = MetadataSpec.standard
    /// 增减说法: the 增减 filter's wording.
    var changeWording = ChangeWording.standard
    /// 金额: the unit and decimals of the money filters.
    var amounts = AmountStyle()
}

indirect enum BlockSpec: Sendable {
    case heading(text: TextSpec, level: Int, style: String, inContents: Bool, bookmarked: Bool, numbered: Bool)
    case paragraph(text: TextSpec, style: String)
    case table(TableSpec)
    case pageBreak(Orientation?)
    case contents(title: String, titleStyle: String, entryStyle: String, depth: Int)
    case space(Double)
    /// Repeats `blocks` for each element of the list `source` that meets `condition`, naming it
    /// `item`; 序号 counts the elements kept, 是末项 marks the last of them; `otherwise` when none is.
    case each(item: NameKey, source: CompiledList, condition: CompiledCondition?, blocks: [BlockSpec], otherwise: [BlockSpec])
    /// `blocks` only when the condition holds.
    case when(condition: CompiledCondition, blocks: [BlockSpec])
    /// The glossary: defaults of the format, overridden by the data's 名词解释; each entry written
    /// with `entry` (variables 序号, 词, 解释).
    case glossary(style: String, entry: TextSpec?)
}

/// A template text with where it was written, compiled when the format is loaded.
struct TextSpec: Sendable {
    let compiled: CompiledText

    init(text: String, source: TemplateSource) {
        compiled = CompiledText(text, source: source)
    }

    var text: String { compiled.text }
    var source: TemplateSource { compiled.source }
}

struct TableSpec: Sendable {
    /// The name the outline uses (`收入总表` for tables/收入总表.yaml).
    var name: String
    var file: String
    var title: TextSpec?
    var titleStyle: String
    var cellStyle: String
    var captions: [[String: TextSpec]]
    var columns: [Table.Column]
    var header: [[CellSpec]]
    var rows: [RowSpec]
    var notes: [TextSpec]
    var emptyNote: TextSpec?
    var outlineLevel: Int?
    var orientation: Orientation?
    var minimumScale: Double
    var continuation: String?
}

struct CellSpec: Sendable {
    let text: TextSpec
    let rowSpan: Int
    let columnSpan: Int
    let alignment: Alignment?
    let bold: Bool
}

enum RowSpec: Sendable {
    case fixed(cells: [CellSpec], when: CompiledCondition?)
    case each(item: NameKey, source: CompiledList, cells: [CellSpec], when: CompiledCondition?)
    /// 并排: lists side by side, row k holding each list's k-th element in its own columns (blank
    /// where a list is shorter): the income rows beside the expenditure rows of a 收支总表. The
    /// `leading` cells (a 行号, say) start every such row.
    case sideBySide(leading: [CellSpec], lists: [ListColumns])
}

/// One list of a 并排 row: its element's name, the list, and the cells it fills.
struct ListColumns: Sendable {
    let item: NameKey
    let source: CompiledList
    let cells: [CellSpec]
}
