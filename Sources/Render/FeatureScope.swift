import CHarfBuzz

/// Limits roles.tsv's OpenType features to the ASCII stretches of a text (figures, Latin): `hwid`
/// makes table figures half-width and equal (Noto CJK has no `tnum`), but applied to the whole
/// text it would also halve the full-width Chinese punctuation, ，becoming ,.
enum FeatureScope {
    static func asciiOnly(_ features: [hb_feature_t], in utf8: [UInt8], bytes: Range<Int>) -> [hb_feature_t] {
        guard !features.isEmpty else { return [] }
        return asciiStretches(utf8, bytes).flatMap { stretch in
            features.map { feature in
                var scoped = feature
                // Clusters are byte offsets into the whole text (see HarfBuzzShaper.fill).
                scoped.start = UInt32(stretch.lowerBound)
                scoped.end = UInt32(stretch.upperBound)
                return scoped
            }
        }
    }

    private static func asciiStretches(_ utf8: [UInt8], _ bytes: Range<Int>) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        var start: Int?
        for offset in bytes {
            let ascii = utf8[offset] < 0x80
            if ascii, start == nil { start = offset }
            if !ascii, let first = start {
                stretches.append(first..<offset)
                start = nil
            }
        }
        if let first = start { stretches.append(first..<bytes.upperBound) }
        return stretches
    }
}
