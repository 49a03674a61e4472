/// One run of a compiled text: looks names up in the scope and the loops' own names, walks members
/// and keys, applies filters, appends what it prints to one output.
///
/// A member a record lacks is not an error at once (as with Stencil): the first one is kept in
/// `missing`, the value is nothing, and the text goes on; the caller reports it, at the line of any
/// error it led to.
struct TemplateEvaluation {
    let scope: TemplateScope
    let filters: TemplateFilterEnvironment
    /// Loop variables and `forloop`, innermost last.
    private var locals: [(name: NameKey, value: TemplateValue)] = []
    /// The first name the data lacked: “支出.合记（可用：……）”.
    private(set) var missing: String?

    init(scope: TemplateScope, filters: TemplateFilterEnvironment) {
        self.scope = scope
        self.filters = filters
    }

    // MARK: Nodes

    mutating func render(_ nodes: [TemplateNode], into output: inout String) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case let .value(expression, line):
                do {
                    output += try value(expression).rendered
                } catch var failure as TemplateFailure {
                    if failure.line == nil { failure.line = line }
                    throw failure
                }
            case .branch(let arms):
                for arm in arms {
                    if let condition = arm.condition {
                        let holds: Bool
                        do { holds = try self.holds(condition) } catch var failure as TemplateFailure {
                            if failure.line == nil { failure.line = arm.line }
                            throw failure
                        }
                        guard holds else { continue }
                    }
                    try render(arm.body, into: &output)
                    break
                }
            case .loop(let loop):
                try render(loop, into: &output)
            }
        }
    }

    private mutating func render(_ loop: TemplateLoop, into output: inout String) throws {
        var elements: [TemplateValue]
        do {
            elements = try list(loop.source)
            if let filter = loop.filter {
                var kept: [TemplateValue] = []
                locals.append((loop.variable, .null))
                defer { locals.removeLast() }
                for element in elements {
                    locals[locals.count - 1].value = element
                    if try holds(filter) { kept.append(element) }
                }
                elements = kept
            }
        } catch var failure as TemplateFailure {
            if failure.line == nil { failure.line = loop.line }
            throw failure
        }
        guard !elements.isEmpty else { return try render(loop.empty, into: &output) }
        locals.append((Self.forloop, .null))
        locals.append((loop.variable, .null))
        defer { locals.removeLast(2) }
        let last = locals.count - 1
        for (index, element) in elements.enumerated() {
            locals[last - 1].value = .loop(index: index, count: elements.count)
            locals[last].value = element
            try render(loop.body, into: &output)
        }
    }

    /// The elements a loop runs over: a list; nothing is none.
    private mutating func list(_ expression: TemplateValueExpression) throws -> [TemplateValue] {
        switch try value(expression) {
        case .list(let elements): return elements
        case .null: return []
        case .dictionary(let entries) where entries.isEmpty: return []
        case let other:
            throw TemplateFailure("“\(Self.describe(expression))”不是列表，不能用“{% for %}”逐项列出（得到的是“\(other.described)”）")
        }
    }

    // MARK: Conditions

    mutating func holds(_ condition: TemplateCondition) throws -> Bool {
        switch condition {
        case .value(let expression):
            return try value(expression).isTruthy
        case .not(let inner):
            return !(try holds(inner))
        case .all(let conditions):
            for condition in conditions {
                if !(try holds(condition)) { return false }
            }
            return true
        case .any(let conditions):
            for condition in conditions {
                if try holds(condition) { return true }
            }
            return false
        case let .compare(left, comparison, right):
            let l = try value(left)
            return comparison.holds(l, try value(right))
        }
    }

    // MARK: Values

    mutating func value(_ expression: TemplateValueExpression) throws -> TemplateValue {
        var result = try value(expression.operand)
        for call in expression.filters {
            guard let filter = call.filter else { throw TemplateFailure(Self.unknownFilter(call.name)) }
            let arguments = try call.arguments.map { try value($0) }
            result = try filters.apply(filter, to: result, arguments)
        }
        return result
    }

    static let forloop: NameKey = "forloop"

    static func unknownFilter(_ name: String) -> String { "未知的过滤器“\(name)”（可用：\(TemplateFilter.names)）" }

    private mutating func value(_ operand: TemplateOperand) throws -> TemplateValue {
        switch operand {
        case .literal(let value): return value
        case .path(let path): return try value(path)
        }
    }

    /// A name, then its members: nothing as soon as one is not there (the keys in brackets first,
    /// as Stencil resolved them before walking the path).
    mutating func value(_ path: TemplatePath) throws -> TemplateValue {
        var keys: [TemplateMember] = []
        if path.hasKeys {
            for case .key(let operand) in path.steps {
                let key = try value(operand)
                if key.isNull { throw TemplateFailure("“\(path.text)”中的键“\(Self.describe(operand))”没有值") }
                keys.append(TemplateMember(key.described))
            }
        }
        guard var current = self.lookup(path.root) else { return .null }
        var keyIndex = 0
        for step in path.steps {
            let name: TemplateMember
            switch step {
            case .member(let member): name = member
            case .key:
                name = keys[keyIndex]
                keyIndex += 1
            }
            guard let next = member(current, name) else { return .null }
            current = next
        }
        return current
    }

    private func lookup(_ name: NameKey) -> TemplateValue? {
        var index = locals.count
        while index > 0 {
            index -= 1
            if locals[index].name == name { return locals[index].value }
        }
        return scope[name]
    }

    /// `value.name`: a record's member (its absence recorded), a mapping's key, a list's index,
    /// `first`/`last`/`count`, a comparison's parts, a 类 row by code, `forloop`'s counters.
    private mutating func member(_ value: TemplateValue, _ member: TemplateMember) -> TemplateValue? {
        let name = member.name
        switch value {
        case .record(let record):
            if let found = record[member.key] { return found }
            // Stencil asks arrays and records for these on its own; they are not the template's mistakes.
            if name == "count" || name == "first" || name == "last" { return nil }
            note(record.missing(name))
            return nil
        case .dictionary(let entries):
            return name == "count" ? .int(entries.count) : entries[member.key]
        case .list(let elements):
            if let index = member.index { return elements.indices.contains(index) ? elements[index] : nil }
            switch name {
            case "first": return elements.first
            case "last": return elements.last
            case "count": return .int(elements.count)
            default: return nil
            }
        case .text(let text):
            if let index = member.index {
                guard index >= 0 && index < text.count else { return nil }
                return .text(String(text[text.index(text.startIndex, offsetBy: index)]))
            }
            switch name {
            case "first": return text.first.map { .text(String($0)) }
            case "last": return text.last.map { .text(String($0)) }
            case "count": return .int(text.count)
            default: return nil
            }
        case .change(let change):
            let found = change[name]
            if found == nil { note(change.missing(name)) }
            return found
        case .lookup(let lookup):
            let row = lookup[name]
            if row == nil { note(lookup.missing(name)) }
            return row.map(TemplateValue.record)
        case let .loop(index, count):
            switch name {
            case "first": return .bool(index == 0)
            case "last": return .bool(index == count - 1)
            case "counter": return .int(index + 1)
            case "counter0": return .int(index)
            case "length": return .int(count)
            case "count": return .int(5)
            default: return nil
            }
        case .null, .int, .float, .bool, .figure, .money, .percent:
            return nil
        }
    }

    private mutating func note(_ missing: String) {
        if self.missing == nil { self.missing = missing }
    }

    // MARK: Messages

    static func describe(_ operand: TemplateOperand) -> String {
        switch operand {
        case .literal(let value): return value.described
        case .path(let path): return path.text
        }
    }

    static func describe(_ expression: TemplateValueExpression) -> String {
        ([describe(expression.operand)] + expression.filters.map { call in
            call.name + (call.arguments.isEmpty ? "" : ":" + call.arguments.map(describe).joined(separator: ","))
        }).joined(separator: "|")
    }
}
