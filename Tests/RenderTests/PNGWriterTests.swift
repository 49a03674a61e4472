import Document
import Foundation
import Layout
import Render
import XCTest

/// Page images: one PNG per page, named in order, at the pixel size the resolution gives.
final class PNGWriterTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testEveryPageIsWrittenAtItsPixelSize() throws {
        let fonts = try FontLibrary()
        let sample = try SampleDocument(shaper: HarfBuzzShaper(fonts: fonts))
        let files = try PNGWriter(fonts: fonts).write(sample.document, toDirectory: directory.file("png"), dpi: 144)
        XCTAssertEqual(files.map(\.lastPathComponent), ["page-001.png", "page-002.png", "page-003.png"])
        let sizes = try files.map(PNGHeader.size)
        XCTAssertEqual(sizes.map(\.width), [1191, 1191, 1684])
        XCTAssertEqual(sizes.map(\.height), [1684, 1684, 1191])
        XCTAssertEqual(PNGWriter.pixelSize(of: sample.document.pages[2], dpi: 72).width, 842)
        // Text was drawn: a blank white A4 page compresses to a few kilobytes.
        XCTAssertGreaterThan(try Data(contentsOf: files[0]).count, 20_000)
    }

    func testAnUnusableResolutionIsAnError() throws {
        let fonts = try FontLibrary()
        let document = LaidOutDocument(pages: [PageFrame(width: 595.28, height: 841.89)], outline: [],
                                       metadata: Metadata(title: "", author: "", creationDate: "2025-01-25"))
        XCTAssertThrowsError(try PNGWriter(fonts: fonts).write(document, toDirectory: directory.url, dpi: 0)) { error in
            XCTAssertEqual(String(describing: error), "PNG 分辨率 0.0 dpi 超出范围（9–2400）")
        }
    }
}

/// Reads a PNG's width and height from its IHDR chunk.
enum PNGHeader {
    static func size(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url).prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw QpdfJSON.Failure(description: "\(url.path) 不是 PNG 文件")
        }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
