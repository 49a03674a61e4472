@testable import Render
import XCTest

/// A page's rules are stroked as one path per width, collinear segments that touch joined into one:
/// what a table draws cell by cell becomes one rule per line, and nothing else moves.
final class RuleBatchTests: XCTestCase {
    private func segments(_ batch: RuleBatch) -> [[Double]] {
        batch.groups.flatMap { group in group.joinedSegments.map { [group.width, $0.x1, $0.y1, $0.x2, $0.y2] } }
    }

    func testCellBordersOnOneLineBecomeOneRule() {
        var batch = RuleBatch()
        // Three cells' top borders, the middle one drawn right to left, with sums of widths a hair apart.
        batch.append(from: (10, 50), to: (40, 50), width: 0.5)
        batch.append(from: (70.0000001, 50), to: (40, 50), width: 0.5)
        batch.append(from: (70, 50), to: (100, 50), width: 0.5)
        // Two cells' left borders down one column.
        batch.append(from: (10, 50), to: (10, 70), width: 0.5)
        batch.append(from: (10, 70), to: (10, 90), width: 0.5)
        XCTAssertEqual(segments(batch), [[0.5, 10, 50, 100, 50], [0.5, 10, 50, 10, 90]])
    }

    func testGapsWidthsAndSlantsAreKeptApart() {
        var batch = RuleBatch()
        batch.append(from: (10, 50), to: (40, 50), width: 0.5)
        batch.append(from: (45, 50), to: (60, 50), width: 0.5)   // a gap: two rules
        batch.append(from: (10, 60), to: (60, 60), width: 1.0)   // another width: its own path
        batch.append(from: (60, 60), to: (90, 60), width: 0.5)   // touches the 1.0 rule, not joined with it
        batch.append(from: (0, 0), to: (5, 5), width: 0.5)       // slanted: as drawn
        XCTAssertEqual(segments(batch), [
            [0.5, 10, 50, 40, 50], [0.5, 45, 50, 60, 50], [0.5, 60, 60, 90, 60], [0.5, 0, 0, 5, 5],
            [1.0, 10, 60, 60, 60],
        ])
    }
}
