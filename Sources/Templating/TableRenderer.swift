import Document

/// A table spec rendered with the data: captions, header, rows (fixed or one per list element), notes.
struct TableRenderer {
    let spec: TableSpec
    let styles: [String: TextStyle]

    func table(_ renderer: TemplateRenderer, _ scope: TemplateScope) throws -> Table {
        let title = try spec.title.map { try renderer.render($0, scope) }
        let captions = try spec.captions.map { parts in
            Table.CaptionLine(left: try parts["左"].map { try renderer.render($0, scope) } ?? "",
                              center: try parts["中"].map { try renderer.render($0, scope) } ?? "",
                              right: try parts["右"].map { try renderer.render($0, scope) } ?? "")
        }
        let header = try spec.header.map { try cells($0, renderer, scope) }
        var body: [[Table.Cell]] = []
        for row in spec.rows {
            switch row {
            case let .fixed(cellSpecs, condition):
                let inner = scope.with("行号", body.count + 1)
                if let condition, !(try renderer.holds(condition, inner)) { continue }
                body.append(try cells(cellSpecs, renderer, inner))
            case let .sideBySide(leading, lists):
                body += try sideBySide(leading, lists, renderer, scope, firstRow: body.count + 1)
            case let .each(item, source, cellSpecs, condition):
                for (index, element) in try renderer.list(source, scope).enumerated() {
                    let inner = scope.with(item, element).with("序号", index + 1).with("行号", body.count + 1)
                    if let condition, !(try renderer.holds(condition, inner)) { continue }
                    body.append(try cells(cellSpecs, renderer, inner))
                }
            }
        }
        var notes = try spec.notes.map { try renderer.render($0, scope) }.filter { !$0.isEmpty }
        if body.isEmpty, let empty = spec.emptyNote {
            // An empty table still shows one blank row under its header, then says why it is empty.
            body.append(Array(repeating: Table.Cell(""), count: spec.columns.count))
            let note = try renderer.render(empty, scope)
            if !note.isEmpty { notes.append(note) }
        }
        return Table(title: title, titleStyle: style(spec.titleStyle), captionLines: captions, columns: spec.columns,
                     header: header, body: body, cellStyle: style(spec.cellStyle), notes: notes,
                     outlineLevel: spec.outlineLevel, orientation: spec.orientation, minimumScale: spec.minimumScale,
                     continuationCaption: spec.continuation)
    }

    /// Rows of lists side by side: row k has each list's k-th element in that list's cells (its
    /// 序号 is k + 1), blank cells of the same spans where the list has fewer elements.
    private func sideBySide(_ leading: [CellSpec], _ lists: [ListColumns], _ renderer: TemplateRenderer, _ scope: TemplateScope,
                            firstRow: Int) throws -> [[Table.Cell]] {
        let elements = try lists.map { try renderer.list($0.source, scope) }
        let count = elements.map(\.count).max() ?? 0
        return try (0..<count).map { index in
            var row = try cells(leading, renderer, scope.with("行号", firstRow + index))
            for (list, items) in zip(lists, elements) {
                guard index < items.count else {
                    row += list.cells.map { Table.Cell("", rowSpan: 1, columnSpan: $0.columnSpan) }
                    continue
                }
                let inner = scope.with(list.item, items[index]).with("序号", index + 1).with("行号", firstRow + index)
                row += try cells(list.cells, renderer, inner)
            }
            return row
        }
    }

    private func cells(_ specs: [CellSpec], _ renderer: TemplateRenderer, _ scope: TemplateScope) throws -> [Table.Cell] {
        try specs.map { cell in
            _ = renderer.log.take()
            let text = try renderer.render(cell.text, scope)
            let source = TextSource(file: cell.text.source.file, line: cell.text.source.line, column: cell.text.source.column)
            return Table.Cell(text, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan, alignment: cell.alignment, bold: cell.bold,
                              figures: renderer.log.take(), source: source)
        }
    }

    private func style(_ name: String) -> TextStyle {
        styles[name] ?? TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 14)
    }
}
