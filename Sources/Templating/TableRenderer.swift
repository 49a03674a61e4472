import Document

/// A table spec rendered with the data: captions, header, rows (fixed or one per list element), notes.
struct TableRenderer {
    let spec: TableSpec
    let styles: [String: TextStyle]

    func table(_ renderer: inout TemplateRenderer, _ values: [String: Any]) throws -> Table {
        let title = try spec.title.map { try renderer.render($0, values) }
        let captions = try spec.captions.map { parts in
            Table.CaptionLine(left: try parts["左"].map { try renderer.render($0, values) } ?? "",
                              center: try parts["中"].map { try renderer.render($0, values) } ?? "",
                              right: try parts["右"].map { try renderer.render($0, values) } ?? "")
        }
        let header = try spec.header.map { try cells($0, &renderer, values) }
        var body: [[Table.Cell]] = []
        for row in spec.rows {
            switch row {
            case let .fixed(cellSpecs, condition):
                var inner = values
                inner["行号"] = body.count + 1
                if let condition, !(try renderer.holds(condition, inner)) { continue }
                body.append(try cells(cellSpecs, &renderer, inner))
            case let .sideBySide(leading, lists):
                body += try sideBySide(leading, lists, &renderer, values, firstRow: body.count + 1)
            case let .each(item, source, cellSpecs, condition):
                for (index, element) in try renderer.list(source, values).enumerated() {
                    var inner = values
                    inner[item] = element
                    inner["序号"] = index + 1
                    inner["行号"] = body.count + 1
                    if let condition, !(try renderer.holds(condition, inner)) { continue }
                    body.append(try cells(cellSpecs, &renderer, inner))
                }
            }
        }
        var notes = try spec.notes.map { try renderer.render($0, values) }.filter { !$0.isEmpty }
        if body.isEmpty, let empty = spec.emptyNote {
            // An empty table still shows one blank row under its header, then says why it is empty.
            body.append(Array(repeating: Table.Cell(""), count: spec.columns.count))
            let note = try renderer.render(empty, values)
            if !note.isEmpty { notes.append(note) }
        }
        return Table(title: title, titleStyle: style(spec.titleStyle), captionLines: captions, columns: spec.columns,
                     header: header, body: body, cellStyle: style(spec.cellStyle), notes: notes,
                     outlineLevel: spec.outlineLevel, orientation: spec.orientation, minimumScale: spec.minimumScale,
                     continuationCaption: spec.continuation)
    }

    /// Rows of lists side by side: row k has each list's k-th element in that list's cells (its
    /// 序号 is k + 1), blank cells of the same spans where the list has fewer elements.
    private func sideBySide(_ leading: [CellSpec], _ lists: [ListColumns], _ renderer: inout TemplateRenderer, _ values: [String: Any],
                            firstRow: Int) throws -> [[Table.Cell]] {
        let elements = try lists.map { try renderer.list($0.source, values) }
        let count = elements.map(\.count).max() ?? 0
        return try (0..<count).map { index in
            var rowValues = values
            rowValues["行号"] = firstRow + index
            var row = try cells(leading, &renderer, rowValues)
            for (list, items) in zip(lists, elements) {
                guard index < items.count else {
                    row += list.cells.map { Table.Cell("", rowSpan: 1, columnSpan: $0.columnSpan) }
                    continue
                }
                var inner = values
                inner[list.item] = items[index]
                inner["序号"] = index + 1
                inner["行号"] = firstRow + index
                row += try cells(list.cells, &renderer, inner)
            }
            return row
        }
    }

    private func cells(_ specs: [CellSpec], _ renderer: inout TemplateRenderer, _ values: [String: Any]) throws -> [Table.Cell] {
        try specs.map { cell in
            _ = renderer.log.take()
            let text = try renderer.render(cell.text, values)
            let source = TextSource(file: cell.text.source.file, line: cell.text.source.line, column: cell.text.source.column)
            return Table.Cell(text, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan, alignment: cell.alignment, bold: cell.bold,
                              figures: renderer.log.take(), source: source)
        }
    }

    private func style(_ name: String) -> TextStyle {
        styles[name] ?? TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 14)
    }
}
