import BudgetCore
@testable import Budget
import XCTest

/// Largest-remainder apportionment and the matrix rounding behind controlled rounding.
final class ApportionmentTests: XCTestCase {
    let step: Int64 = 10_000  // 0.01 万元

    func money(_ fen: [Int64]) -> [Money] { fen.map { Money(fen: $0) } }

    func testPartsAddUpToTheWholeWithinOneUnitEach() {
        let parts = money([85_565_000, 121_545_000, 20_000_000, 65_000_000, 28_000_000])
        let whole = Apportionment.nearest(parts.sum(), step: step)
        let rounded = Apportionment.split(whole, among: parts, step: step)
        XCTAssertEqual(rounded.sum(), whole)
        for (part, value) in zip(parts, rounded) { XCTAssertLessThan((part - value).magnitude.fen, step) }
        // Equal remainders: the larger part takes the unit.
        XCTAssertEqual(rounded, money([85_560_000, 121_550_000, 20_000_000, 65_000_000, 28_000_000]))
    }

    func testAnInconsistentWholeIsSharedOutInLinearTime() {
        let parts = money([0, 0])
        let whole = Money(fen: 999_999_990_000 * 13)
        let rounded = Apportionment.split(whole, among: parts, step: step)
        XCTAssertEqual(rounded.sum(), whole)
        XCTAssertEqual(Apportionment.split(Money(fen: -3 * step), among: parts, step: step).sum(), Money(fen: -3 * step))
    }

    func testNearestRoundsHalfAwayFromZero() {
        XCTAssertEqual(Apportionment.nearest(Money(fen: 15_000), step: step), Money(fen: 20_000))
        XCTAssertEqual(Apportionment.nearest(Money(fen: -15_000), step: step), Money(fen: -20_000))
        XCTAssertEqual(Apportionment.nearest(Money(fen: -14_999), step: step), Money(fen: -10_000))
    }

    /// Rows × columns: every column adds up to its total, every row to its floor or ceiling.
    func testMatrixKeepsColumnTotalsAndRowsWithinOneUnit() throws {
        for (exact, columns) in [
            ([money([5_000, 5_000, 0]), money([5_000, 0, 5_000]), money([0, 5_000, 5_000])], money([10_000, 10_000, 10_000])),
            ([money([3_000, 4_000]), money([6_000, 2_000]), money([1_000, 4_000])], money([10_000, 10_000])),
            ([money([12_345, 67_890, 5_005]), money([99_995, 5, 10_000])], money([110_000, 70_000, 20_000])),
        ] {
            let rounded = try XCTUnwrap(MatrixRounding(step: step).round(exact, columnTotals: columns))
            for column in columns.indices { XCTAssertEqual(rounded.map { $0[column] }.sum(), columns[column]) }
            for (row, values) in zip(exact, rounded) {
                XCTAssertLessThan((row.sum() - values.sum()).magnitude.fen, step)
                for (cell, value) in zip(row, values) {
                    XCTAssertLessThan((cell - value).magnitude.fen, step)
                    XCTAssertEqual(value.fen % step, 0)
                }
            }
        }
    }

    func testMatrixRefusesColumnTotalsTheRowsCannotReach() {
        let rows = [money([5_000, 5_000, 0]), money([5_000, 0, 5_000]), money([0, 5_000, 5_000])]
        XCTAssertNil(MatrixRounding(step: step).round(rows, columnTotals: money([10_000, 0, 10_000])))
    }

    func testMatrixRefusesColumnTotalsNoRoundingCanReach() {
        XCTAssertNil(MatrixRounding(step: step).round([money([5_000, 0])], columnTotals: money([0, 10_000])))
    }
}
