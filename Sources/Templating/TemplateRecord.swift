/// A record of the template data with its members by name: `单位`, a row of `功能科目`, a project.
/// Immutable once built; a member it lacks is reported with the members it has.
final class TemplateRecord: Sendable {
    /// How messages and `{{ record }}` name it (`功能科目 2101501`, `比上年`).
    let name: String
    let members: [NameKey: TemplateValue]

    init(_ name: String, _ members: [NameKey: TemplateValue]) {
        self.name = name
        self.members = members
    }

    subscript(member: NameKey) -> TemplateValue? { members[member] }

    /// “支出.合记（可用：合计、基本支出、……）”: what `数据中没有` names.
    func missing(_ member: String) -> String {
        "\(name).\(member)（可用：\(members.keys.map(\.text).sorted().joined(separator: "、"))）"
    }
}
