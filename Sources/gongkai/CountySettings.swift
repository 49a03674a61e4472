import BudgetCore
import BudgetInput
import Catalog
import Fonts
import Foundation
import Yams

/// 县设置.yaml at the root of a county folder: what the bureau supplies once for all its departments.
/// What departments that do not write their own take from the county (格式, 年度, 名词解释, 联系人,
/// 政府经济科目对应: `InputDefaults`), and a subject catalog: names of
/// codes the bundled catalog lacks (the bureau has the national 政府收支分类科目), with their source.
///
/// ```yaml
/// 县: 高阳县
/// 格式: hebei
/// 年度: 2025
/// 联系人: {姓名: 张三, 电话: 0312-1234567}
/// 科目来源: 《2025年政府收支分类科目》（财政部）
/// 科目:
///   功能分类:
///     2050201: 学前教育
/// ```
struct CountySettings {
    static let fileName = "县设置.yaml"

    var county: String?
    /// 格式 and 年度 for departments whose files leave them out.
    var defaults = InputDefaults.none
    var source: String?
    /// The county's font-role table (字体: a roles.tsv beside the settings), for every department.
    var fontRoles: FontRoles?
    var subjects: [SubjectScheme: [String: String]] = [:]

    /// The settings of the county folder `root`: nil without a settings file; errors at their places.
    static func load(root: String) -> Result<CountySettings?, Problems> {
        let path = (root as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .success(nil) }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4 << 20,
              let text = String(data: data, encoding: .utf8) else {
            return .failure(Problems([.error("county.unreadable", "无法读取县设置（应为不超过 4 MiB 的 UTF-8 文本）", at: .wholeFile(path))]))
        }
        var reader = Reader(file: path)
        let settings = reader.read(text)
        return reader.problems.isEmpty ? .success(settings) : .failure(Problems(reader.problems))
    }

    struct Problems: Error {
        let diagnostics: [Diagnostic]
        init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    private struct Reader {
        let file: String
        var problems: [Diagnostic] = []

        init(file: String) { self.file = file }

        mutating func read(_ source: String) -> CountySettings {
            var settings = CountySettings()
            let root: Node?
            do { root = try Yams.compose(yaml: source, .basic, .default, .utf8) } catch {
                // libyaml's English, translated and at its place, as for a department's file.
                problems.append(YAMLErrorTranslation.diagnostic(for: error, text: source, file: file))
                return settings
            }
            guard case .mapping(let mapping)? = root else {
                problem(root, "顶层应为“键: 值”映射（县、格式、年度、科目来源、科目）")
                return settings
            }
            for (key, value) in mapping {
                switch key.string {
                case "县": settings.county = text(value, "县")
                case let key? where InputDefaults.keys.contains(key): continue  // read below, as a department's keys
                case "科目来源": settings.source = text(value, "科目来源")
                case "字体": settings.fontRoles = roles(value)
                case "科目": settings.subjects = subjects(value)
                default: problem(key, "县设置中没有键“\(key.string ?? "")”（可用：\((["县"] + InputDefaults.keys + ["字体", "科目来源", "科目"]).joined(separator: "、"))）")
                }
            }
            let (defaults, diagnostics) = InputDefaults.read(source, file: file)
            settings.defaults = defaults
            problems += diagnostics.errors
            if !settings.subjects.isEmpty && (settings.source ?? "").isEmpty {
                problem(mapping.first { $0.key.string == "科目" }?.key, "县科目库应写明出处：加一行“科目来源: …”（如《2025年政府收支分类科目》）")
            }
            return settings
        }

        mutating func subjects(_ node: Node) -> [SubjectScheme: [String: String]] {
            guard case .mapping(let schemes) = node else {
                problem(node, "“科目”应按分类写：功能分类、部门经济分类、政府经济分类，其下为“编码: 名称”")
                return [:]
            }
            var result: [SubjectScheme: [String: String]] = [:]
            for (schemeNode, codes) in schemes {
                guard let scheme = SubjectScheme(rawValue: schemeNode.string ?? "") else {
                    problem(schemeNode, "没有分类“\(schemeNode.string ?? "")”（可用：\(SubjectScheme.allCases.map(\.rawValue).joined(separator: "、"))）")
                    continue
                }
                guard case .mapping(let pairs) = codes else {
                    problem(codes, "\(scheme.rawValue)下应为“编码: 名称”")
                    continue
                }
                for (codeNode, nameNode) in pairs {
                    let code = codeNode.string ?? ""
                    guard code.allSatisfy({ $0.isASCII && $0.isNumber }), [3, 5, 7].contains(code.count) else {
                        problem(codeNode, "科目编码应为 3、5 或 7 位数字，写的是“\(code)”")
                        continue
                    }
                    if let name = text(nameNode, "科目 \(code) 的名称") { result[scheme, default: [:]][code] = name }
                }
            }
            return result
        }

        /// 字体: a font-role table (the format of Fonts/roles.tsv), relative to the settings file.
        mutating func roles(_ node: Node) -> FontRoles? {
            guard let name = text(node, "字体") else { return nil }
            let path = name.hasPrefix("/") ? name : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let table = String(data: data, encoding: .utf8) else {
                problem(node, "找不到字体角色表 \(path)（格式同 Fonts/roles.tsv）")
                return nil
            }
            do { return try FontRoles(tsv: table) } catch {
                problem(node, "字体角色表 \(path) 有错误：\(error)")
                return nil
            }
        }

        mutating func text(_ node: Node, _ what: String) -> String? {
            guard let value = node.scalar?.string.trimmingCharacters(in: .whitespaces), !value.isEmpty,
                  !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                problem(node, "\(what)应为一行文字")
                return nil
            }
            return value
        }

        mutating func problem(_ node: Node?, _ message: String) {
            let mark = node?.mark
            problems.append(.error("county.settings", message, at: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)))
        }
    }
}
