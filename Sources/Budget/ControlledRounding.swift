import BudgetCore

/// Controlled rounding of the functional tree × its columns (人员经费, 公用经费, 项目支出 …): the
/// grand total and its column totals round first, then each node's column values are shared among
/// its children so that the children's columns add up to them and each child's total is its
/// floor or ceiling (largest remainder where it can be). So the department's and each 类's
/// 基本支出 and 项目支出 print their own rounding as often as the rows can allow.
struct ControlledRounding {
    /// An amount at a place in the tree (`path`: 类, 款, 项) in one column.
    struct Atom {
        let path: [String]
        let column: Int
        let amount: Money
    }

    let step: Int64
    /// Columns grouped as they add up: 合计 is the groups' sum, a group its columns' (基本支出 = 人员 + 公用 + 未分).
    let columnGroups: [[Int]]

    var columnCount: Int { columnGroups.flatMap { $0 }.count }

    func round(_ atoms: [Atom]) -> [Money] {
        var result = Array(repeating: Money.zero, count: atoms.count)
        let exactColumns = columnSums(Array(atoms.indices), atoms)
        distribute(topColumns(exactColumns), among: Array(atoms.indices), depth: 0, atoms, &result)
        return result
    }

    /// The grand total's own rounding shared among column groups, then within each group.
    private func topColumns(_ exact: [Money]) -> [Money] {
        let groupExact = columnGroups.map { $0.map { exact[$0] }.sum() }
        let groups = Apportionment.split(Apportionment.nearest(exact.sum(), step: step), among: groupExact, step: step)
        var columns = Array(repeating: Money.zero, count: columnCount)
        for (group, total) in zip(columnGroups, groups) {
            for (column, value) in zip(group, Apportionment.split(total, among: group.map { exact[$0] }, step: step)) { columns[column] = value }
        }
        return columns
    }

    private func columnSums(_ indices: [Int], _ atoms: [Atom]) -> [Money] {
        var sums = Array(repeating: Money.zero, count: columnCount)
        for index in indices { sums[atoms[index].column] += atoms[index].amount }
        return sums
    }

    private func distribute(_ columns: [Money], among indices: [Int], depth: Int, _ atoms: [Atom], _ result: inout [Money]) {
        var children: [[Int]] = [], leaves: [Int] = []
        var childOf: [String: Int] = [:]
        for index in indices {
            guard depth < atoms[index].path.count else { leaves.append(index); continue }
            let key = atoms[index].path[depth]
            if let child = childOf[key] { children[child].append(index) } else { childOf[key] = children.count; children.append([index]) }
        }
        // Atoms at this node itself (a 项's own amounts) count as one more child, shared out last.
        if !leaves.isEmpty && children.isEmpty {
            shareAmongAtoms(columns, leaves, atoms, &result)
            return
        }
        if !leaves.isEmpty { children.append(leaves) }
        let exact = children.map { columnSums($0, atoms) }
        let shares = MatrixRounding(step: step).round(exact, columnTotals: columns) ?? rowsFirst(exact, columnTotals: columns)
        for (child, share) in zip(children, shares) {
            if child == leaves { shareAmongAtoms(share, child, atoms, &result) }
            else { distribute(share, among: child, depth: depth + 1, atoms, &result) }
        }
    }

    /// Each column's value shared among the atoms of that column.
    private func shareAmongAtoms(_ columns: [Money], _ indices: [Int], _ atoms: [Atom], _ result: inout [Money]) {
        for column in 0..<columnCount {
            let members = indices.filter { atoms[$0].column == column }
            guard !members.isEmpty else { continue }
            for (index, value) in zip(members, Apportionment.split(columns[column], among: members.map { atoms[$0].amount }, step: step)) {
                result[index] = value
            }
        }
    }

    /// When no rounding keeps both the children's totals and the node's columns (rare): the
    /// children's totals by largest remainder, each child's columns within its total.
    private func rowsFirst(_ exact: [[Money]], columnTotals: [Money]) -> [[Money]] {
        let totals = Apportionment.split(columnTotals.sum(), among: exact.map { $0.sum() }, step: step)
        return zip(exact, totals).map { row, total in Apportionment.split(total, among: row, step: step) }
    }
}

/// A children × columns matrix rounded to multiples of `step`: every cell its floor or ceiling,
/// every column adding up to its given total, every row to its floor or ceiling — a flow problem
/// (columns send their left-over units to rows through the cells that have a remainder).
struct MatrixRounding {
    let step: Int64

    func round(_ exact: [[Money]], columnTotals: [Money]) -> [[Money]]? {
        let rows = exact.count, columns = columnTotals.count
        let floors = exact.map { $0.map { Money(fen: Apportionment.floorMultiple($0.fen, step)) } }
        var needed: [Int] = []
        for column in 0..<columns {
            let units = (columnTotals[column] - floors.map { $0[column] }.sum()).fen / step
            let open = (0..<rows).filter { exact[$0][column] != floors[$0][column] }.count
            guard units >= 0, units <= open else { return nil }
            needed.append(Int(units))
        }
        let rowFloors = floors.map { $0.sum() }
        let lower = exact.indices.map { Int((Money(fen: Apportionment.floorMultiple(exact[$0].sum().fen, step)) - rowFloors[$0]).fen / step) }
        let upper = exact.indices.map { lower[$0] + (exact[$0].sum().fen % step == 0 ? 0 : 1) }
        // Column totals the rows cannot add up to (an inconsistent call) have no rounding.
        guard (lower.reduce(0, +)...upper.reduce(0, +)).contains(needed.reduce(0, +)) else { return nil }
        // Preferred: the rows' totals as largest remainder gives them.
        let preferred = Apportionment.split(columnTotals.sum(), among: exact.map { $0.sum() }, step: step)
            .enumerated().map { Int(($0.element - rowFloors[$0.offset]).fen / step) }
        var network = UnitFlow(exact: exact, floors: floors, needed: needed)
        if network.fill(rowCapacity: preferred) == needed.reduce(0, +) { return network.rounded(step: step) }
        network = UnitFlow(exact: exact, floors: floors, needed: needed)
        guard network.fill(rowCapacity: lower) == lower.reduce(0, +),
              network.fill(rowCapacity: upper) == needed.reduce(0, +) else { return nil }
        return network.rounded(step: step)
    }
}

/// Units from columns to rows through open cells (capacity one each): augmenting paths, so rows
/// never lose what an earlier `fill` gave them.
struct UnitFlow {
    let exact: [[Money]]
    let floors: [[Money]]
    let needed: [Int]
    private(set) var cell: [[Int]]
    private var sent: [Int]
    private var received: [Int]

    init(exact: [[Money]], floors: [[Money]], needed: [Int]) {
        self.exact = exact
        self.floors = floors
        self.needed = needed
        cell = exact.map { Array(repeating: 0, count: $0.count) }
        sent = Array(repeating: 0, count: needed.count)
        received = Array(repeating: 0, count: exact.count)
    }

    /// Augments until no column with units left reaches a row below `rowCapacity`; the flow value.
    mutating func fill(rowCapacity: [Int]) -> Int {
        while let path = augmentingPath(rowCapacity) { apply(path) }
        return received.reduce(0, +)
    }

    private func open(_ row: Int, _ column: Int) -> Bool { exact[row][column] != floors[row][column] }

    /// Breadth-first from columns with units left, through cells (forward if empty and open,
    /// backward if used) to a row with room. Nodes: columns 0..<C, rows C..<C+R.
    private func augmentingPath(_ rowCapacity: [Int]) -> [Int]? {
        let columns = needed.count, rows = exact.count
        var previous = Array(repeating: -2, count: columns + rows)
        var queue: [Int] = []
        for column in 0..<columns where sent[column] < needed[column] { previous[column] = -1; queue.append(column) }
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            if node < columns {
                for row in 0..<rows where cell[row][node] == 0 && open(row, node) && previous[columns + row] == -2 {
                    previous[columns + row] = node
                    if received[row] < rowCapacity[row] { return trace(columns + row, previous) }
                    queue.append(columns + row)
                }
            } else {
                let row = node - columns
                for column in 0..<columns where cell[row][column] == 1 && previous[column] == -2 {
                    previous[column] = node
                    queue.append(column)
                }
            }
        }
        return nil
    }

    private func trace(_ end: Int, _ previous: [Int]) -> [Int] {
        var path = [end], node = end
        while previous[node] != -1 { node = previous[node]; path.append(node) }
        return path.reversed()
    }

    private mutating func apply(_ path: [Int]) {
        let columns = needed.count
        sent[path[0]] += 1
        received[path[path.count - 1] - columns] += 1
        for (from, to) in zip(path, path.dropFirst()) {
            if from < columns { cell[to - columns][from] = 1 } else { cell[from - columns][to] = 0 }
        }
    }

    func rounded(step: Int64) -> [[Money]] {
        floors.enumerated().map { row, values in
            values.enumerated().map { column, floor in floor + Money(fen: Int64(cell[row][column]) * step) }
        }
    }
}
