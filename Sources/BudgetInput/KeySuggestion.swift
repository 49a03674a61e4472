/// Suggests the known word closest to a mistyped one (edit distance over characters).
public enum KeySuggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word)
        var best: (String, Int)?
        // A word that contains, or is contained in, the typo is the likelier meaning (万 → 万元).
        let overlapping = candidates.filter { $0.contains(word) || word.contains($0) }
        for candidate in overlapping.isEmpty ? candidates : overlapping {
            let distance = editDistance(typed, Array(candidate))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        // Accept up to about a third of the word wrong: 名字→名称, 资金来原→资金来源.
        let limit = max(1, (max(typed.count, candidate.count) + 1) / 3)
        if distance <= limit { return candidate }
        if candidate.contains(word) || word.contains(candidate) { return candidate }
        return nil
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
