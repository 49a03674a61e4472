/// The names a template text sees: the view's (`单位`, `支出`, `功能科目` …), shared by every text
/// of a document, and the few a block adds (`行号`, `序号`, a loop's element), newest first.
/// Adding a name copies only those few, never the view.
struct TemplateScope {
    private let view: [NameKey: TemplateValue]
    private var added: [(name: NameKey, value: TemplateValue)] = []

    init(_ view: [NameKey: TemplateValue]) {
        self.view = view
    }

    /// This scope with `name` (re)bound to `value`.
    func with(_ name: NameKey, _ value: TemplateValue) -> TemplateScope {
        var scope = self
        if let index = scope.added.firstIndex(where: { $0.name == name }) {
            scope.added[index].value = value
        } else {
            scope.added.append((name, value))
        }
        return scope
    }

    func with(_ name: NameKey, _ value: some TemplateRepresentable) -> TemplateScope {
        with(name, value.templateValue)
    }

    subscript(name: NameKey) -> TemplateValue? {
        var index = added.count
        while index > 0 {
            index -= 1
            if added[index].name == name { return added[index].value }
        }
        return view[name]
    }

    func contains(_ name: NameKey) -> Bool { self[name] != nil }

    /// Every name, sorted: what an unknown-variable error lists.
    var names: [String] { Set(view.keys.map(\.text)).union(added.map(\.name.text)).sorted() }
}
