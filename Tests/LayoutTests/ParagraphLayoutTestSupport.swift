import Document
import Layout
import XCTest

/// Paragraph layout with FixedWidthShaper at size 10: a Han character or full-width mark is 10 pt,
/// anything else 5 pt, so widths can be chosen to put a break exactly where a test wants it.
enum ParagraphFixture {
    static func style(_ alignment: Alignment = .left, indent: Double = 0) -> TextStyle {
        TextStyle(role: .body, size: 10, alignment: alignment, firstLineIndent: indent, lineHeight: 15)
    }

    static func lines(_ text: String, width: Double, alignment: Alignment = .left, indent: Double = 0,
                      wraps: Bool = true, shaper: TextShaper = FixedWidthShaper()) throws -> [LaidLine] {
        try ParagraphLayouter(shaper: shaper).layout(text, style: style(alignment, indent: indent), width: width, wraps: wraps)
    }

    /// The texts of the lines of `text`.
    static func texts(_ text: String, width: Double, alignment: Alignment = .left) throws -> [String] {
        try lines(text, width: width, alignment: alignment).map(\.text)
    }
}

extension LaidLine {
    /// Each glyph's x from the line's left edge, in order.
    var glyphXPositions: [Double] { runs.flatMap { run in run.glyphs.map { run.x + $0.x } } }
    /// The characters drawn (FixedWidthShaper's glyph ids are the Unicode scalars).
    var glyphString: String {
        String(String.UnicodeScalarView(runs.flatMap { $0.glyphs.compactMap { Unicode.Scalar($0.id) } }))
    }
}

/// Asserts two lists of positions are equal to a thousandth of a point.
func assertPositions(_ actual: [Double], _ expected: [Double], _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "count: \(actual) vs \(expected) \(message)", file: file, line: line)
    for (a, e) in zip(actual, expected) where abs(a - e) > 0.001 {
        XCTFail("positions \(actual) differ from \(expected) \(message)", file: file, line: line)
        return
    }
}
