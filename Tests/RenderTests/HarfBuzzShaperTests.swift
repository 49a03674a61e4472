import Document
import Layout
import Render
import XCTest

/// Shaping with HarfBuzz in the configured faces: advances in points, the em box, per-character
/// fallback, missing characters, bold and the cache.
final class HarfBuzzShaperTests: XCTestCase {
    private var shaper: HarfBuzzShaper!

    override func setUpWithError() throws {
        shaper = try HarfBuzzShaper()
    }

    func testHanCharactersAdvanceOneEm() throws {
        let shaped = try shaper.shape("预算公开", role: .body, size: 16, bold: false)
        XCTAssertEqual(shaped.glyphs.count, 4)
        for glyph in shaped.glyphs {
            XCTAssertEqual(glyph.advance, 16, accuracy: 0.001)
            XCTAssertNotEqual(glyph.id, 0, "不应出现 .notdef（豆腐块）")
            XCTAssertEqual(glyph.face, FaceID(role: .body, index: 0))
        }
        XCTAssertEqual(shaped.glyphs.map(\.cluster), [0, 3, 6, 9])
        XCTAssertEqual(shaped.width, 64, accuracy: 0.001)
    }

    func testFiguresKeepTheirClustersAsByteOffsets() throws {
        let text = "1,020.11万元，89.37%"
        let shaped = try shaper.shape(text, role: .table, size: 10.5, bold: false)
        XCTAssertEqual(shaped.glyphs.count, text.count)
        XCTAssertEqual(shaped.glyphs.map(\.cluster), text.indices.map { text.utf8.distance(from: text.startIndex, to: $0) })
        XCTAssertTrue(shaped.glyphs.allSatisfy { $0.id != 0 && $0.advance > 0 })
    }

    func testTableFiguresAreEqualWidthAndChinesePunctuationStaysFullWidth() throws {
        let table = try shaper.shape("1,020.11；89.37%，", role: .table, size: 10, bold: false)
        let advances = table.glyphs.map(\.advance)
        XCTAssertEqual(Set(advances.prefix(8)), [5], "表格数字应为半角等宽")
        XCTAssertEqual(advances[8], 10, accuracy: 0.001, "全角分号保持全角")
        XCTAssertEqual(advances.last ?? 0, 10, accuracy: 0.001, "全角逗号保持全角")
        // Running text keeps the face's proportional figures: 1 is narrower than 0.
        let body = try shaper.shape("10", role: .body, size: 10, bold: false)
        XCTAssertLessThan(body.glyphs[0].advance, body.glyphs[1].advance)
    }

    func testVerticalMetricsAreTheIdeographicEmBox() {
        let metrics = shaper.verticalMetrics(role: .body, size: 16)
        XCTAssertEqual(metrics.ascent, 16 * 0.88, accuracy: 0.01)
        XCTAssertEqual(metrics.descent, 16 * 0.12, accuracy: 0.01)
        let kaiti = shaper.verticalMetrics(role: .kaiti, size: 10)
        XCTAssertEqual(kaiti.ascent + kaiti.descent, 10, accuracy: 0.5)
    }

    func testCharactersThePrimaryFaceLacksComeFromTheFirstFallbackThatHasThem() throws {
        // Neither LXGW WenKai nor AR PL UKai CN has 㐀 (Extension A); Noto Serif CJK SC, the third 楷体 family, has.
        let shaped = try shaper.shape("商标㐀号", role: .kaiti, size: 16, bold: false)
        XCTAssertEqual(shaped.glyphs.map(\.face.index), [0, 0, 2, 0])
        XCTAssertEqual(shaped.glyphs.map(\.cluster), [0, 3, 6, 9])
        // Only DejaVu Sans (the fourth 正文 family) has the chess king.
        let king = try shaper.shape("王♔", role: .body, size: 12, bold: false)
        XCTAssertEqual(king.glyphs.map(\.face.index), [0, 3])
        XCTAssertTrue(king.glyphs.allSatisfy { $0.id != 0 })
    }

    func testACharacterNoFaceHasThrowsMissingGlyphNamingIt() {
        XCTAssertThrowsError(try shaper.shape("预算\u{10FFFD}说明", role: .body, size: 16, bold: false)) { error in
            guard let missing = error as? MissingGlyph else { return XCTFail("应抛出 MissingGlyph，实为 \(error)") }
            XCTAssertEqual(missing.character, "\u{10FFFD}")
            XCTAssertEqual(missing.role, .body)
            XCTAssertEqual(missing.text, "预算\u{10FFFD}说明")
        }
    }

    func testBoldUsesTheBoldFaceOrMarksSyntheticBold() throws {
        let body = try shaper.shape("合计", role: .body, size: 16, bold: true)
        XCTAssertEqual(body.glyphs.first?.face, FaceID(role: .body, index: 0, bold: true, syntheticBold: false))
        // LXGW WenKai has a real Bold; 标题 strokes its (already bold) outlines.
        let kaiti = try shaper.shape("合计", role: .kaiti, size: 16, bold: true)
        XCTAssertEqual(kaiti.glyphs.first?.face, FaceID(role: .kaiti, index: 0, bold: true, syntheticBold: false))
        let title = try shaper.shape("合计", role: .title, size: 16, bold: true)
        XCTAssertEqual(title.glyphs.first?.face, FaceID(role: .title, index: 0, bold: true, syntheticBold: true))
    }

    func testTheSameTextIsShapedOnce() throws {
        let first = try shaper.shape("一般公共服务支出", role: .table, size: 10.5, bold: false)
        let again = try shaper.shape("一般公共服务支出", role: .table, size: 10.5, bold: false)
        XCTAssertEqual(first, again)
        XCTAssertEqual(shaper.shapedCount, 1)
        _ = try shaper.shape("一般公共服务支出", role: .table, size: 9, bold: false)
        XCTAssertEqual(shaper.shapedCount, 2)
    }

    func testSizesScaleExactly() throws {
        let small = try shaper.shape("Budget 2025", role: .body, size: 10, bold: false)
        let large = try shaper.shape("Budget 2025", role: .body, size: 20, bold: false)
        XCTAssertEqual(large.width, small.width * 2, accuracy: 1e-9)
    }
}
