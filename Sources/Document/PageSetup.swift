/// Paper, margins and page numbers (GB/T 9704 habits by default; a template may change all of it).
public struct PageSetup: Sendable, Equatable {
    public enum PageNumberStyle: String, Sendable, Codable {
        /// “- 1 -”.
        case dashed
        /// “第 1 页”.
        case chinese
        case none
    }

    /// Portrait width and height in points (A4: 595.28 × 841.89).
    public var width: Double
    public var height: Double
    public var marginTop: Double
    public var marginBottom: Double
    public var marginLeft: Double
    public var marginRight: Double
    public var pageNumbers: PageNumberStyle
    public var pageNumberSize: Double
    /// Odd pages right, even pages left (GB/T 9704); otherwise centred.
    public var pageNumbersOutside: Bool
    /// Text at the top of every page after the first, if any.
    public var runningHeader: String?

    public static let millimetre = 72.0 / 25.4

    public init(width: Double = 210 * millimetre, height: Double = 297 * millimetre,
                marginTop: Double = 37 * millimetre, marginBottom: Double = 35 * millimetre,
                marginLeft: Double = 28 * millimetre, marginRight: Double = 26 * millimetre,
                pageNumbers: PageNumberStyle = .dashed, pageNumberSize: Double = 14,
                pageNumbersOutside: Bool = false, runningHeader: String? = nil) {
        self.width = width
        self.height = height
        self.marginTop = marginTop
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
        self.marginRight = marginRight
        self.pageNumbers = pageNumbers
        self.pageNumberSize = pageNumberSize
        self.pageNumbersOutside = pageNumbersOutside
        self.runningHeader = runningHeader
    }
}
