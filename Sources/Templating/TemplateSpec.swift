import Document
import Yams

/// A format's template, read from Templates/<format>/: styles, page setup, year-keyed data, the
/// document's outline and its tables.
struct FormatSpec {
    var name: String
    var page: PageSetup
    var styles: [String: TextStyle]
    var yearData: [String: [String: Node]]
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

indirect enum BlockSpec {
    case heading(text: TextSpec, level: Int, style: String, inContents: Bool, bookmarked: Bool, numbered: Bool)
    case paragraph(text: TextSpec, style: String)
    case table(TableSpec)
    case pageBreak(Orientation?)
    case contents(title: String, titleStyle: String, entryStyle: String, depth: Int)
    case space(Double)
    /// Repeats `blocks` for each element of the list `source` that meets `condition`, naming it
    /// `item`; 序号 counts the elements kept, 是末项 marks the last of them; `otherwise` when none is.
    case each(item: String, source: TextSpec, condition: TextSpec?, blocks: [BlockSpec], otherwise: [BlockSpec])
    /// `blocks` only when the Stencil condition holds.
    case when(condition: TextSpec, blocks: [BlockSpec])
    /// The glossary: defaults of the format, overridden by the data's 名词解释; each entry written
    /// with `entry` (variables 序号, 词, 解释).
    case glossary(style: String, entry: TextSpec?)
}

/// A Stencil text with where it was written.
struct TextSpec {
    let text: String
    let source: TemplateSource
}

struct TableSpec {
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

struct CellSpec {
    let text: TextSpec
    let rowSpan: Int
    let columnSpan: Int
    let alignment: Alignment?
    let bold: Bool
}

enum RowSpec {
    case fixed(cells: [CellSpec], when: TextSpec?)
    case each(item: String, source: TextSpec, cells: [CellSpec], when: TextSpec?)
    /// 并排: lists side by side, row k holding each list's k-th element in its own columns (blank
    /// where a list is shorter): the income rows beside the expenditure rows of a 收支总表. The
    /// `leading` cells (a 行号, say) start every such row.
    case sideBySide(leading: [CellSpec], lists: [ListColumns])
}

/// One list of a 并排 row: its element's name, the list, and the cells it fills.
struct ListColumns {
    let item: String
    let source: TextSpec
    let cells: [CellSpec]
}
