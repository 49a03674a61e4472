import BudgetCore

/// Apportionment: a rounded whole shared among exact parts so that the parts, each rounded down
/// or up to a multiple of `step`, add up to the whole exactly (largest remainder).
enum Apportionment {
    /// `parts` rounded to multiples of `step` (分) adding up to `whole`; the units the floors leave
    /// over go to the parts they distort least (`precedes`), so the result is deterministic.
    static func split(_ whole: Money, among parts: [Money], step: Int64) -> [Money] {
        guard step > 1, !parts.isEmpty else { return parts }
        var rounded = parts.map { Money(fen: floorMultiple($0.fen, step)) }
        var leftover = (whole - rounded.sum()).fen / step
        let order = parts.indices.sorted { precedes($0, $1, parts: parts, floors: rounded, step: step) }
        // A consistent whole leaves at most one unit a part; an inconsistent one (a caller's data error)
        // is still shared out whole, in full rounds and then one by one, in time linear in the parts.
        let count = Int64(parts.count)
        let rounds = leftover >= 0 ? leftover / count : -((-leftover + count - 1) / count)
        if rounds != 0 { rounded = rounded.map { $0 + Money(fen: rounds * step) } }
        leftover -= rounds * count
        for index in order.prefix(Int(leftover)) { rounded[index] += Money(fen: step) }
        return rounded
    }

    /// Which part takes a left-over unit first: the largest remainder; on equal remainders the
    /// larger part, which a unit distorts least (812.345 before 0.865); then the earlier part.
    static func precedes(_ a: Int, _ b: Int, parts: [Money], floors: [Money], step: Int64) -> Bool {
        let ra = parts[a].fen - floors[a].fen, rb = parts[b].fen - floors[b].fen
        if ra != rb { return ra > rb }
        if parts[a].fen.magnitude != parts[b].fen.magnitude { return parts[a].fen.magnitude > parts[b].fen.magnitude }
        return a < b
    }

    /// A whole's own rounding: half away from zero, as `Money.rounded` prints it.
    static func nearest(_ value: Money, step: Int64) -> Money {
        guard step > 1 else { return value }
        let magnitude = Int64(value.fen.magnitude)
        let floor = magnitude / step * step
        let rounded = (magnitude - floor) * 2 >= step ? floor + step : floor
        return Money(fen: value.fen < 0 ? -rounded : rounded)
    }

    static func floorMultiple(_ fen: Int64, _ step: Int64) -> Int64 {
        let quotient = fen / step
        return (fen % step != 0 && fen < 0 ? quotient - 1 : quotient) * step
    }
}

/// Apportions a rounded whole down a tree: each node's rounded value is split among its children
/// by largest remainder, so every node's rounded value is the sum of its children's.
struct ApportionmentTree {
    /// A leaf's position: the keys of the nodes above it, outermost first, and its exact amount.
    struct Leaf {
        let path: [String]
        let amount: Money
    }

    let step: Int64

    /// The leaves rounded, in their order; `whole` (when given) is the root's rounded value,
    /// otherwise the root rounds to its own nearest multiple.
    func round(_ leaves: [Leaf], whole: Money? = nil) -> [Money] {
        let exact = leaves.map(\.amount).sum()
        var result = Array(repeating: Money.zero, count: leaves.count)
        distribute(whole ?? Apportionment.nearest(exact, step: step), among: Array(leaves.indices), depth: 0, leaves, &result)
        return result
    }

    private func distribute(_ value: Money, among indices: [Int], depth: Int, _ leaves: [Leaf], _ result: inout [Money]) {
        // Children at this depth: groups by the key at `depth`, in first-seen order; a leaf whose
        // path ends here is a child of its own.
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        for index in indices {
            let path = leaves[index].path
            guard depth < path.count else { groups.append([index]); continue }
            if let group = groupOf[path[depth]] { groups[group].append(index) }
            else { groupOf[path[depth]] = groups.count; groups.append([index]) }
        }
        let exact = groups.map { $0.map { leaves[$0].amount }.sum() }
        let rounded = Apportionment.split(value, among: exact, step: step)
        for (group, amount) in zip(groups, rounded) {
            if group.count == 1 { result[group[0]] = amount; continue }
            distribute(amount, among: group, depth: depth + 1, leaves, &result)
        }
    }
}
