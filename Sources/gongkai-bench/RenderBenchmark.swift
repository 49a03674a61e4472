import Document
import Foundation
import Layout
import Render

/// Times font loading, layout (with shaping) and PDF writing of two 30-page documents.
enum RenderBenchmark {
    static func run(outputDirectory: String) throws {
        var start = processTime()
        let fonts = try FontLibrary()
        let shaper = HarfBuzzShaper(fonts: fonts)
        _ = try shaper.shape("预算", role: .body, size: 16, bold: false)
        let fontTime = processTime() - start
        print("字体加载 \(milliseconds(fontTime)) ms")
        print("文档\t页数\t塑形(ms)\t排版(ms)\t绘制+子集化+写出(ms)\t合计(ms)\t每秒页数")
        for (name, document) in [("文字为主", textHeavy()), ("表格为主", tableHeavy())] {
            // A fresh shaper shapes every segment; the second layout finds them all in its cache,
            // so the difference is the time HarfBuzz took.
            let fresh = HarfBuzzShaper(fonts: fonts)
            start = processTime()
            let laid = try DocumentLayouter(shaper: fresh).layout(document)
            let firstLayout = processTime() - start
            start = processTime()
            _ = try DocumentLayouter(shaper: fresh).layout(document)
            let layoutOnly = processTime() - start
            start = processTime()
            try PDFWriter(fonts: fonts).write(laid, to: URL(fileURLWithPath: outputDirectory).appendingPathComponent("bench-\(name).pdf"))
            let writeTime = processTime() - start
            let total = firstLayout + writeTime
            print("\(name)\t\(laid.pages.count)\t\(milliseconds(firstLayout - layoutOnly))\t\(milliseconds(layoutOnly))\t\(milliseconds(writeTime))\t\(milliseconds(total))\t\(Int(Double(laid.pages.count) / total))")
        }
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }

    /// Sentences of a budget's narrative, repeated with varying figures and characters.
    static func textHeavy() -> Document {
        let body = TextStyle(role: .body, size: 16, firstLineIndent: 2, lineHeight: 29)
        let heading = TextStyle(role: .heiti, size: 16, alignment: .left, lineHeight: 29)
        let pool = Array("按照预算管理有关规定目前部门预算的编制实行综合预算管理即全部收入和支出都反映在预算中医疗保障局机关及所属事业单位的收支包含在部门预算中拟订全县城镇职工和城乡居民医疗保险生育保险长期护理保险医疗救助等医疗保障地方性法规政府规章草案以及政策制度规划和标准")
        var generator = SeededGenerator(seed: 2025)
        var blocks: [Block] = []
        for section in 1...40 {
            blocks.append(.heading(Heading("\(section)、预算安排情况说明", level: 2, style: heading)))
            for paragraph in 0..<3 {
                let words = (0..<90).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
                let text = String(words) + "，比上年增加\(section * 7 + paragraph).\(section)0万元，增长\(section % 9).\(paragraph)5%。"
                blocks.append(.paragraph(Paragraph(text, style: body)))
            }
        }
        return Document(metadata: Metadata(title: "文字为主", author: "gongkai", creationDate: "2025-01-01"), blocks: blocks)
    }

    /// One long subject table of 900 rows.
    static func tableHeavy() -> Document {
        let cell = TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 14)
        let title = TextStyle(role: .title, size: 18, alignment: .center, lineHeight: 30)
        let names = ["行政运行", "一般行政管理事务", "医疗保障经办事务", "事业运行", "其他医疗保障管理事务支出", "住房公积金", "行政单位医疗", "事业单位医疗", "机关事业单位基本养老保险缴费支出"]
        let body = (0..<900).map { index in
            [Table.Cell(String(2101500 + index % 100)), Table.Cell(names[index % names.count]),
             Table.Cell("\(index * 37 % 1000).\(index % 100 < 10 ? "0" : "")\(index % 100)"), Table.Cell("\(index % 500).00"), Table.Cell("")]
        }
        let table = Table(title: "部门预算支出总表", titleStyle: title, captionLines: [Table.CaptionLine(left: "编制单位：测试局", right: "单位：万元")],
                          columns: [Table.Column(.fit(maximum: 60), wraps: false), Table.Column(.proportional(1)),
                                    Table.Column(.fixed(64), numeric: true), Table.Column(.fixed(64), numeric: true), Table.Column(.fixed(64), numeric: true)],
                          header: [[Table.Cell("科目编码"), Table.Cell("科目名称"), Table.Cell("合计"), Table.Cell("基本支出"), Table.Cell("项目支出")]],
                          body: body, cellStyle: cell, outlineLevel: 1, continuationCaption: "续表")
        return Document(metadata: Metadata(title: "表格为主", author: "gongkai", creationDate: "2025-01-01"), blocks: [.table(table)])
    }
}

/// A small deterministic generator, so every run lays out the same text.
struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}
