import Document
import Foundation
import Layout
import Render
import XCTest

/// The PDF checked with the real tools: text extraction, embedded subset fonts, structure,
/// outline, links, metadata, page sizes, byte-identical output and safe failure.
final class PDFWriterTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var fonts: FontLibrary!
    private var sample: SampleDocument!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        fonts = try FontLibrary()
        sample = try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts))
    }

    override func tearDown() {
        directory.remove()
    }

    private func writeSample(_ name: String = "sample.pdf") throws -> URL {
        let url = directory.file(name)
        try PDFWriter(fonts: fonts).write(sample.document, to: url)
        return url
    }

    func testEveryPageGivesBackItsTextExactly() throws {
        let url = try writeSample()
        for (index, expected) in sample.pageLines.enumerated() {
            let page = "\(index + 1)"
            let result = try ExternalTool.run("pdftotext", ["-f", page, "-l", page, "-enc", "UTF-8", url.path, "-"])
            XCTAssertEqual(result.status, 0, result.errors)
            // Layout spaces Han from figures and justifies lines; pdftotext reports those gaps as
            // spaces, which the text itself never has.
            let lines = result.output.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: " ", with: "") }
                .filter { !$0.isEmpty }
            XCTAssertEqual(lines, expected, "第 \(page) 页")
        }
        XCTAssertTrue(sample.pageLines[0].contains(SampleDocument.longLine))
        XCTAssertTrue(sample.pageLines.joined().allSatisfy { !$0.contains(" ") })
        XCTAssertTrue(sample.pageLines[0].joined().contains(SampleDocument.paragraph))
        XCTAssertEqual(sample.pageLines[2].dropFirst().joined(), String(try GB2312.levelOne()))
    }

    func testEveryFontIsAnEmbeddedSubsetWithToUnicode() throws {
        let url = try writeSample()
        let result = try ExternalTool.run("pdffonts", [url.path])
        XCTAssertEqual(result.status, 0, result.errors)
        let rows = result.output.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
        XCTAssertGreaterThanOrEqual(rows.count, 4, result.output) // 宋体 regular and bold, 黑体, 楷体
        for row in rows {
            let flags = row.suffix(5).prefix(3).map(String.init) // emb sub uni, before the object id
            XCTAssertEqual(flags, ["yes", "yes", "yes"], "字体未嵌入子集或缺少 ToUnicode：\(row.joined(separator: " "))")
            XCTAssertTrue(row[0].range(of: #"^[A-Z]{6}\+"#, options: .regularExpression) != nil, String(row[0]))
        }
        XCTAssertTrue(result.output.contains("NotoSerifCJKsc-Regular"), result.output)
        XCTAssertTrue(result.output.contains("NotoSerifCJKsc-Bold"), result.output)
        XCTAssertTrue(result.output.contains("NotoSansCJKsc-Regular"), result.output)
        XCTAssertTrue(result.output.contains("LXGWWenKai"), result.output)
        XCTAssertTrue(result.output.contains("DejaVuSans"), "♔ 来自 DejaVu Sans：\(result.output)")
    }

    /// Cairo's repeated em-size glyph loads answered from the first leave the PDF as it was: the
    /// sample, with its faces opened afresh each time (cold caches), with the memo and without.
    func testGlyphLoadMemoLeavesTheBytesAlone() throws {
        func write(_ name: String, memo: Bool) throws -> Data {
            GlyphLoadMemo.isEnabled = memo
            defer { GlyphLoadMemo.isEnabled = true }
            let fonts = try FontLibrary()
            let url = directory.file(name)
            try PDFWriter(fonts: fonts).write(try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts)).document, to: url)
            return try Data(contentsOf: url)
        }
        let without = try write("without.pdf", memo: false)
        let hitsBefore = GlyphLoadMemo.hits
        let with = try write("with.pdf", memo: true)
        XCTAssertGreaterThan(GlyphLoadMemo.hits - hitsBefore, 0, "字形缓存没有起作用")
        XCTAssertEqual(with, without, "字形缓存改变了 PDF")
    }

    func testQpdfFindsNoErrors() throws {
        // With links (cairo then writes a structure tree) and without.
        var plain = sample.document
        plain.outline = []
        for index in plain.pages.indices {
            plain.pages[index].items.removeAll { if case .link = $0 { return true } else { return false } }
        }
        try PDFWriter(fonts: fonts).write(plain, to: directory.file("plain.pdf"))
        for url in [try writeSample(), directory.file("plain.pdf")] {
            let result = try ExternalTool.run("qpdf", ["--check", url.path])
            XCTAssertEqual(result.status, 0, result.output + result.errors)
            XCTAssertTrue(result.output.contains("No syntax or stream encoding errors found"), result.output)
            XCTAssertEqual(result.errors, "")
        }
    }

    func testOutlineHasTwoLevelsPointingAtTheirPages() throws {
        let url = try writeSample()
        let json = try QpdfJSON(url)
        let outlines = json.outlines
        XCTAssertEqual(outlines.map(\.title), ["一、收支总体情况", "二、汉字覆盖"])
        XCTAssertEqual(outlines.map(\.page), [1, 3])
        XCTAssertEqual(outlines[0].kids.map(\.title), ["（一）收入预算", "（二）支出预算"])
        XCTAssertEqual(outlines[0].kids.map(\.page), [1, 2])
        XCTAssertTrue(outlines[1].kids.isEmpty)
    }

    func testLinkGoesToItsTargetPage() throws {
        let url = try writeSample()
        let json = try QpdfJSON(url)
        let links = try json.links(onPage: 1)
        XCTAssertEqual(links.count, 1)
        XCTAssertEqual(links.first?.targetPage, 3)
        // The target is 72 pt below the top of the landscape page (595.28 pt high).
        XCTAssertEqual(links.first?.targetTop ?? 0, 595.28 - 72, accuracy: 0.01)
    }

    func testMetadataAndPageSizes() throws {
        let url = try writeSample()
        let result = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "3", url.path])
        XCTAssertEqual(result.status, 0, result.errors)
        let info = result.output
        for expected in ["Title:           2025年某某县财政局部门预算", "Author:          某某县财政局",
                         "Subject:         部门预算公开", "Keywords:        部门预算, 2025年", "Creator:         gongkai",
                         "Pages:           3",
                         "Page    1 size:  595.28 x 841.89 pts (A4)", "Page    2 size:  595.28 x 841.89 pts (A4)",
                         "Page    3 size:  841.89 x 595.28 pts (A4)"] {
            XCTAssertTrue(info.contains(expected), "pdfinfo 缺少“\(expected)”：\n\(info)")
        }
        let bytes = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        XCTAssertTrue(bytes.contains("/CreationDate (20250125000000"), "创建日期应来自元数据")
        XCTAssertTrue(bytes.contains("/ModDate (20250125000000"), "修改日期应来自元数据")
    }

    func testTwoWritesAreByteIdentical() throws {
        let first = try writeSample("first.pdf")
        // A fresh library and shaper: nothing cached may leak into the bytes.
        fonts = try FontLibrary()
        sample = try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts))
        let second = try writeSample("second.pdf")
        let firstData = try Data(contentsOf: first)
        XCTAssertGreaterThan(firstData.count, 10_000)
        XCTAssertEqual(firstData, try Data(contentsOf: second))
    }

    /// Glyphs loaded ahead from a document that guesses partly right (some of the sample's text,
    /// at its sizes and at others) leave the PDF as it is without them.
    func testGlyphsLoadedAheadLeaveTheBytesAlone() throws {
        let plain = try Data(contentsOf: try writeSample("plain.pdf"))
        fonts = try FontLibrary()
        sample = try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts))
        let guess = Document(metadata: SampleDocument.metadata, blocks: [
            .heading(Heading(SampleDocument.title, level: 1, style: TextStyle(role: .title, size: 22))),
            .paragraph(Paragraph(SampleDocument.paragraph, style: TextStyle(role: .body, size: 16))),
            .paragraph(Paragraph(SampleDocument.longLine + "♔", style: TextStyle(role: .table, size: 9, bold: true))),
        ])
        let prefetch = GlyphPrefetch(guess, fonts: fonts)
        let url = directory.file("prefetched.pdf")
        try PDFWriter(fonts: fonts).write(sample.document, to: url, after: prefetch)
        XCTAssertEqual(plain, try Data(contentsOf: url))
    }

    /// Blocks handed over in parts as they are rendered, and a prefetch given up half way, leave
    /// the PDF as it is without them.
    func testGlyphsLoadedFromBlocksInPartsLeaveTheBytesAlone() throws {
        let plain = try Data(contentsOf: try writeSample("plain.pdf"))
        let blocks: [Block] = [
            .heading(Heading(SampleDocument.title, level: 1, style: TextStyle(role: .title, size: 22))),
            .paragraph(Paragraph(SampleDocument.paragraph, style: TextStyle(role: .body, size: 16))),
            .paragraph(Paragraph(SampleDocument.longLine, style: TextStyle(role: .table, size: 9, bold: true))),
        ]
        let cancelled = GlyphPrefetch(fonts: fonts)
        cancelled.add(Array(blocks.prefix(1)))
        cancelled.cancel()
        cancelled.wait()
        let prefetch = GlyphPrefetch(fonts: fonts)
        prefetch.add(Array(blocks.prefix(2)))
        prefetch.add(Array(blocks.suffix(1)))
        prefetch.endOfDocument()
        let url = directory.file("in-parts.pdf")
        try PDFWriter(fonts: fonts).write(sample.document, to: url, after: prefetch)
        XCTAssertEqual(plain, try Data(contentsOf: url))
    }

    func testAFailedWriteLeavesThePreviousFileIntact() throws {
        let url = try writeSample()
        let good = try Data(contentsOf: url)
        var broken = sample.document
        let run = GlyphRun(face: FaceID(role: .body, index: 9), size: 12, x: 72, y: 72, glyphs: [(1, 0, 0)],
                           text: "错", clusters: [(3, 1)])
        broken.pages[1].items.append(.text(run))
        XCTAssertThrowsError(try PDFWriter(fonts: fonts).write(broken, to: url)) { error in
            XCTAssertTrue(error is RenderError, "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), good)
        XCTAssertEqual(try directory.contents(), ["sample.pdf"], "临时文件应已删除")
    }

    func testBadInputIsAnErrorInChinese() throws {
        var document = sample.document
        document.metadata.creationDate = "2025年1月25日"
        XCTAssertThrowsError(try PDFWriter(fonts: fonts).write(document, to: directory.file("date.pdf"))) { error in
            XCTAssertEqual(String(describing: error), "文档元数据中的创建日期“2025年1月25日”应为 YYYY-MM-DD（或 YYYY-MM-DDThh:mm:ss）格式")
        }
        document = sample.document
        document.pages[0].items.append(.link(x: 0, y: 0, width: 10, height: 10, page: 7, targetY: 0))
        XCTAssertThrowsError(try PDFWriter(fonts: fonts).write(document, to: directory.file("link.pdf"))) { error in
            XCTAssertEqual(String(describing: error), "第 1 页的链接指向不存在的第 8 页（共 3 页）")
        }
        document = sample.document
        document.pages[0].items.append(.text(GlyphRun(face: FaceID(role: .body, index: 0), size: 12, x: 0, y: 0,
                                                      glyphs: [(1, 0, 0)], text: "预算", clusters: [(3, 1)])))
        XCTAssertThrowsError(try PDFWriter(fonts: fonts).write(document, to: directory.file("clusters.pdf"))) { error in
            XCTAssertEqual(String(describing: error), "第 1 页的文字“预算”的字形簇与文字或字形数目不符（排版内部错误）")
        }
        XCTAssertThrowsError(try PDFWriter(fonts: fonts).write(sample.document, to: directory.file("no/such/dir.pdf"))) { error in
            XCTAssertTrue(String(describing: error).hasSuffix("/no/such/dir.pdf：目录不存在"), "\(error)")
        }
        XCTAssertEqual(try directory.contents(), [])
    }
}
