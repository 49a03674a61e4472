/// Chinese line-breaking prohibitions (禁则, TYPOGRAPHY.md) applied on top of ICU's opportunities:
/// which marks may not start or end a line, what is never split, and which units stay with a number.
public struct LineBreakRules: Sendable {
    /// Marks that never start a line (closing punctuation, full- and half-width).
    public var noLineStart: Set<Character> { didSet { marks = Marks(self) } }
    /// Marks that never end a line (opening punctuation).
    public var noLineEnd: Set<Character> { didSet { marks = Marks(self) } }
    /// Marks written doubled as one two-em mark (—— ……): never split between two of them.
    public var doubled: Set<Character> { didSet { marks = Marks(self) } }
    /// Quotation marks ICU may glue to their neighbours, though Chinese text breaks before an opening one.
    public var openingQuotes: Set<Character> { didSet { marks = Marks(self) } }
    /// … and after a closing one.
    public var closingQuotes: Set<Character> { didSet { marks = Marks(self) } }
    /// The five sets above, for fast lookup.
    private var marks: Marks
    /// What stays with the number before it (595.88万元, 15.46%, 2025年); the longest match wins.
    public var units: [String] {
        didSet { unitCharacters = LineBreakRules.sortedByLength(units) }
    }
    private var unitCharacters: [[Character]]
    /// The fewest characters (closing marks not counted) a paragraph's last line may hold when the
    /// paragraph has more than one line: a lone character (孤字) on a last line reads as a defect,
    /// in headings and table titles most of all. 1 turns the rule off.
    public var minimumLastLine: Int

    public init(noLineStart: Set<Character>, noLineEnd: Set<Character>, doubled: Set<Character>,
                openingQuotes: Set<Character>, closingQuotes: Set<Character>, units: [String], minimumLastLine: Int = 2) {
        self.minimumLastLine = minimumLastLine
        self.noLineStart = noLineStart
        self.noLineEnd = noLineEnd
        self.doubled = doubled
        self.openingQuotes = openingQuotes
        self.closingQuotes = closingQuotes
        self.units = units
        self.unitCharacters = LineBreakRules.sortedByLength(units)
        self.marks = Marks(noLineStart: noLineStart, noLineEnd: noLineEnd, doubled: doubled,
                           openingQuotes: openingQuotes, closingQuotes: closingQuotes)
    }

    private struct Marks: Sendable {
        let noLineStart, noLineEnd, doubled, openingQuotes, closingQuotes: MarkSet

        init(noLineStart: Set<Character>, noLineEnd: Set<Character>, doubled: Set<Character>,
             openingQuotes: Set<Character>, closingQuotes: Set<Character>) {
            self.noLineStart = MarkSet(noLineStart)
            self.noLineEnd = MarkSet(noLineEnd)
            self.doubled = MarkSet(doubled)
            self.openingQuotes = MarkSet(openingQuotes)
            self.closingQuotes = MarkSet(closingQuotes)
        }

        init(_ rules: LineBreakRules) {
            self.init(noLineStart: rules.noLineStart, noLineEnd: rules.noLineEnd, doubled: rules.doubled,
                      openingQuotes: rules.openingQuotes, closingQuotes: rules.closingQuotes)
        }
    }

    /// GB/T 15834 and clreq habits, with the units budget documents use.
    public static let chinese = LineBreakRules(
        noLineStart: Set("，。、；：？！）］｝》〉」』】〕”’…‥·・～" + ",.;:?!)]}%％‰"),
        noLineEnd: Set("（［｛《〈「『【〔“‘" + "([{"),
        doubled: ["—", "…", "―", "⋯"],
        openingQuotes: ["“", "‘"],
        closingQuotes: ["”", "’"],
        units: ["万元", "亿元", "千元", "元", "%", "％", "‰", "万人", "人次", "人", "年度", "年底", "年初", "年",
                "个月", "月底", "月初", "月份", "月", "日", "万", "亿", "次", "个", "项", "家", "所", "户", "名",
                "辆", "台", "套", "张", "件", "岁", "天", "小时", "公里", "平方米", "米", "亩", "吨", "倍", "号", "批", "期"])

    /// The character indices where a line may start: ICU's opportunities (`unicode`), tailored.
    /// Ascending, without 0, with `characters.count` for a non-empty text.
    func tailor(_ unicode: [Int], in characters: [Character]) -> [Int] {
        let count = characters.count
        guard count > 0 else { return [] }
        var allowed = [Bool](repeating: false, count: count + 1)
        for position in unicode where position > 0 && position <= count { allowed[position] = true }
        allowQuoteBreaks(&allowed, characters)
        for position in 1..<count where forbidsBreak(before: position, in: characters) { allowed[position] = false }
        keepNumbersWithUnits(&allowed, characters)
        allowed[count] = true
        return allowed.indices.filter { allowed[$0] }
    }

    /// Chinese text may break before “ and after ” next to a Han character, which ICU 72 does not always allow.
    private func allowQuoteBreaks(_ allowed: inout [Bool], _ characters: [Character]) {
        for position in 1..<characters.count {
            let before = characters[position - 1], after = characters[position]
            if marks.openingQuotes.contains(after) && before.isWide { allowed[position] = true }
            if marks.closingQuotes.contains(before) && after.isWide { allowed[position] = true }
        }
    }

    /// Closing marks at a start, opening marks at an end, a split two-em mark, a split Latin word or code.
    private func forbidsBreak(before position: Int, in characters: [Character]) -> Bool {
        let before = characters[position - 1], after = characters[position]
        return marks.noLineStart.contains(after)
            || marks.noLineEnd.contains(before)
            || (marks.doubled.contains(after) && before.soleScalar == after.soleScalar && before == after)
            || (before.isWordCharacter && after.isWordCharacter)
    }

    /// A number (digits with inner . and , between digits) and the unit after it form one unbreakable piece.
    private func keepNumbersWithUnits(_ allowed: inout [Bool], _ characters: [Character]) {
        var start = 0
        while start < characters.count {
            guard characters[start].isDigit else { start += 1; continue }
            var end = numberEnd(from: start, in: characters)
            end += unitLength(at: end, in: characters)
            for position in (start + 1)..<end { allowed[position] = false }
            start = end
        }
    }

    /// Where the number starting at `start` ends: digits, and a . or , only when a digit follows.
    private func numberEnd(from start: Int, in characters: [Character]) -> Int {
        var end = start + 1
        while end < characters.count {
            if characters[end].isDigit {
                end += 1
            } else if (characters[end] == "." || characters[end] == ","), end + 1 < characters.count, characters[end + 1].isDigit {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// The length of the longest unit written at `position`, or 0.
    private func unitLength(at position: Int, in characters: [Character]) -> Int {
        for unit in unitCharacters where position + unit.count <= characters.count {
            if characters[position..<(position + unit.count)].elementsEqual(unit) { return unit.count }
        }
        return 0
    }

    private static func sortedByLength(_ units: [String]) -> [[Character]] {
        units.map { Array($0) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}
