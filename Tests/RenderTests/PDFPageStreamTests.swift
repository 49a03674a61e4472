import Document
import Foundation
import Layout
import Render
import XCTest

/// A PDF drawn page by page while layout goes on (`PDFPageStream`): the bytes `PDFWriter` writes
/// from the whole document, whether it was drawn alongside or had to be written whole, and the
/// previous file kept when anything fails.
final class PDFPageStreamTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var fonts: FontLibrary!
    private var layouter: DocumentLayouter!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        fonts = try FontLibrary()
        layouter = DocumentLayouter(shaper: HarfBuzzShaper(fonts: fonts))
    }

    override func tearDown() {
        directory.remove()
    }

    private static let body = TextStyle(role: .body, size: 16, alignment: .justified, firstLineIndent: 2, lineHeight: 28)
    private static let cells = TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 18)

    /// Several portrait pages of text, a landscape table with bold cells, text again.
    private func document(_ extra: String = "") -> Document {
        let paragraph = "2025年收入预算1,020.11万元，比上年增加89.37万元，增长9.61%。其中：一般公共预算拨款收入595.88万元。"
        let header = [[Table.Cell("科目编码"), Table.Cell("科目名称", bold: true), Table.Cell("金额")]]
        let body = (1...60).map { [Table.Cell(String(2101500 + $0)), Table.Cell("行政运行\($0)"), Table.Cell("\($0).00")] }
        let table = Table(title: "支出总表", titleStyle: TextStyle(role: .title, size: 18, alignment: .center, lineHeight: 32),
                          columns: [Table.Column(.fixed(90)), Table.Column(.proportional(1)), Table.Column(.fixed(90), numeric: true)],
                          header: header, body: body, cellStyle: PDFPageStreamTests.cells, orientation: .landscape)
        return Document(metadata: Metadata(title: "测试局部门预算", author: "测试局", creationDate: "2025-01-25"), blocks: [
            .heading(Heading("一、部门职责", level: 1, style: TextStyle(role: .heiti, size: 16, alignment: .left, lineHeight: 30))),
            .paragraph(Paragraph(String(repeating: paragraph, count: 40) + extra, style: PDFPageStreamTests.body)),
            .table(table),
            .paragraph(Paragraph(String(repeating: paragraph, count: 5), style: PDFPageStreamTests.body)),
        ])
    }

    /// Lays `document` out into a stream to `name`; the laid-out document and how the PDF was written.
    private func stream(_ document: Document, to name: String) throws -> (LaidOutDocument, PDFPageStream.Ending) {
        let stream = try PDFPageStream(fonts: fonts, metadata: document.metadata, to: directory.file(name))
        let laidOut = try layouter.layout(document) { try stream.add($0) }
        return (laidOut, try stream.finish(laidOut))
    }

    private func whole(_ laidOut: LaidOutDocument, to name: String) throws -> Data {
        try PDFWriter(fonts: fonts).write(laidOut, to: directory.file(name))
        return try Data(contentsOf: directory.file(name))
    }

    func testPagesDrawnAlongsideLayoutAreTheWholeWritersBytes() throws {
        let (laidOut, ending) = try stream(document(), to: "streamed.pdf")
        XCTAssertEqual(ending, .drawnAlongside)
        XCTAssertGreaterThan(laidOut.pages.count, 4)
        let streamed = try Data(contentsOf: directory.file("streamed.pdf"))
        XCTAssertEqual(streamed, try whole(laidOut, to: "whole.pdf"))
        let text = try ExternalTool.run("pdftotext", [directory.file("streamed.pdf").path, "-"]).output
        XCTAssertTrue(text.contains("一、部门职责") && text.contains("支出总表") && text.contains("2101560"), text)
        XCTAssertEqual(try directory.contents(), ["streamed.pdf", "whole.pdf"])
    }

    /// 堃 is not in GB 2312: its glyph needs a subset of the document's own, made from every page.
    func testAGlyphOutsideTheCommonSubsetsIsWrittenWholeWithTheSameBytes() throws {
        let (laidOut, ending) = try stream(document("高阳县堃医疗保障局。"), to: "streamed.pdf")
        XCTAssertEqual(ending, .writtenWhole)
        XCTAssertEqual(try Data(contentsOf: directory.file("streamed.pdf")), try whole(laidOut, to: "whole.pdf"))
        XCTAssertEqual(try directory.contents(), ["streamed.pdf", "whole.pdf"])
    }

    /// A link may point at a page not laid out yet: the sample's contents link is written whole.
    func testLinksAreWrittenWholeWithTheSameBytes() throws {
        let sample = try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts)).document
        let stream = try PDFPageStream(fonts: fonts, metadata: sample.metadata, to: directory.file("streamed.pdf"))
        for page in sample.pages { try stream.add(page) }
        XCTAssertEqual(try stream.finish(sample), .writtenWhole)
        XCTAssertEqual(try Data(contentsOf: directory.file("streamed.pdf")), try whole(sample, to: "whole.pdf"))
    }

    func testACancelledStreamLeavesThePreviousFileAndNoTemporary() throws {
        _ = try stream(document(), to: "out.pdf")
        let good = try Data(contentsOf: directory.file("out.pdf"))
        let stream = try PDFPageStream(fonts: fonts, metadata: document().metadata, to: directory.file("out.pdf"))
        let laidOut = try layouter.layout(document("再排一次。"))
        try stream.add(laidOut.pages[0])
        try stream.add(laidOut.pages[1])
        stream.cancel()
        XCTAssertEqual(try Data(contentsOf: directory.file("out.pdf")), good)
        XCTAssertEqual(try directory.contents(), ["out.pdf"])
    }

    /// A page the drawing thread refuses: `finish` reports it as `PDFWriter` would; the old file stays.
    func testAPageThatCannotBeDrawnIsReportedAndThePreviousFileKept() throws {
        _ = try stream(document(), to: "out.pdf")
        let good = try Data(contentsOf: directory.file("out.pdf"))
        var laidOut = try layouter.layout(document())
        laidOut.pages[1].items.append(.text(GlyphRun(face: FaceID(role: .body, index: 0), size: 12, x: 0, y: 0,
                                                      glyphs: [(1, 0, 0)], text: "预算", clusters: [(3, 1)])))
        let stream = try PDFPageStream(fonts: fonts, metadata: laidOut.metadata, to: directory.file("out.pdf"))
        for page in laidOut.pages { try stream.add(page) }
        XCTAssertThrowsError(try stream.finish(laidOut)) { error in
            XCTAssertEqual(String(describing: error), "第 2 页的文字“预算”的字形簇与文字或字形数目不符（排版内部错误）")
        }
        XCTAssertEqual(try Data(contentsOf: directory.file("out.pdf")), good)
        XCTAssertEqual(try directory.contents(), ["out.pdf"])
    }

    /// A face the library cannot give is refused on the laying-out thread, as the page is handed over.
    func testAnUnknownFaceIsRefusedWhenThePageIsHandedOver() throws {
        var laidOut = try layouter.layout(document())
        laidOut.pages[0].items.append(.text(GlyphRun(face: FaceID(role: .body, index: 9), size: 12, x: 72, y: 72,
                                                      glyphs: [(1, 0, 0)], text: "错", clusters: [(3, 1)])))
        let stream = try PDFPageStream(fonts: fonts, metadata: laidOut.metadata, to: directory.file("out.pdf"))
        XCTAssertThrowsError(try stream.add(laidOut.pages[0])) { error in
            XCTAssertTrue(error is RenderError, "\(error)")
        }
        stream.cancel()
        XCTAssertEqual(try directory.contents(), [])
    }
}
