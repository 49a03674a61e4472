/// Builds the node tree of a template text from its tokens: `if`/`elif`/`else`/`endif`,
/// `for`/`empty`/`endfor`, values and text. Every mistake is a TemplateFailure in Chinese at the
/// line of the tag concerned; nesting is bounded, so a hostile text cannot exhaust the stack.
struct TemplateParser {
    static let maximumDepth = 32
    static let tags = ["if", "elif", "else", "endif", "for", "empty", "endfor"]

    private let tokens: [TemplateLexer.Token]
    private var position = 0

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(tokens: try TemplateLexer(text: text).tokens())
        let (nodes, end) = try parser.nodes(depth: 0)
        if let end {
            let opener = end.name == "empty" || end.name == "endfor" ? "for" : "if"
            throw TemplateFailure("多了“{% \(end.name) %}”：前面没有对应的“{% \(opener) %}”", line: end.line)
        }
        return nodes
    }

    private init(tokens: [TemplateLexer.Token]) {
        self.tokens = tokens
    }

    /// A tag that ends or divides a block (`elif`, `else`, `endif`, `empty`, `endfor`).
    private struct End {
        let name: String
        let rest: String
        let line: Int
    }

    /// Nodes up to the first tag that ends or divides a block (returned), or the end of the text.
    private mutating func nodes(depth: Int) throws -> ([TemplateNode], End?) {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token.kind {
            case .text:
                nodes.append(.text(token.content))
            case .comment:
                continue
            case .value:
                guard !token.content.isEmpty else { throw TemplateFailure("“{{ }}”中缺少值", line: token.line) }
                nodes.append(.value(try Self.value(token.content, line: token.line), line: token.line))
            case .tag:
                let (name, rest) = Self.split(token.content)
                switch name {
                case "if":
                    nodes.append(try branch(rest, line: token.line, depth: depth + 1))
                case "for":
                    nodes.append(try loop(rest, line: token.line, depth: depth + 1))
                case "elif", "else", "endif", "empty", "endfor":
                    return (nodes, End(name: name, rest: rest, line: token.line))
                case "":
                    throw TemplateFailure("“{% %}”中缺少标签", line: token.line)
                default:
                    throw TemplateFailure("未知的标签“\(name)”（可用：\(Self.tags.joined(separator: "、"))）", line: token.line)
                }
            }
        }
        return (nodes, nil)
    }

    private static func split(_ content: String) -> (String, String) {
        let scalars = content.unicodeScalars
        guard let space = scalars.firstIndex(where: \.isBlank) else { return (content, "") }
        return (String(scalars[..<space]), String(String.UnicodeScalarView(scalars[space...].drop { $0.isBlank })))
    }

    private static func checkDepth(_ depth: Int, line: Int) throws {
        if depth > maximumDepth { throw TemplateFailure("标签嵌套太深（超过 \(maximumDepth) 层）", line: line) }
    }

    private static func bare(_ end: End) throws {
        if !end.rest.isEmpty { throw TemplateFailure("“{% \(end.name) %}”后面不能再写“\(end.rest)”", line: end.line) }
    }

    /// `{% if a %}…{% elif b %}…{% else %}…{% endif %}`.
    private mutating func branch(_ condition: String, line: Int, depth: Int) throws -> TemplateNode {
        try Self.checkDepth(depth, line: line)
        var arms: [TemplateArm] = []
        var pending: (condition: TemplateCondition?, line: Int, tag: String)? = (try Self.condition(condition, tag: "if", line: line), line, "if")
        while let arm = pending {
            let (body, end) = try nodes(depth: depth)
            arms.append(TemplateArm(condition: arm.condition, body: body, line: arm.line))
            guard let end else { throw TemplateFailure("“{% if %}”没有对应的“{% endif %}”", line: line) }
            switch end.name {
            case "endif":
                try Self.bare(end)
                pending = nil
            case "elif" where arm.tag != "else":
                pending = (try Self.condition(end.rest, tag: "elif", line: end.line), end.line, "elif")
            case "else" where arm.tag != "else":
                try Self.bare(end)
                pending = (nil, end.line, "else")
            case "elif", "else":
                throw TemplateFailure("“{% else %}”之后只能是“{% endif %}”，不能再有“{% \(end.name) %}”", line: end.line)
            default:
                throw TemplateFailure("“{% if %}”到“{% \(end.name) %}”还没有结束：缺少“{% endif %}”", line: end.line)
            }
        }
        return .branch(arms)
    }

    /// `{% for 项 in 列表 where 条件 %}…{% empty %}…{% endfor %}`.
    private mutating func loop(_ header: String, line: Int, depth: Int) throws -> TemplateNode {
        try Self.checkDepth(depth, line: line)
        var parser: TemplateExpressionParser
        let variable: NameKey, source: TemplateValueExpression, filter: TemplateCondition?
        do {
            parser = try TemplateExpressionParser(header)
            guard let name = parser.takeWord(), !TemplateExpressionParser.isKeyword(name), Self.isName(name) else {
                throw TemplateFailure("“{% for %}”应写成 {% for 项 in 列表 %}（“for \(header)”）")
            }
            variable = NameKey(name)
            guard parser.take(word: "in") else {
                throw TemplateFailure("“{% for %}”应写成 {% for 项 in 列表 %}，只能有一个变量（“for \(header)”）")
            }
            source = try parser.value()
            filter = parser.take(word: "where") ? try parser.condition() : nil
            try parser.expectEnd("“{% for %}”")
        } catch var failure as TemplateFailure {
            failure.line = line
            throw failure
        }
        let (body, end) = try nodes(depth: depth)
        var empty: [TemplateNode] = []
        var close = end
        if let divider = end, divider.name == "empty" {
            try Self.bare(divider)
            let (nodes, after) = try nodes(depth: depth)
            empty = nodes
            close = after
            if let after, after.name == "empty" {
                throw TemplateFailure("“{% empty %}”之后只能是“{% endfor %}”", line: after.line)
            }
        }
        guard let close else { throw TemplateFailure("“{% for %}”没有对应的“{% endfor %}”", line: line) }
        guard close.name == "endfor" else {
            throw TemplateFailure("“{% for %}”到“{% \(close.name) %}”还没有结束：缺少“{% endfor %}”", line: close.line)
        }
        try Self.bare(close)
        return .loop(TemplateLoop(variable: variable, source: source, filter: filter, body: body, empty: empty, line: line))
    }

    /// A loop variable: a plain name, no members, keys or quotes.
    static func isName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return !word.unicodeScalars.contains { $0 == "." || $0 == "[" || $0 == "]" || $0 == "\"" || $0 == "'" }
    }

    static func value(_ content: String, line: Int) throws -> TemplateValueExpression {
        do {
            var parser = try TemplateExpressionParser(content)
            let value = try parser.value()
            try parser.expectEnd("“{{ }}”", hint: "：只能写一个值和它的过滤器")
            return value
        } catch var failure as TemplateFailure {
            failure.line = line
            throw failure
        }
    }

    static func condition(_ content: String, tag: String, line: Int) throws -> TemplateCondition {
        do {
            guard !content.isEmpty else { throw TemplateFailure("“{% \(tag) %}”缺少条件") }
            var parser = try TemplateExpressionParser(content)
            let condition = try parser.condition()
            try parser.expectEnd("条件")
            return condition
        } catch var failure as TemplateFailure {
            failure.line = line
            throw failure
        }
    }
}
