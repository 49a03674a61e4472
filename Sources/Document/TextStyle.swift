/// A font role: which family serves the text (Fonts/fonts.conf.yaml maps roles to faces).
public enum FontRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// 标题: 小标宋-like display face.
    case title = "标题"
    /// 黑体: headings of the first level.
    case heiti = "黑体"
    /// 楷体: second-level headings where a format uses it.
    case kaiti = "楷体"
    /// 正文: running text.
    case body = "正文"
    /// 表格: table cells.
    case table = "表格"
}

public enum Alignment: String, Sendable, Codable {
    case left, center, right
    /// Spread to both edges, except a paragraph's last line.
    case justified
}

public enum Orientation: String, Sendable, Codable { case portrait, landscape }

// Roles and alignments key every layout and shaping cache. An enum with raw values would hash its
// raw value, and hashing a Chinese String normalises it (NFC) on every call: hash the case instead.
extension FontRole {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .title: hasher.combine(0)
        case .heiti: hasher.combine(1)
        case .kaiti: hasher.combine(2)
        case .body: hasher.combine(3)
        case .table: hasher.combine(4)
        }
    }
}

extension Alignment: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .left: hasher.combine(0)
        case .center: hasher.combine(1)
        case .right: hasher.combine(2)
        case .justified: hasher.combine(3)
        }
    }
}

/// How a run of text looks.
public struct TextStyle: Sendable, Hashable {
    public var role: FontRole
    /// Font size in points (3号 = 16, 4号 = 14, 小4 = 12, 5号 = 10.5, 小5 = 9).
    public var size: Double
    public var bold: Bool
    public var alignment: Alignment
    /// First-line indent in ems (2 for body paragraphs).
    public var firstLineIndent: Double
    /// Baseline-to-baseline distance in points.
    public var lineHeight: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(role: FontRole, size: Double, bold: Bool = false, alignment: Alignment = .justified,
                firstLineIndent: Double = 0, lineHeight: Double? = nil, spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.role = role
        self.size = size
        self.bold = bold
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.lineHeight = lineHeight ?? (size * 1.5).rounded()
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}
