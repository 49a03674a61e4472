import Foundation

/// The font configuration as data: for each role name (标题, 黑体, 楷体, 正文, 表格) its
/// families in order, primary first (Fonts/roles.tsv; Fonts/README.md says why).
public struct FontRoles: Sendable, Equatable {
    /// Families by role name; the role names are FontRole's raw values in the Document module.
    public let families: [String: [FontFamilyChoice]]

    public init(families: [String: [FontFamilyChoice]]) {
        self.families = families
    }

    /// The configuration bundled with gongkai (roles.tsv).
    public static func standard() throws -> FontRoles {
        guard let url = Bundle.module.url(forResource: "roles", withExtension: "tsv") else {
            throw FontRolesError("字体配置文件 roles.tsv 缺失，安装不完整")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FontRolesError("无法读取字体配置文件 \(url.path)：\(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FontRolesError("字体配置文件 \(url.path) 不是有效的 UTF-8 文本")
        }
        return try FontRoles(tsv: text)
    }

    /// Reads roles.tsv text: `#` comments, rows of role, family, weight, bold, features, package.
    public init(tsv: String) throws {
        var families: [String: [FontFamilyChoice]] = [:]
        for (index, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let (role, choice) = try FontRoles.row(String(line), lineNumber: index + 1)
            families[role, default: []].append(choice)
        }
        self.families = families
    }

    /// The families of a role, primary first; empty when the configuration does not name the role.
    public func families(forRole role: String) -> [FontFamilyChoice] {
        families[role] ?? []
    }

    private static func row(_ line: String, lineNumber: Int) throws -> (String, FontFamilyChoice) {
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 6 else {
            throw FontRolesError("roles.tsv 第 \(lineNumber) 行应有 6 列（角色、字族、字重、粗体、特性、软件包），实有 \(cells.count) 列")
        }
        guard !cells[0].isEmpty, !cells[1].isEmpty, !cells[5].isEmpty else {
            throw FontRolesError("roles.tsv 第 \(lineNumber) 行的角色、字族和软件包不能为空")
        }
        let weight = try FontRoles.weight(cells[2], lineNumber: lineNumber)
        let bold: FontFamilyChoice.Bold = cells[3] == "synthetic"
            ? .synthetic : .weight(try FontRoles.weight(cells[3], lineNumber: lineNumber))
        let features = cells[4] == "-" ? [] : cells[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for feature in features where !FontRoles.isFeature(feature) {
            throw FontRolesError("roles.tsv 第 \(lineNumber) 行的 OpenType 特性“\(feature)”格式不对（应如 hwid、-kern、salt=2）")
        }
        return (cells[0], FontFamilyChoice(family: cells[1], weight: weight, bold: bold, features: features, package: cells[5]))
    }

    /// An OpenType feature as HarfBuzz reads it: an optional sign, a four-letter tag, an optional value.
    /// (Checked by hand: compiling the regular expression cost more than the rest of reading the file.)
    private static func isFeature(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let tag = rest.prefix(4)
        guard tag.count == 4, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        rest = rest.dropFirst(4)
        guard !rest.isEmpty else { return true }
        guard rest.first == "=" else { return false }
        let value = rest.dropFirst()
        return !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func weight(_ text: String, lineNumber: Int) throws -> FontWeight {
        guard let weight = FontWeight(rawValue: text) else {
            let known = FontWeight.allCases.map(\.rawValue).joined(separator: " ")
            throw FontRolesError("roles.tsv 第 \(lineNumber) 行的字重“\(text)”无法识别（可用：\(known)）")
        }
        return weight
    }
}
