import BudgetCore

/// Controlled rounding of the functional tree × its columns (人员经费, 公用经费, 项目支出 …) × fund
/// sources: the grand total, its columns and its fund sources round first, then each node's values
/// (one per column and source) are shared among its children so that the children's values add up
/// to them and each child's total is its floor or ceiling (largest remainder where it can be). So
/// the department's 基本支出, 项目支出 and income by source, and each 类's columns, print their own
/// rounding as often as the rows allow.
struct ControlledRounding {
    /// An amount at a place in the tree (`path`: 类, 款, 项) in one column, paid from one source.
    struct Atom {
        let path: [String]
        let column: Int
        let source: Int
        let amount: Money
    }

    let step: Int64
    /// Columns grouped as they add up: 合计 is the groups' sum, a group its columns' (基本支出 = 人员 + 公用 + 未分).
    let columnGroups: [[Int]]

    var columnCount: Int { columnGroups.flatMap { $0 }.count }

    func round(_ atoms: [Atom]) -> [Money] {
        let sources = (atoms.map(\.source).max() ?? 0) + 1
        let cells = atoms.map { $0.source * columnCount + $0.column }
        var result = Array(repeating: Money.zero, count: atoms.count)
        let exact = cellSums(Array(atoms.indices), atoms, cells, count: sources * columnCount)
        distribute(topCells(exact, sources: sources), among: Array(atoms.indices), depth: 0, atoms, cells, &result)
        return result
    }

    /// The grand total's own rounding shared among column groups, then within each group; each
    /// column's then among the fund sources, keeping each source's total its floor or ceiling.
    private func topCells(_ exact: [Money], sources: Int) -> [Money] {
        let byColumn = (0..<columnCount).map { column in (0..<sources).map { exact[$0 * columnCount + column] }.sum() }
        let groupExact = columnGroups.map { $0.map { byColumn[$0] }.sum() }
        let groups = Apportionment.split(Apportionment.nearest(byColumn.sum(), step: step), among: groupExact, step: step)
        var columns = Array(repeating: Money.zero, count: columnCount)
        for (group, total) in zip(columnGroups, groups) {
            for (column, value) in zip(group, Apportionment.split(total, among: group.map { byColumn[$0] }, step: step)) { columns[column] = value }
        }
        let bySource = (0..<sources).map { source in Array(exact[(source * columnCount)..<((source + 1) * columnCount)]) }
        let shares = MatrixRounding(step: step).round(bySource, columnTotals: columns) ?? rowsFirst(bySource, columnTotals: columns)
        return shares.flatMap { $0 }
    }

    private func cellSums(_ indices: [Int], _ atoms: [Atom], _ cells: [Int], count: Int) -> [Money] {
        var sums = Array(repeating: Money.zero, count: count)
        for index in indices { sums[cells[index]] += atoms[index].amount }
        return sums
    }

    private func distribute(_ values: [Money], among indices: [Int], depth: Int, _ atoms: [Atom], _ cells: [Int], _ result: inout [Money]) {
        var children: [[Int]] = [], leaves: [Int] = []
        var childOf: [String: Int] = [:]
        for index in indices {
            guard depth < atoms[index].path.count else { leaves.append(index); continue }
            let key = atoms[index].path[depth]
            if let child = childOf[key] { children[child].append(index) } else { childOf[key] = children.count; children.append([index]) }
        }
        if children.isEmpty {
            shareAmongAtoms(values, leaves, atoms, cells, &result)
            return
        }
        // Atoms at this node itself count as one more child, shared out last.
        if !leaves.isEmpty { children.append(leaves) }
        let exact = children.map { cellSums($0, atoms, cells, count: values.count) }
        let shares = MatrixRounding(step: step).round(exact, columnTotals: values) ?? rowsFirst(exact, columnTotals: values)
        for (child, share) in zip(children, shares) {
            if child == leaves { shareAmongAtoms(share, child, atoms, cells, &result) }
            else { distribute(share, among: child, depth: depth + 1, atoms, cells, &result) }
        }
    }

    /// Each cell's value (a column of one source) shared among its atoms.
    private func shareAmongAtoms(_ values: [Money], _ indices: [Int], _ atoms: [Atom], _ cells: [Int], _ result: inout [Money]) {
        var members: [Int: [Int]] = [:]
        for index in indices { members[cells[index], default: []].append(index) }
        for (cell, group) in members {
            for (index, value) in zip(group, Apportionment.split(values[cell], among: group.map { atoms[$0].amount }, step: step)) {
                result[index] = value
            }
        }
    }

    /// When no rounding keeps both the children's totals and the node's values (rare): the
    /// children's totals by largest remainder, each child's cells within its total.
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
