import Document
import Layout
import Render

/// A small document laid out by hand with the real shaper: two portrait A4 pages and a landscape
/// one, headings in every role, a wrapped paragraph, a long line of mixed text, bold, rules, a
/// link, a two-level outline, characters from fallback faces and all 3,755 GB 2312 level-1
/// characters.
struct SampleDocument {
    static let a4Width = 595.28
    static let a4Height = 841.89

    static let title = "2025年某某县财政局部门预算"
    static let paragraph = "2025年收入预算1,020.11万元，比上年增加89.37万元，增长9.61%。其中：一般公共预算拨款收入"
        + "595.88万元，占58.41%；政府性基金预算拨款收入0.00万元。主要原因是在职人员增加、“三公”经费压减（详见第3页）。"
    /// Many distinct characters with full-width punctuation and figures, on one line.
    static let longLine = "合计：1,020.11万元，占89.37%；《预算法》——“非经法定程序不得调整”……"
    static let metadata = Metadata(title: title, author: "某某县财政局", subject: "部门预算公开",
                                   keywords: ["部门预算", "2025年"], creationDate: "2025-01-25")

    let document: LaidOutDocument
    /// The lines each page should give back, in order.
    let pageLines: [[String]]

    init(shaper: HarfBuzzShaper) throws {
        let layouter = ParagraphLayouter(shaper: shaper)
        let first = try SampleDocument.firstPage(layouter)
        let second = try SampleDocument.secondPage(layouter)
        let third = try SampleDocument.landscapePage(layouter)
        document = LaidOutDocument(pages: [first.builder.frame, second.builder.frame, third.builder.frame],
                                   outline: first.outline + second.outline + third.outline, metadata: SampleDocument.metadata)
        pageLines = [first.builder.lines, second.builder.lines, third.builder.lines]
    }

    private static func firstPage(_ layouter: ParagraphLayouter) throws -> (builder: PageBuilder, outline: [OutlineEntry]) {
        let page = PageBuilder(layouter: layouter, width: a4Width, height: a4Height, margin: 72)
        try page.add(title, style: TextStyle(role: .title, size: 22, alignment: .center))
        page.skip(10)
        let part = try page.add("一、收支总体情况", style: TextStyle(role: .heiti, size: 16))
        let section = try page.add("（一）收入预算", style: TextStyle(role: .kaiti, size: 16))
        try page.add(paragraph, style: TextStyle(role: .body, size: 16, firstLineIndent: 2))
        let top = page.cursor + 4
        page.skip(8)
        try page.add(longLine, style: TextStyle(role: .table, size: 10.5), wraps: false)
        page.rule(from: page.left, top, to: page.left + page.width, top)
        page.rule(from: page.left, page.cursor + 4, to: page.left + page.width, page.cursor + 4)
        page.skip(8)
        try page.add("本年收入合计（粗体）", style: TextStyle(role: .body, size: 16, bold: true))
        try page.add("（二）楷体粗体为合成粗体", style: TextStyle(role: .kaiti, size: 16, bold: true))
        let linkTop = try page.add("附：汉字覆盖见第3页", style: TextStyle(role: .body, size: 14))
        page.link(top: linkTop, height: 21, page: 2, targetY: 72)
        return (page, [OutlineEntry(title: "一、收支总体情况", level: 1, page: 0, y: part),
                       OutlineEntry(title: "（一）收入预算", level: 2, page: 0, y: section)])
    }

    private static func secondPage(_ layouter: ParagraphLayouter) throws -> (builder: PageBuilder, outline: [OutlineEntry]) {
        let page = PageBuilder(layouter: layouter, width: a4Width, height: a4Height, margin: 72)
        let section = try page.add("（二）支出预算", style: TextStyle(role: .kaiti, size: 16))
        try page.add("2025年支出预算1,020.11万元，其中基本支出936.40万元，项目支出83.71万元。",
                     style: TextStyle(role: .body, size: 16, firstLineIndent: 2))
        // Characters the primary face lacks, drawn from fallback faces within one line.
        try page.add("楷体商标™号", style: TextStyle(role: .kaiti, size: 16))
        try page.add("正文中的棋子♔与商标™", style: TextStyle(role: .body, size: 16))
        return (page, [OutlineEntry(title: "（二）支出预算", level: 2, page: 1, y: section)])
    }

    private static func landscapePage(_ layouter: ParagraphLayouter) throws -> (builder: PageBuilder, outline: [OutlineEntry]) {
        let page = PageBuilder(layouter: layouter, width: a4Height, height: a4Width, margin: 36)
        let part = try page.add("二、汉字覆盖", style: TextStyle(role: .heiti, size: 14))
        let characters = try GB2312.levelOne()
        for start in stride(from: 0, to: characters.count, by: 90) {
            let line = String(characters[start..<min(start + 90, characters.count)])
            try page.add(line, style: TextStyle(role: .body, size: 8, lineHeight: 11.5), wraps: false)
        }
        return (page, [OutlineEntry(title: "二、汉字覆盖", level: 1, page: 2, y: part)])
    }
}
