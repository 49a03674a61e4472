import Foundation
import BudgetCore

/// Where the font-role table is read from, found at run time like the templates: a site can
/// change its fonts without rebuilding gongkai.
public enum FontRolesLocation: Sendable, Equatable {
    /// The file GONGKAI_FONTS names.
    case environment(URL)
    /// roles.tsv in the executable's directory.
    case besideExecutable(URL)
    /// The roles.tsv built into gongkai (Fonts/roles.tsv).
    case bundled

    /// GONGKAI_FONTS when set, else a roles.tsv beside the executable, else the bundled table.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: String = ProgramLocation.executable.path) -> FontRolesLocation {
        if let path = environment["GONGKAI_FONTS"], !path.isEmpty { return .environment(URL(fileURLWithPath: path)) }
        let beside = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("roles.tsv")
        if FileManager.default.fileExists(atPath: beside.path) { return .besideExecutable(beside) }
        return .bundled
    }

    /// The table at this location. A file that was asked for but cannot be read or parsed is an
    /// error naming it and how it was chosen: falling back to other fonts would change the document.
    public func roles() throws -> FontRoles {
        switch self {
        case .bundled: return try FontRoles.standard()
        case .environment(let url): return try FontRoles.read(url, chosenBy: "由环境变量 GONGKAI_FONTS 指定")
        case .besideExecutable(let url): return try FontRoles.read(url, chosenBy: "在程序所在目录中找到")
        }
    }
}

extension FontRoles {
    /// The table at run time (FontRolesLocation.find).
    public static func configured() throws -> FontRoles {
        try FontRolesLocation.find().roles()
    }

    static func read(_ url: URL, chosenBy origin: String) throws -> FontRoles {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FontRolesError("无法读取字体配置文件 \(url.path)（\(origin)）：文件不存在或不可读")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FontRolesError("字体配置文件 \(url.path)（\(origin)）不是有效的 UTF-8 文本")
        }
        do {
            let roles = try FontRoles(tsv: text)
            guard !roles.families.isEmpty else {
                throw FontRolesError("没有任何字体角色（每行：角色、字族、字重、粗体、特性、软件包，以制表符分隔）")
            }
            return roles
        } catch let error as FontRolesError {
            throw FontRolesError("字体配置文件 \(url.path)（\(origin)）有误：\(error.message)")
        }
    }
}
