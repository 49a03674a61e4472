import Foundation
import XCTest

/// PDFs draw most glyphs from each face's common subset, made once and kept in a cache folder
/// (GONGKAI_CACHE_DIR): the PDF is the same bytes with the cache cold, warm, unwritable or damaged,
/// and a character outside the common set is drawn, and copied, from the document's own subset.
final class CommonFaceCacheTests: XCTestCase {
    private func render(_ file: String, cache: String, to output: URL) throws -> Data {
        var environment = ProcessInfo.processInfo.environment
        environment["GONGKAI_CACHE_DIR"] = cache
        let run = try GongkaiProcess.run(GongkaiProcess.binary, ["render", file, "-o", output.path], environment: environment)
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        return try Data(contentsOf: output)
    }

    private func cacheFiles(_ directory: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("common-") }
    }

    func testColdWarmUnwritableAndDamagedCachesGiveTheSameBytes() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("cache")
        let cold = try render(GongkaiProcess.hebei, cache: cache.path, to: directory.appendingPathComponent("cold.pdf"))
        let files = cacheFiles(cache)
        XCTAssertEqual(files.count, 4, "one common subset per face the example draws with: \(files)")
        let warm = try render(GongkaiProcess.hebei, cache: cache.path, to: directory.appendingPathComponent("warm.pdf"))
        XCTAssertEqual(cold, warm, "warm cache")
        let blocked = directory.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: blocked)
        let unwritable = try render(GongkaiProcess.hebei, cache: blocked.appendingPathComponent("cache").path,
                                    to: directory.appendingPathComponent("unwritable.pdf"))
        XCTAssertEqual(cold, unwritable, "cache that cannot be written")

        // One byte of each cached font changed: the checksum refuses it and the subset is made again.
        for file in files {
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: file)
        }
        let damaged = try render(GongkaiProcess.hebei, cache: cache.path, to: directory.appendingPathComponent("damaged.pdf"))
        XCTAssertEqual(cold, damaged, "damaged cache")
        let again = try render(GongkaiProcess.hebei, cache: cache.path, to: directory.appendingPathComponent("again.pdf"))
        XCTAssertEqual(cold, again, "cache written anew")
    }

    /// A file the cache keeps for the same face and features, but from another recipe (or an older
    /// font file), goes when its replacement is written; one for other features stays.
    func testASupersededCacheFileIsRemovedWhenItsReplacementIsWritten() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first")
        _ = try render(GongkaiProcess.hebei, cache: first.path, to: directory.appendingPathComponent("first.pdf"))
        let real = try XCTUnwrap(cacheFiles(first).first)
        let bytes = try Data(contentsOf: real)
        let keyLength = bytes[8..<12].reversed().reduce(0) { $0 << 8 | Int($1) }
        var lines = String(decoding: bytes[12..<(12 + keyLength)], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let cache = directory.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        func fake(_ name: String, _ key: [String]) throws -> URL {
            let text = Array(key.joined(separator: "\n").utf8)
            var data = Data("GKCF0001".utf8)
            data += withUnsafeBytes(of: UInt32(text.count).littleEndian) { Data($0) }
            data += Data(text) + Data("not a font".utf8)
            let url = cache.appendingPathComponent(name)
            try data.write(to: url)
            return url
        }
        lines[0] = "gongkai common subset 0"
        let superseded = try fake("common-0000000000000001.font", lines)
        lines[7] = "features other"
        let otherFeatures = try fake("common-0000000000000002.font", lines)
        let again = try render(GongkaiProcess.hebei, cache: cache.path, to: directory.appendingPathComponent("again.pdf"))
        XCTAssertEqual(again, try Data(contentsOf: directory.appendingPathComponent("first.pdf")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: superseded.path), "the older recipe's file is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: otherFeatures.path), "another configuration's file stays")
        XCTAssertEqual(cacheFiles(cache).count, 5)
    }

    func testACharacterOutsideTheCommonSetComesFromTheDocumentsOwnSubset() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        // 堃 is not in GB 2312.
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
            .replacingOccurrences(of: "名称: 高阳县医疗保障局", with: "名称: 高阳县堃医疗保障局")
        let file = directory.appendingPathComponent("堃.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let pdf = directory.appendingPathComponent("堃.pdf")
        _ = try render(file.path, cache: directory.appendingPathComponent("cache").path, to: pdf)
        let fonts = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdffonts"), [pdf.path])
        let regular = fonts.output.split(separator: "\n").filter { $0.contains("+NotoSerifCJKsc-Regular ") }
        XCTAssertEqual(regular.count, 2, "the common subset and the document's own: \(fonts.output)")
        let extracted = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        XCTAssertTrue(extracted.output.contains("高阳县堃医疗保障局"), extracted.output)
    }
}
