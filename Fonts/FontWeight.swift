/// A font weight as roles.tsv names it, with the number fontconfig uses for it.
public enum FontWeight: String, Sendable, CaseIterable {
    case thin, extralight, light, regular, medium, semibold, bold, extrabold, black

    /// FC_WEIGHT_* from fontconfig.h (kept here so this module needs no C headers).
    public var fontconfigValue: Int {
        switch self {
        case .thin: return 0
        case .extralight: return 40
        case .light: return 50
        case .regular: return 80
        case .medium: return 100
        case .semibold: return 180
        case .bold: return 200
        case .extrabold: return 205
        case .black: return 210
        }
    }
}
