/// The Document as plain text, block by block and cell by cell: what golden tests compare and a
/// reviewer reads in a diff (`RECORD_SNAPSHOTS=1` re-records). Styles and geometry are left out.
public enum DocumentDump {
    public static func text(_ document: Document) -> String {
        var lines = ["# \(document.metadata.title)"]
        for block in document.blocks { lines += self.lines(block) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func lines(_ block: Block) -> [String] {
        switch block {
        case .heading(let heading): return ["标题\(heading.level) \(heading.text)"]
        case .paragraph(let paragraph): return ["段落 \(paragraph.text)"]
        case .table(let table): return lines(table)
        case .pageBreak(let orientation): return ["分页" + (orientation.map { " \($0)" } ?? "")]
        case .tableOfContents(let contents): return ["目录 \(contents.title)"]
        case .space: return []
        }
    }

    /// A table: title, captions, the columns that merge equal runs, header and body rows with cells
    /// between `|`, spans marked, notes.
    static func lines(_ table: Table) -> [String] {
        var lines = ["表格 \(table.title ?? "")"]
        for caption in table.captionLines {
            lines.append("  说明行 \(caption.left) ｜ \(caption.center) ｜ \(caption.right)")
        }
        let merging = table.columns.indices.filter { table.columns[$0].mergesEqualRuns }
        if !merging.isEmpty { lines.append("  合并相同 第" + merging.map { String($0 + 1) }.joined(separator: "、") + "列") }
        for row in table.header { lines.append("  表头 " + cells(row)) }
        for row in table.body { lines.append("  行 " + cells(row)) }
        for note in table.notes { lines.append("  注 \(note)") }
        return lines
    }

    static func cells(_ row: [Table.Cell]) -> String {
        row.map { cell in
            var text = cell.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
            if cell.rowSpan > 1 { text += "⟨跨行\(cell.rowSpan)⟩" }
            if cell.columnSpan > 1 { text += "⟨跨列\(cell.columnSpan)⟩" }
            return text
        }.joined(separator: " | ")
    }
}
