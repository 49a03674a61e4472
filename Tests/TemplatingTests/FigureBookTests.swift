import BudgetCore
@testable import Templating
import XCTest

/// The view's book of figures: identities kept only where they hold, one name one amount.
final class FigureBookTests: XCTestCase {
    func testAnIdentityIsKeptOnlyWhereTheFiguresSatisfyIt() {
        let book = FigureBook()
        _ = book.figure("类.合计", Money(fen: 300))
        _ = book.figure("款甲.合计", Money(fen: 100))
        _ = book.figure("款乙.合计", Money(fen: 150))
        book.sum("类.合计", of: ["款甲.合计", "款乙.合计"], kind: .subjects)  // 50 typed at 类 level: not a sum
        _ = book.figure("款丙.合计", Money(fen: 50))
        book.sum("类.合计", of: ["款甲.合计", "款乙.合计", "款丙.合计"], kind: .subjects)
        XCTAssertEqual(book.sums.map(\.parts), [["款甲.合计", "款乙.合计", "款丙.合计"]])
    }

    func testOneNameWithTwoAmountsIsAConflict() {
        let book = FigureBook()
        _ = book.figure("功能科目[210].合计", Money(fen: 100))
        _ = book.figure("功能科目[210].合计", Money(fen: 100))
        XCTAssertEqual(book.conflicts, [])
        _ = book.figure("功能科目[210].合计", Money(fen: 90))
        XCTAssertEqual(book.conflicts, ["功能科目[210].合计：1.00元 与 0.90元"])
    }
}
