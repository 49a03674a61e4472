/// Reads the content of a tag (`{{ … }}`, `{% if … %}`, a block's `条件`) into expressions.
///
/// Words are split at spaces and at `|`, `:`, `,`, `(`, `)` and the comparison operators, except
/// inside quotes and brackets (`科目.资金来源["上年结转-单位资金"]`). A word is a literal as Stencil
/// read one (quoted text, an integer, a number, true/false), else a path: a name, `.成员` and
/// `[键]`, where a key is itself a literal or a path.
struct TemplateExpressionParser {
    /// How deep parentheses, `not` and keys in keys may nest: a hostile text gets an error, not a
    /// stack overflow.
    static let maximumDepth = 32

    enum Token: Equatable {
        case word(String)
        case pipe
        case colon
        case comma
        case open
        case close
        case comparison(TemplateComparison)

        var text: String {
            switch self {
            case .word(let word): return word
            case .pipe: return "|"
            case .colon: return ":"
            case .comma: return ","
            case .open: return "("
            case .close: return ")"
            case .comparison(let comparison): return comparison.rawValue
            }
        }
    }

    static let keywords: Set<String> = ["and", "or", "not", "in"]

    static func isKeyword(_ word: String) -> Bool {
        word.utf8.count <= 3 && keywords.contains(word)
    }

    let content: String
    private let tokens: [Token]
    private var position = 0

    init(_ content: String) throws {
        self.content = content
        self.tokens = try Self.tokens(of: content)
    }

    var isAtEnd: Bool { position == tokens.count }

    private var next: Token? { position < tokens.count ? tokens[position] : nil }

    /// The next word, taken, when it is `word`.
    mutating func take(word: String) -> Bool {
        guard next == .word(word) else { return false }
        position += 1
        return true
    }

    /// The next word whatever it is, taken.
    mutating func takeWord() -> String? {
        guard case .word(let word)? = next else { return nil }
        position += 1
        return word
    }

    /// Nothing may follow what was read.
    func expectEnd(_ what: String, hint: String = "") throws {
        if let token = next { throw TemplateFailure("\(what)中多了“\(token.text)”（“\(content)”）\(hint)") }
    }

    // MARK: Values

    /// `科目.合计|金额或空`, `比上年|有:"基本支出"`.
    mutating func value(depth: Int = 0) throws -> TemplateValueExpression {
        guard let word = takeWord() else {
            throw TemplateFailure(next.map { "“\($0.text)”前面缺少值（“\(content)”）" } ?? "缺少值（“\(content)”）")
        }
        if Self.isKeyword(word) { throw TemplateFailure("“\(word)”不能当作值（“\(content)”）") }
        let operand = try Self.operand(word, depth: depth)
        var filters: [TemplateFilterCall] = []
        while next == .pipe {
            position += 1
            guard let name = takeWord() else { throw TemplateFailure("“|”后面缺少过滤器的名字（“\(content)”）") }
            var arguments: [TemplateOperand] = []
            if next == .colon {
                position += 1
                while true {
                    guard let argument = takeWord() else { throw TemplateFailure("过滤器“\(name)”的“:”后面缺少参数（“\(content)”）") }
                    arguments.append(try Self.operand(argument, depth: depth))
                    guard next == .comma else { break }
                    position += 1
                }
            }
            filters.append(TemplateFilterCall(filter: TemplateFilter.named(name), name: name, arguments: arguments))
        }
        return TemplateValueExpression(operand: operand, filters: filters)
    }

    /// A literal or a path, as Stencil's `Variable` reads a word.
    static func operand(_ word: String, depth: Int) throws -> TemplateOperand {
        let scalars = word.unicodeScalars
        if scalars.count > 1, let quote = scalars.first, quote == "\"" || quote == "'", scalars.last == quote {
            return .literal(.text(String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))))
        }
        // Numbers and flags are written in ASCII: a Chinese name is not parsed as one.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            if let number = Int(word) { return .literal(.int(number)) }
            if let number = Float(word) { return .literal(.float(number)) }
            if let flag = Bool(word) { return .literal(.bool(flag)) }
        }
        return .path(try path(word, depth: depth))
    }

    /// `功能类[码].合计` into its name and steps (Stencil's KeyPath, read once).
    static func path(_ word: String, depth: Int) throws -> TemplatePath {
        guard depth < maximumDepth else { throw TemplateFailure("“\(word.prefix(40))…”中的“[”嵌套太深（超过 \(maximumDepth) 层）") }
        enum Part { case name(String), key(String) }
        var parts: [Part] = [], pending: [Part] = []
        var current = ""
        var level = 0
        for character in word.unicodeScalars {
            switch character {
            case "." where level == 0:
                if !current.isEmpty { pending.append(.name(current)) }
                guard !pending.isEmpty else { throw TemplateFailure("变量“\(word)”中多了“.”") }
                parts += pending
                current = ""
                pending = []
            case "[":
                guard !pending.isEmpty || !current.isEmpty else { throw TemplateFailure("变量“\(word)”中的“[”前面缺少名字") }
                if level > 0 {
                    current.unicodeScalars.append("[")
                } else if !current.isEmpty {
                    pending.append(.name(current))
                    current = ""
                }
                level += 1
            case "]":
                guard level > 0 else { throw TemplateFailure("变量“\(word)”中多了“]”") }
                if level > 1 {
                    current.unicodeScalars.append("]")
                } else {
                    guard !current.isEmpty else { throw TemplateFailure("变量“\(word)”中有空的“[]”") }
                    pending.append(.key(current))
                    current = ""
                }
                level -= 1
            default:
                guard pending.isEmpty || level > 0 else { throw TemplateFailure("变量“\(word)”中“]”后面应是“.”或“[”") }
                current.unicodeScalars.append(character)
            }
        }
        guard level == 0 else { throw TemplateFailure("变量“\(word)”中的“[”没有对应的“]”") }
        if !current.isEmpty { pending.append(.name(current)) }
        parts += pending
        guard case .name(let root)? = parts.first else { throw TemplateFailure("变量“\(word)”缺少名字") }
        let steps: [TemplatePath.Step] = try parts.dropFirst().map { part in
            switch part {
            case .name(let name): return .member(TemplateMember(name))
            case .key(let key): return .key(try operand(key, depth: depth + 1))
            }
        }
        return TemplatePath(text: word, root: root, steps: steps)
    }

    // MARK: Conditions

    /// `a or b`, `a and not b`, `x == "持平"`, `(a or b) and c`: `not` binds tighter than `and`,
    /// `and` tighter than `or`, as in Stencil.
    mutating func condition(depth: Int = 0) throws -> TemplateCondition {
        guard depth < Self.maximumDepth else { throw TemplateFailure("条件嵌套太深（超过 \(Self.maximumDepth) 层）（“\(content.prefix(40))…”）") }
        var alternatives = [try conjunction(depth: depth)]
        while take(word: "or") { alternatives.append(try conjunction(depth: depth)) }
        return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
    }

    private mutating func conjunction(depth: Int) throws -> TemplateCondition {
        var all = [try negation(depth: depth)]
        while take(word: "and") { all.append(try negation(depth: depth)) }
        return all.count == 1 ? all[0] : .all(all)
    }

    private mutating func negation(depth: Int) throws -> TemplateCondition {
        var count = 0
        while take(word: "not") {
            count += 1
            guard depth + count < Self.maximumDepth else { throw TemplateFailure("条件中的“not”太多（“\(content.prefix(40))…”）") }
        }
        var condition = try comparison(depth: depth)
        for _ in 0..<count { condition = .not(condition) }
        return condition
    }

    private mutating func comparison(depth: Int) throws -> TemplateCondition {
        let left: TemplateCondition = try primary(depth: depth)
        guard case .comparison(let comparison)? = next else { return left }
        position += 1
        guard case .value(let lhs) = left else { throw TemplateFailure("“\(comparison.rawValue)”的左边应是一个值（“\(content)”）") }
        if next == nil { throw TemplateFailure("“\(comparison.rawValue)”的右边缺少值（“\(content)”）") }
        guard case .value(let rhs) = try primary(depth: depth) else {
            throw TemplateFailure("“\(comparison.rawValue)”的右边应是一个值（“\(content)”）")
        }
        if case .comparison(let another)? = next { throw TemplateFailure("“\(another.rawValue)”不能接着另一个比较（“\(content)”）") }
        return .compare(lhs, comparison, rhs)
    }

    private mutating func primary(depth: Int) throws -> TemplateCondition {
        if next == .open {
            position += 1
            let inner = try condition(depth: depth + 1)
            guard next == .close else { throw TemplateFailure("“(”没有对应的“)”（“\(content)”）") }
            position += 1
            return inner
        }
        if next == .close { throw TemplateFailure("多了“)”（“\(content)”）") }
        return .value(try value(depth: depth))
    }

    // MARK: Words

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", ":", ",", "(", ")", "=", "!", "<", ">": return true
        default: return false
        }
    }

    static func tokens(of content: String) throws -> [Token] {
        let characters = Array(content.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let following = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isBlank { index += 1; continue }
            switch character {
            case "|": tokens.append(.pipe)
            case ":": tokens.append(.colon)
            case ",": tokens.append(.comma)
            case "(": tokens.append(.open)
            case ")": tokens.append(.close)
            case "=", "!", "<", ">":
                let pair = following == "=" ? String(character) + "=" : String(character)
                guard let comparison = TemplateComparison(rawValue: pair) else {
                    throw TemplateFailure("“\(character)”应写成“\(character == "!" ? "!=" : "==")”（“\(content)”）")
                }
                tokens.append(.comparison(comparison))
                index += pair.count
                continue
            default:
                let start = index
                var quote: Unicode.Scalar?
                var brackets = 0
                while index < characters.count {
                    let c = characters[index]
                    if let open = quote {
                        if c == open { quote = nil }
                    } else if c == "\"" || c == "'" {
                        quote = c
                    } else if c == "[" {
                        brackets += 1
                    } else if c == "]" {
                        brackets -= 1
                    } else if brackets <= 0 && (c.isBlank || isSeparator(c)) {
                        break
                    }
                    index += 1
                }
                if quote != nil { throw TemplateFailure("引号没有结束（“\(content)”）") }
                tokens.append(.word(String(String.UnicodeScalarView(characters[start..<index]))))
                continue
            }
            index += 1
        }
        return tokens
    }
}
