import Layout

/// Checks a glyph run's clusters against its text and glyphs before cairo sees them: cairo would
/// put the whole context in an error state with no word of which text was wrong.
enum RunClusters {
    static func validate(_ run: GlyphRun, page: Int) throws {
        let utf8 = Array(run.text.utf8)
        var bytes = 0
        var glyphs = 0
        for cluster in run.clusters {
            guard cluster.bytes >= 0, cluster.glyphs >= 0, cluster.bytes + cluster.glyphs > 0,
                  bytes + cluster.bytes <= utf8.count, startsCharacter(utf8, at: bytes) else {
                throw mismatch(run, page: page)
            }
            bytes += cluster.bytes
            glyphs += cluster.glyphs
        }
        guard bytes == utf8.count, glyphs == run.glyphs.count, startsCharacter(utf8, at: bytes) else {
            throw mismatch(run, page: page)
        }
    }

    /// Cluster boundaries must fall between UTF-8 sequences, not inside one.
    private static func startsCharacter(_ utf8: [UInt8], at offset: Int) -> Bool {
        offset >= utf8.count || utf8[offset] & 0xC0 != 0x80
    }

    private static func mismatch(_ run: GlyphRun, page: Int) -> RenderError {
        let excerpt = run.text.count > 30 ? String(run.text.prefix(30)) + "…" : run.text
        return RenderError("第 \(page + 1) 页的文字“\(excerpt)”的字形簇与文字或字形数目不符（排版内部错误）")
    }
}
