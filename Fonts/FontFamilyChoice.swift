/// One family serving a role (the primary or a fallback), as a row of roles.tsv says.
public struct FontFamilyChoice: Sendable, Equatable {
    /// How bold text is set in this family.
    public enum Bold: Sendable, Equatable {
        /// A real heavier face of the family.
        case weight(FontWeight)
        /// No heavier face: the regular outlines are stroked.
        case synthetic
    }

    /// The fontconfig family name (“Noto Serif CJK SC”).
    public var family: String
    public var weight: FontWeight
    public var bold: Bold
    /// OpenType feature tags for HarfBuzz (“tnum”).
    public var features: [String]
    /// The Debian package that installs the family, named in the error when it is missing.
    public var package: String

    public init(family: String, weight: FontWeight, bold: Bold, features: [String] = [], package: String) {
        self.family = family
        self.weight = weight
        self.bold = bold
        self.features = features
        self.package = package
    }
}
