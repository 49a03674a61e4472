import Fonts

/// One family of a role as fontconfig resolved it: the face for ordinary text and, if the family
/// has a heavier one, the face for bold text (else bold is synthesised by stroking).
public struct RoleFamily: Sendable {
    public let choice: FontFamilyChoice
    let regularMatch: FontMatch
    let boldMatch: FontMatch?

    /// The font file and the face index in it (collections such as .ttc hold several faces).
    public var file: String { regularMatch.path }
    public var faceIndex: Int { regularMatch.index }
    public var boldFile: String? { boldMatch?.path }
    public var boldFaceIndex: Int? { boldMatch?.index }
    /// Bold text in this family is drawn with a stroked outline.
    public var syntheticBold: Bool { boldMatch == nil }

    /// Nil when the family is not installed.
    static func resolve(_ choice: FontFamilyChoice) -> RoleFamily? {
        guard let regular = FontMatch.find(family: choice.family, weight: choice.weight.fontconfigValue) else { return nil }
        return RoleFamily(choice: choice, regularMatch: regular, boldMatch: bold(of: choice, regular: regular))
    }

    /// fontconfig answers with the nearest weight; a face no heavier than the regular one means
    /// the family has no bold, and synthesising beats setting bold text in a regular face.
    private static func bold(of choice: FontFamilyChoice, regular: FontMatch) -> FontMatch? {
        guard case .weight(let weight) = choice.bold,
              let bold = FontMatch.find(family: choice.family, weight: weight.fontconfigValue),
              bold.weight > regular.weight else { return nil }
        return bold
    }
}
