import Stencil

/// Collects the names templates asked for that the data does not have; a render with any is an error.
final class MissingNames: @unchecked Sendable {
    private(set) var names: [String] = []

    func record(_ name: String) { if !names.contains(name) { names.append(name) } }
    func reset() { names = [] }
}

/// A record of the template data whose members Stencil looks up by name; asking for a member it
/// lacks is recorded, so a misspelt `{{ 支出.合记 }}` is an error instead of empty text.
final class StrictRecord: DynamicMemberLookup, CustomStringConvertible, @unchecked Sendable {
    let name: String
    let members: [String: Any]
    let missing: MissingNames

    init(_ name: String, _ members: [String: Any], missing: MissingNames) {
        self.name = name
        self.members = members
        self.missing = missing
    }

    subscript(dynamicMember member: String) -> Any? {
        if let value = members[member] { return value }
        // Stencil asks arrays and records for these on its own; they are not the template's mistakes.
        if ["count", "first", "last"].contains(member) { return nil }
        missing.record("\(name).\(member)（可用：\(members.keys.sorted().joined(separator: "、"))）")
        return nil
    }

    var description: String { name }
}
