import Document
@testable import Layout
import XCTest

/// A text is set once per (text, style, width, wraps): the contents' second pass and later
/// documents of a process reuse the lines; anything that changes the setting sets it again.
final class LineCacheTests: XCTestCase {
    let style = TextStyle(role: .body, size: 16)

    func testTheSameTextIsSetOnce() throws {
        let cache = LineCache()
        var settings = 0
        for _ in 0..<3 {
            _ = cache.lines("部门预算", style: style, width: 400, wraps: true) { settings += 1; return [] }
        }
        XCTAssertEqual(settings, 1)
    }

    func testAnotherWidthStyleOrWrappingIsSetAgain() throws {
        let cache = LineCache()
        var settings = 0
        let set: () -> [LaidLine] = { settings += 1; return [] }
        _ = cache.lines("部门预算", style: style, width: 400, wraps: true, setting: set)
        _ = cache.lines("部门预算", style: style, width: 300, wraps: true, setting: set)
        _ = cache.lines("部门预算", style: style, width: 400, wraps: false, setting: set)
        _ = cache.lines("部门预算", style: TextStyle(role: .body, size: 16, bold: true), width: 400, wraps: true, setting: set)
        _ = cache.lines("部门决算", style: style, width: 400, wraps: true, setting: set)
        XCTAssertEqual(settings, 5)
    }

    /// A failed setting (a missing glyph) is not remembered: the error comes again.
    func testAFailureIsNotCached() {
        let cache = LineCache()
        struct Failure: Error {}
        for _ in 0..<2 {
            XCTAssertThrowsError(try cache.lines("𠀀", style: style, width: 400, wraps: true) { throw Failure() })
        }
    }

    /// Laying a document out twice with one layouter gives the same pages: cached lines are the lines.
    func testASecondLayoutFromTheCacheIsTheSame() throws {
        let layouter = DocumentLayouter(shaper: FixedWidthShaper())
        let text = String(repeating: "预算收支总表，一般公共预算拨款收入。", count: 12)
        let document = Document(metadata: Metadata(title: "t", author: "a", creationDate: "2025-01-01"),
                                blocks: [.paragraph(Paragraph(text, style: style))])
        let first = try layouter.layout(document), second = try layouter.layout(document)
        XCTAssertEqual(first.pages.map(\.items.count), second.pages.map(\.items.count))
        XCTAssertEqual(first.pages.flatMap(\.items).map(String.init(describing:)),
                       second.pages.flatMap(\.items).map(String.init(describing:)))
    }
}

/// Cache keys compare bytes: the same text from different storage is one key; canonically
/// equivalent but differently encoded texts (which String calls equal) are two.
final class ExactTextTests: XCTestCase {
    func testTheSameBytesAreOneKey() {
        let built = ["部门", "预算"].joined()
        XCTAssertEqual(ExactText(built), ExactText("部门预算"))
        XCTAssertEqual(Set([ExactText(built), ExactText("部门预算")]).count, 1)
    }

    func testCanonicallyEquivalentTextsAreTwoKeys() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertEqual(composed, decomposed)
        XCTAssertNotEqual(ExactText(composed), ExactText(decomposed))
    }
}
