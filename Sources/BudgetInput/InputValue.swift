import BudgetCore

/// A YAML value that has passed its shape: the typed reading needs no further checks of kind.
public indirect enum InputValue: Sendable {
    case text(Located<String>)
    case integer(Located<Int>)
    case amount(Located<Money>)
    case list([InputValue], SourceLocation)
    case record(InputRecord)
    /// Free keys (codes, names) in the order typed.
    case dictionary([(key: Located<String>, value: InputValue)], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .text(let v): return v.location
        case .integer(let v): return v.location
        case .amount(let v): return v.location
        case .list(_, let location), .dictionary(_, let location): return location
        case .record(let record): return record.location
        }
    }
}

/// A mapping with declared keys; absent and blank keys are simply missing.
public struct InputRecord: Sendable {
    public let location: SourceLocation
    public let values: [String: InputValue]
    public let keyLocations: [String: SourceLocation]

    public init(location: SourceLocation, values: [String: InputValue], keyLocations: [String: SourceLocation]) {
        self.location = location
        self.values = values
        self.keyLocations = keyLocations
    }

    public subscript(key: String) -> InputValue? { values[key] }

    public func text(_ key: String) -> Located<String>? {
        switch values[key] {
        case .text(let v)?: return v
        case .integer(let v)?: return Located(String(v.value), at: v.location)
        default: return nil
        }
    }

    public func integer(_ key: String) -> Located<Int>? {
        if case .integer(let v)? = values[key] { return v }
        return nil
    }

    public func amount(_ key: String) -> Located<Money>? {
        if case .amount(let v)? = values[key] { return v }
        return nil
    }

    public func record(_ key: String) -> InputRecord? {
        if case .record(let r)? = values[key] { return r }
        return nil
    }

    public func list(_ key: String) -> [InputValue] {
        if case .list(let items, _)? = values[key] { return items }
        return []
    }

    public func records(_ key: String) -> [InputRecord] {
        list(key).compactMap { if case .record(let r) = $0 { return r } else { return nil } }
    }

    public func dictionary(_ key: String) -> [(key: Located<String>, value: InputValue)] {
        if case .dictionary(let pairs, _)? = values[key] { return pairs }
        return []
    }

    /// A paragraph or a list of paragraphs, as a list.
    public func paragraphs(_ key: String) -> [Located<String>] {
        switch values[key] {
        case .text(let v)?: return [v]
        case .list(let items, _)?:
            return items.compactMap { if case .text(let v) = $0 { return v } else { return nil } }
        default: return []
        }
    }
}
