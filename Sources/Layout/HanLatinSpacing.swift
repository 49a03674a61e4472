/// The space between Han characters and Latin text or figures: a quarter em set by the layout, never
/// at a line edge nor next to Chinese punctuation. Spaces typed in the input there (the seeds wrote
/// “236.88 万元”) are dropped, so every figure gets the same spacing however it was typed.
enum HanLatinSpacing {
    /// The extra space, in ems.
    static let width = 0.25

    /// `characters` without the plain spaces between a Han character and a figure (either way round).
    static func normalisingSpaces(_ characters: [Character]) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            guard characters[index] == " " else {
                result.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count && characters[end] == " " { end += 1 }
            let dropped = index > 0 && end < characters.count && separatesScripts(characters[index - 1], characters[end])
            if !dropped { result.append(contentsOf: characters[index..<end]) }
            index = end
        }
        return result
    }

    /// Sets the quarter em before each piece that meets Han on one side and a figure on the other;
    /// a line start drops it later (LineFitting and Justification ignore a line's first `spaceBefore`).
    static func addSpaces(_ pieces: inout [Piece], em: Double) {
        for index in pieces.indices.dropFirst() where separatesScripts(pieces[index - 1].last, pieces[index].first) {
            pieces[index].spaceBefore = width * em
        }
    }

    /// Han then figure, or figure then Han (punctuation is neither, so it never gets the space).
    private static func separatesScripts(_ before: Character, _ after: Character) -> Bool {
        (before.isHan && after.isFigure) || (before.isFigure && after.isHan)
    }
}
