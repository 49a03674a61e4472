import BudgetCore
import Yams

/// Walks a composed YAML tree against a `Shape`, collecting every problem rather than the first,
/// and yields the values that fit. Visits at most `nodeBudget` nodes so alias bombs stay cheap.
struct ShapeReader {
    let file: String
    let unit: AmountUnit
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    /// Every value typed (scalars, dictionary keys), in runs located character-exactly: what the
    /// checks on the characters themselves (can a font print them?) walk.
    private(set) var texts: [Located<String>] = []
    /// Decimals typed in each amount, where they are fewer than the unit allows: a 核对数 is
    /// compared at the precision it was typed.
    private(set) var typedDecimals: [SourceLocation: Int] = [:]
    private var visitedNodes = 0
    private let nodeBudget: Int
    private var budgetExceeded = false
    /// Scalars already screened, by line and column: aliases repeat a scalar, its texts count once.
    private var screened: [Int: Bool] = [:]

    /// Top-level values a county supplies where the file has none (`InputDefaults`).
    private let defaults: [String: InputValue]

    init(file: String, unit: AmountUnit, source: SourceText, nodeBudget: Int = 200_000, defaults: [String: InputValue] = [:]) {
        self.defaults = defaults
        self.file = file
        self.unit = unit
        self.source = source
        self.nodeBudget = nodeBudget
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func read(_ node: Node, as shape: Shape, path: String) -> InputValue? {
        visitedNodes += 1
        if visitedNodes > nodeBudget {
            if !budgetExceeded {
                budgetExceeded = true
                error("input.too-many-nodes",
                      "文件展开后超过 \(nodeBudget) 个节点（可能是别名“*”的层层展开），不再继续读取", at: node)
            }
            return nil
        }
        if case .scalar(let scalar) = node {
            if isBlank(scalar) { return nil }
            guard screen(scalar, node: node, path: path) else { return nil }
            if scalar.string == NextYearDraft.marker {
                error("input.unfilled", "\(describe(path))待填写：gongkai new 生成的文件中留待填写的项，请填上实际内容", at: node)
                return nil
            }
        }
        switch shape {
        case .either(let shapes):
            if let fitting = shapes.first(where: { fits(node, $0) }) {
                return read(node, as: fitting, path: path)
            }
            return mismatch(node, shape, path)
        case .record(let fields):
            guard case .mapping(let mapping) = node else { return mismatch(node, shape, path) }
            return readRecord(mapping, node: node, fields: fields, path: path)
        case .dictionary(let keyShape, let valueShape):
            guard case .mapping(let mapping) = node else { return mismatch(node, shape, path) }
            var pairs: [(key: Located<String>, value: InputValue)] = []
            for (keyNode, valueNode) in mapping {
                guard case .text(let key)? = read(keyNode, as: keyShape.asText, path: path) else { continue }
                if let value = read(valueNode, as: valueShape, path: "\(path).\(key.value)") {
                    pairs.append((key, value))
                }
            }
            return .dictionary(pairs, location(of: node))
        case .list(let element):
            guard case .sequence(let sequence) = node else { return mismatch(node, shape, path) }
            var items: [InputValue] = []
            for (index, item) in sequence.enumerated() {
                if let value = read(item, as: element, path: "\(path)[\(index + 1)]") { items.append(value) }
            }
            return .list(items, location(of: node))
        case .paragraphs:
            if case .sequence = node { return read(node, as: .list(.text), path: path) }
            return read(node, as: .text, path: path)
        default:
            guard case .scalar(let scalar) = node else { return mismatch(node, shape, path) }
            return readScalar(scalar, node: node, shape: shape, path: path)
        }
    }

    private mutating func readRecord(_ mapping: Node.Mapping, node: Node, fields: [Field], path: String) -> InputValue {
        var values: [String: InputValue] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        let known = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                error("input.key-not-text", "键必须是文字", at: keyNode)
                continue
            }
            guard !refusesControlCharacter(keyScalar, node: keyNode, what: "\(describe(path))中的键") else { continue }
            let key = keyScalar.string
            guard let field = known[key] else {
                // A line indented with 全角空格 is, to YAML, a key that starts with them.
                if key.hasPrefix("\u{3000}") {
                    diagnostics.append(Diagnostic.error("yaml.syntax", "这一行用全角空格“　”缩进：缩进只能用半角空格", at: location(of: keyNode))
                        .hinting("把行首的全角空格换成半角空格（每级两个）"))
                    continue
                }
                let suggestion = KeySuggestion.closest(to: key, among: fields.map(\.key))
                let hint = suggestion.map { "，是否想写“\($0)”？" } ?? "。可用的键：" + fields.map(\.key).joined(separator: "、")
                error("input.unknown-key", "\(describe(path))中没有键“\(key)”\(hint)", at: keyNode)
                continue
            }
            keyLocations[key] = location(of: keyNode)
            if let value = read(valueNode, as: field.shape, path: path.isEmpty ? key : "\(path).\(key)") {
                values[key] = value
            }
        }
        if path.isEmpty {
            for (key, value) in defaults where keyLocations[key] == nil && known[key] != nil {
                values[key] = value
                keyLocations[key] = value.location
            }
        }
        for field in fields where field.required && keyLocations[field.key] == nil {
            error("input.missing-key", "\(describe(path))缺少必填的键“\(field.key)”（\(field.doc)）", at: node)
        }
        return .record(InputRecord(location: location(of: node), values: values, keyLocations: keyLocations))
    }

    private mutating func readScalar(_ scalar: Node.Scalar, node: Node, shape: Shape, path: String) -> InputValue? {
        let text = scalar.string
        let here = location(of: node)
        switch shape {
        case .text:
            return .text(Located(text, at: here))
        case let .integer(minimum, maximum):
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let value = Int(text), text.count < 10 else {
                error("input.not-integer", "\(describe(path))应为整数，写的是“\(text)”", at: node)
                return nil
            }
            guard value >= minimum else {
                error("input.integer-range", "\(describe(path))不能小于 \(minimum)，写的是 \(value)", at: node)
                return nil
            }
            guard value <= maximum else {
                error("input.integer-range", "\(describe(path))不能大于 \(maximum)，写的是 \(value)", at: node)
                return nil
            }
            return .integer(Located(value, at: here))
        case .amount(let signed):
            switch MoneyParser.parse(text, unit: unit) {
            case .success(let money):
                if money.isNegative && !signed {
                    error("amount.negative", "\(describe(path))不能为负数，写的是“\(text)”", at: node)
                    return nil
                }
                let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.count } ?? 0
                if decimals < unit.maximumDecimals { typedDecimals[here] = decimals }
                return .amount(Located(money, at: here))
            case .failure(let failure):
                error(failure.rule, "\(describe(path))\(failure.message(text: text, unit: unit))", at: node)
                return nil
            }
        case .code(let lengths):
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                let halfWidth = MoneyParser.Failure.halfWidth(text).map { "（用了全角数字，应写 \($0)）" } ?? ""
                error("code.not-digits", "\(describe(path))应为数字编码，写的是“\(text)”\(halfWidth)", at: node)
                return nil
            }
            guard lengths.contains(text.count) else {
                let allowed = lengths.map(String.init).joined(separator: "、")
                error("code.length", "\(describe(path))“\(text)”是 \(text.count) 位，应为 \(allowed) 位", at: node)
                return nil
            }
            return .text(Located(text, at: here))
        case .choice(let words):
            guard words.contains(text) else {
                let hint = KeySuggestion.closest(to: text, among: words).map { "，是否想写“\($0)”？" } ?? ""
                error("input.choice", "\(describe(path))“\(text)”不是可用的值（\(words.joined(separator: "、"))）\(hint)", at: node)
                return nil
            }
            return .text(Located(text, at: here))
        case .date:
            guard let normalized = DateText.normalize(text) else {
                error("input.date", "\(describe(path))应为日期，如 2025-01-25 或 2025年1月25日，写的是“\(text)”", at: node)
                return nil
            }
            return .text(Located(normalized, at: here))
        default:
            return mismatch(node, shape, path)
        }
    }

    /// A value with a control character is refused before anything else reads it, so no other
    /// message echoes the character; every other value's text is kept for later checks.
    private mutating func screen(_ scalar: Node.Scalar, node: Node, path: String) -> Bool {
        let here = location(of: node)
        let place = here.line << 32 | here.column
        if let accepted = screened[place] { return accepted }
        let accepted = !refusesControlCharacter(scalar, node: node, what: describe(path))
        if accepted { texts += ScalarAlignment(source: source).runs(of: scalar, at: here) }
        screened[place] = accepted
        return accepted
    }

    /// Reports the scalar's first control character at its own line and column (at the scalar's
    /// mark when the value cannot be placed character by character).
    private mutating func refusesControlCharacter(_ scalar: Node.Scalar, node: Node, what: String) -> Bool {
        guard let refused = ControlCharacters.first(in: scalar.string) else { return false }
        let place = ScalarAlignment(source: source).sourceIndices(of: scalar).map { source.location(of: $0[refused.offset]) }
        diagnostics.append(.error("text.control-character",
                                  "\(what)含有字符 \(ControlCharacters.describe(refused.scalar))：看不见的控制字符无法排印，请删去（需要空白时用空格）",
                                  at: place ?? location(of: node)))
        return true
    }

    private func fits(_ node: Node, _ shape: Shape) -> Bool {
        switch (node, shape) {
        case (.mapping, .record), (.mapping, .dictionary): return true
        case (.sequence, .list), (.sequence, .paragraphs): return true
        case (.scalar, .record), (.scalar, .dictionary), (.scalar, .list): return false
        case (.scalar, .either(let shapes)): return shapes.contains { fits(node, $0) }
        case (.scalar, _): return true
        case (_, .either(let shapes)): return shapes.contains { fits(node, $0) }
        default: return false
        }
    }

    private func isBlank(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null")
    }

    private mutating func mismatch(_ node: Node, _ shape: Shape, _ path: String) -> InputValue? {
        let found: String
        switch node {
        case .scalar(let s): found = "“\(s.string)”"
        case .mapping: found = "映射"
        case .sequence: found = "列表"
        case .alias: found = "别名"
        }
        // “映射” alone is jargon to a finance officer; the form it takes is not.
        let expected = shape.kindName.replacingOccurrences(of: "映射", with: "“键: 值”映射")
        var diagnostic = Diagnostic.error("input.type", "\(describe(path))应为\(expected)，写的是\(found)", at: location(of: node))
        // `公务用车运行维护:1.46` is one text to YAML: the space after the colon is missing.
        if case .scalar(let scalar) = node, scalar.style == .plain, let colon = scalar.string.firstIndex(where: { $0 == ":" || $0 == "：" }),
           expected.hasSuffix("映射") {
            let key = scalar.string[..<colon]
            diagnostic = diagnostic.hinting("键与值之间要写半角冒号和一个空格，如“\(key): …”")
        }
        diagnostics.append(diagnostic)
        return nil
    }

    private func describe(_ path: String) -> String {
        path.isEmpty ? "文件顶层" : "“\(path)”"
    }

    private mutating func error(_ rule: String, _ message: String, at node: Node) {
        diagnostics.append(.error(rule, message, at: location(of: node)))
    }
}

extension Shape {
    /// Keys of a dictionary are read as text of their declared shape.
    var asText: Shape {
        switch self {
        case .code, .choice, .text, .date: return self
        default: return .text
        }
    }
}

extension MoneyParser.Failure {
    /// `text` with full-width digits and points made half-width, when it has any (４.４１ → 4.41).
    static func halfWidth(_ text: String) -> String? {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
            case 0xFF0E, 0x3002: return "."
            default: return scalar
            }
        }
        let converted = String(String.UnicodeScalarView(scalars))
        return converted == text ? nil : converted
    }

    var rule: String {
        switch self {
        case .empty, .malformed: return "amount.malformed"
        case .tooManyDecimals: return "amount.decimals"
        case .tooLarge: return "amount.too-large"
        }
    }

    func message(text: String, unit: AmountUnit) -> String {
        switch self {
        case .empty, .malformed:
            if let halfWidth = Self.halfWidth(text) {
                return "“\(text)”用了全角数字或小数点：金额要写半角数字，如 \(halfWidth)"
            }
            if text.hasSuffix("万元") || text.hasSuffix("元") {
                return "“\(text)”带了单位：金额只写数字，单位由“金额单位”统一写明"
            }
            return "“\(text)”不是金额：应写成 595.88 这样的数字"
        case .tooManyDecimals(let found, let allowed):
            return "“\(text)”有 \(found) 位小数，金额单位为\(unit.rawValue)时最多 \(allowed) 位"
        case .tooLarge:
            return "“\(text)”超出单笔金额上限（100 亿元）"
        }
    }
}
