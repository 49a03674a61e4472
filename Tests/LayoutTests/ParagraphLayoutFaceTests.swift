import Document
import Layout
import XCTest

/// A shaper whose primary face lacks Latin letters (they come from fallback face 1) and that
/// forms an “fi” ligature: one glyph for two characters.
private final class FallbackShaper: TextShaper {
    let metrics = FixedWidthShaper()

    func shape(_ text: String, role: FontRole, size: Double, bold: Bool) throws -> ShapedText {
        var shaped = try metrics.shape(text, role: role, size: size, bold: bold)
        var glyphs: [ShapedGlyph] = []
        for glyph in shaped.glyphs {
            let scalar = Unicode.Scalar(glyph.id)!
            if scalar == "i", let previous = glyphs.last, previous.id == UInt32(("f" as Unicode.Scalar).value) {
                glyphs[glyphs.count - 1].id = 0xFB01
                continue
            }
            var glyph = glyph
            if scalar.properties.isAlphabetic && scalar.isASCII {
                glyph.face = FaceID(role: role, index: 1, bold: bold)
            }
            glyphs.append(glyph)
        }
        shaped.glyphs = glyphs
        return shaped
    }

    func verticalMetrics(role: FontRole, size: Double) -> (ascent: Double, descent: Double) { (size * 0.88, size * 0.12) }
}

/// Fallback faces: one glyph run per consecutive face, with exact text slices and clusters.
final class ParagraphLayoutFaceTests: XCTestCase {
    func testFallbackFacesGiveOneRunPerFace() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("预算PDF格式", width: 200, shaper: FallbackShaper()).first)
        XCTAssertEqual(line.runs.map(\.text), ["预算", "PDF", "格式"])
        guard line.runs.count == 3 else { return }
        XCTAssertEqual(line.runs.map(\.face.index), [0, 1, 0])
        XCTAssertEqual(line.runs.map { $0.clusters.map(\.bytes) }, [[3, 3], [1, 1, 1], [3, 3]])
        XCTAssertEqual(line.runs.map { $0.clusters.map(\.glyphs) }, [[1, 1], [1, 1, 1], [1, 1]])
        // Runs start where their first glyph goes; glyphs are relative to the run.
        assertPositions(line.runs.map(\.x), [0, 22.5, 40])
        assertPositions(line.runs[1].glyphs.map(\.x), [0, 5, 10])
        XCTAssertEqual(line.text, "预算PDF格式")
    }

    func testLigatureClusterCoversBothCharacters() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("文件file", width: 200, shaper: FallbackShaper()).first)
        XCTAssertEqual(line.runs.map(\.text), ["文件", "file"])
        guard line.runs.count == 2 else { return }
        let latin = line.runs[1]
        XCTAssertEqual(latin.clusters.map(\.bytes), [2, 1, 1])
        XCTAssertEqual(latin.clusters.map(\.glyphs), [1, 1, 1])
        XCTAssertEqual(latin.glyphs.map(\.id), [0xFB01, 108, 101])
    }

    func testClustersCoverEachRunExactlyOnEveryLine() throws {
        let text = "本部门2025年预算PDF收入595.88万元，比上年增长15.46%。主要用于“三公”经费（含file）等。"
        for width in stride(from: 60.0, through: 200, by: 10) {
            let lines = try ParagraphFixture.lines(text, width: width, alignment: .justified, shaper: FallbackShaper())
            XCTAssertEqual(lines.map(\.text).joined(), text, "width \(width)")
            for run in lines.flatMap(\.runs) {
                XCTAssertEqual(run.clusters.reduce(0) { $0 + $1.bytes }, run.text.utf8.count, "\(run.text)")
                XCTAssertEqual(run.clusters.reduce(0) { $0 + $1.glyphs }, run.glyphs.count, "\(run.text)")
                XCTAssertFalse(run.clusters.contains { $0.bytes == 0 }, "\(run.text)")
            }
        }
    }
}
