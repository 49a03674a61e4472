import Foundation
import Document
import Fonts
import Layout

/// The faces of every role, resolved through fontconfig and opened once: what HarfBuzzShaper
/// shapes with and the writers draw with. Use one library from one thread at a time.
public final class FontLibrary {
    public let roles: FontRoles
    /// Families of each role in fallback order; nil where a fallback family is not installed.
    private var families: [FontRole: [RoleFamily?]] = [:]
    /// Opened faces by file and index: roles share faces (正文 and 表格 both use Noto Serif CJK SC).
    private var opened: [FontMatch: LoadedFace] = [:]
    private var regularFaces: [FontRole: [LoadedFace?]] = [:]
    private var facesByID: [FaceID: LoadedFace] = [:]
    private var coverage: [FontRole: [UInt32: Bool]] = [:]

    /// Resolves every role of `roles` (when nil, the table found at run time: GONGKAI_FONTS, a
    /// roles.tsv beside the executable, else the bundled Fonts/roles.tsv). Throws when a
    /// role has no family or its primary family is not installed, naming the Debian package.
    public init(roles: FontRoles? = nil) throws {
        self.roles = try roles ?? FontRoles.configured()
        for role in FontRole.allCases {
            families[role] = try resolve(role)
            // Opened now so that verticalMetrics, which cannot throw, always has its face.
            _ = try face(role: role, index: 0, bold: false)
        }
    }

    /// What the fonts of this library are, for noticing a change between runs: each role's families
    /// with their weights and features, and each face's file, index, size and modification time.
    public var fingerprint: String {
        var lines: [String] = []
        for role in FontRole.allCases {
            for family in families(of: role) {
                guard let family else { lines.append("\(role.rawValue) -"); continue }
                lines.append("\(role.rawValue) \(family.choice.family) \(family.choice.features)")
                for match in [family.regularMatch, family.boldMatch].compactMap({ $0 }) {
                    let attributes = try? FileManager.default.attributesOfItem(atPath: match.path)
                    let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
                    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
                    lines.append("  \(match.path) \(match.index) \(match.weight) \(size) \(modified)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The families of `role` in fallback order (nil: a fallback that is not installed).
    public func families(of role: FontRole) -> [RoleFamily?] {
        families[role] ?? []
    }

    /// Whether family `index` of `role` has a glyph for `scalar` (its cmap maps it).
    public func covers(_ scalar: Unicode.Scalar, role: FontRole, index: Int) throws -> Bool {
        guard let face = try regularFace(role, index) else { return false }
        return face.covers(scalar)
    }

    /// Whether some family of `role` has `scalar`; remembered, as every character of every document
    /// is asked about (`GlyphCoverage`).
    public func anyFamilyCovers(_ scalar: Unicode.Scalar, role: FontRole) -> Bool {
        if let known = coverage[role]?[scalar.value] { return known }
        let covered = families(of: role).indices.contains { (try? covers(scalar, role: role, index: $0)) == true }
        coverage[role, default: [:]][scalar.value] = covered
        return covered
    }

    /// Family `index` of `role` in its regular face (nil: not installed), opened on first use and
    /// then found without hashing its file name: shaping asks for every character.
    private func regularFace(_ role: FontRole, _ index: Int) throws -> LoadedFace? {
        if let faces = regularFaces[role], faces.indices.contains(index), let face = faces[index] { return face }
        guard family(role, index) != nil else { return nil }
        let face = try face(role: role, index: index, bold: false)
        var faces = regularFaces[role] ?? []
        while faces.count <= index { faces.append(nil) }
        faces[index] = face
        regularFaces[role] = faces
        return face
    }

    /// The face that draws glyphs shaped as `id`: the bold face for real bold, else the regular one.
    /// Asked for every run drawn, so kept by id (finding it by its file would hash the file name).
    func face(for id: FaceID) throws -> LoadedFace {
        if let face = facesByID[id] { return face }
        let face = try face(role: id.role, index: id.index, bold: id.bold && !id.syntheticBold)
        facesByID[id] = face
        return face
    }

    /// Family `index` of `role`, in its bold face when it has one and `bold` is asked for.
    func face(role: FontRole, index: Int, bold: Bool) throws -> LoadedFace {
        guard let family = family(role, index) else {
            throw RenderError("字体角色“\(role.rawValue)”没有第 \(index + 1) 个可用字体（内部错误）")
        }
        return try open(bold ? family.boldMatch ?? family.regularMatch : family.regularMatch)
    }

    /// The feature lists of the roles whose text `face` draws (roles.tsv), for its common subset.
    func featureSets(drawnWith face: LoadedFace) -> [[String]] {
        var sets: [[String]] = []
        for role in FontRole.allCases {
            for family in families(of: role).compactMap({ $0 }) where family.regularMatch == face.match || family.boldMatch == face.match {
                if !sets.contains(family.choice.features) { sets.append(family.choice.features) }
            }
        }
        return sets
    }

    func family(_ role: FontRole, _ index: Int) -> RoleFamily? {
        guard let list = families[role], list.indices.contains(index) else { return nil }
        return list[index]
    }

    /// The primary face of `role` (opened in `init`).
    func primaryFace(_ role: FontRole) -> LoadedFace? {
        family(role, 0).flatMap { opened[$0.regularMatch] }
    }

    private func resolve(_ role: FontRole) throws -> [RoleFamily?] {
        let choices = roles.families(forRole: role.rawValue)
        guard let primary = choices.first else {
            throw RenderError("字体配置（Fonts/roles.tsv）没有为角色“\(role.rawValue)”指定字体")
        }
        let resolved = choices.map(RoleFamily.resolve)
        guard resolved[0] != nil else {
            throw RenderError.familyMissing(primary.family, role: role.rawValue, package: primary.package)
        }
        return resolved
    }

    private func open(_ match: FontMatch) throws -> LoadedFace {
        if let face = opened[match] { return face }
        let face = try LoadedFace(match)
        opened[match] = face
        return face
    }
}
