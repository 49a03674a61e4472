import Document
import Foundation
import Layout
import Render

/// 一览表.pdf: the county summary as a landscape table, set by gongkai's own layout and PDF writer
/// (the same table as 一览表.csv, without the data files' paths).
enum CountySummaryDocument {
    static func document(_ rows: [CountySummary.Row], county: String) -> Document {
        let cellStyle = TextStyle(role: .table, size: 9, alignment: .left, lineHeight: 12)
        let titleStyle = TextStyle(role: .title, size: 18, alignment: .center, lineHeight: 28, spaceAfter: 6)
        // The unit is in the caption line.
        let header = CountySummary.header.dropLast().map { Table.Cell($0.replacingOccurrences(of: "（万元）", with: ""), alignment: .center) }
        let body = CountySummary.table(rows).map { line in
            line.dropLast().enumerated().map { index, text in Table.Cell(text, bold: line.last == "" && index == 1) }
        }
        let columns: [Table.Column] = [.init(.fit(maximum: 60)), .init(.proportional(3)), .init(.fit(maximum: 40)),
                                       .init(.fit(maximum: 80))]
            + (0..<7).map { _ in Table.Column(.proportional(1), numeric: true) } + [Table.Column(.fit(maximum: 40), numeric: true)]
        let year = rows.compactMap { $0.figures?.year }.max()
        let title = "\(county)\(year.map { "\($0)年" } ?? "")部门预算一览表"
        let table = Table(title: title, titleStyle: titleStyle,
                          captionLines: [Table.CaptionLine(left: "共 \(rows.count) 个部门", right: "单位：万元")],
                          columns: columns, header: [header], body: body, cellStyle: cellStyle)
        let page = PageSetup(width: 297 * PageSetup.millimetre, height: 210 * PageSetup.millimetre,
                             marginTop: 18 * PageSetup.millimetre, marginBottom: 18 * PageSetup.millimetre,
                             marginLeft: 15 * PageSetup.millimetre, marginRight: 15 * PageSetup.millimetre,
                             pageNumbers: .chinese, pageNumberSize: 10)
        // The date is the budget year's first day: the same departments give the same bytes.
        let metadata = Metadata(title: title, author: county, subject: "部门预算公开一览表",
                                creationDate: "\(year ?? 2000)-01-01")
        return Document(metadata: metadata, page: page, blocks: [.table(table)])
    }

    static func write(_ rows: [CountySummary.Row], county: String, fonts: FontLibrary, to path: String) throws {
        let laidOut = try DocumentLayouter(shaper: HarfBuzzShaper(fonts: fonts)).layout(document(rows, county: county))
        try PDFWriter(fonts: fonts).write(laidOut, to: URL(fileURLWithPath: path))
    }
}
