/// Characters looked up by their one Unicode scalar. The layout rules ask for every character of
/// every paragraph whether it is a closing mark, an opening one, …; hashing a Character normalises
/// it first, which made these lookups a tenth of layout's time.
struct MarkSet: Sendable {
    private let scalars: Set<UInt32>
    /// Members of more than one scalar (none in the rules' own lists), looked up as characters.
    private let clusters: Set<Character>

    init<S: Sequence>(_ characters: S) where S.Element == Character {
        var scalars: Set<UInt32> = [], clusters: Set<Character> = []
        for character in characters {
            if let scalar = character.soleScalar { scalars.insert(scalar.value) } else { clusters.insert(character) }
        }
        self.scalars = scalars
        self.clusters = clusters
    }

    func contains(_ character: Character) -> Bool {
        if let scalar = character.soleScalar { return scalars.contains(scalar.value) }
        return !clusters.isEmpty && clusters.contains(character)
    }
}

extension Character {
    /// The character's scalar when it has just one (no combining marks or variation selectors).
    var soleScalar: Unicode.Scalar? {
        let scalars = unicodeScalars
        let first = scalars.startIndex
        return scalars.index(after: first) == scalars.endIndex ? scalars[first] : nil
    }
}
