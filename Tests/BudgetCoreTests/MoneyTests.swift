import BudgetCore
import XCTest

final class MoneyTests: XCTestCase {
    func parse(_ text: String, _ unit: AmountUnit = .wanYuan) -> Result<Money, MoneyParser.Failure> {
        MoneyParser.parse(text, unit: unit)
    }

    func testParsesExactlyFromText() throws {
        XCTAssertEqual(try parse("595.88").get().fen, 595_880_000)
        XCTAssertEqual(try parse("2368819.00", .yuan).get().fen, 236_881_900)
        XCTAssertEqual(try parse("1,020.11").get().fen, 1_020_110_000)
        XCTAssertEqual(try parse("0.000001").get().fen, 1)
        XCTAssertEqual(try parse("-3").get().fen, -3_000_000)
        XCTAssertEqual(try parse("0.1").get() + parse("0.2").get(), try parse("0.3").get())
    }

    func testRejectsMalformedAmounts() {
        for text in ["12.3.4", "1e5", ".5", "5.", "1,02.0", "12,3456", "abc", "", "--1", "1 000"] {
            guard case .failure(let failure) = parse(text) else { return XCTFail("accepted \(text)") }
            XCTAssertTrue(failure == .malformed || failure == .empty, "\(text): \(failure)")
        }
    }

    func testRejectsMoreDecimalsThanTheUnitAllows() {
        XCTAssertEqual(parse("1.234", .yuan), .failure(.tooManyDecimals(found: 3, allowed: 2)))
        XCTAssertEqual(parse("1.2345678", .wanYuan), .failure(.tooManyDecimals(found: 7, allowed: 6)))
    }

    func testRejectsAmountsBeyondTheLimit() {
        XCTAssertEqual(parse("10000000001", .yuan), .failure(.tooLarge))
        XCTAssertEqual(parse("99999999999999999999999", .yuan), .failure(.tooLarge))
    }

    func testFormatsRoundingHalfAwayFromZero() throws {
        XCTAssertEqual(try parse("85.565").get().formatted(in: .wanYuan), "85.57")
        XCTAssertEqual(try parse("121.545").get().formatted(in: .wanYuan), "121.55")
        XCTAssertEqual(try parse("-0.005").get().formatted(in: .wanYuan), "-0.01")
        XCTAssertEqual(try parse("98593", .yuan).get().formatted(in: .wanYuan), "9.86")
        XCTAssertEqual(try parse("2368819", .yuan).get().formatted(in: .wanYuan), "236.88")
        XCTAssertEqual(try parse("1020.11").get().formatted(in: .wanYuan, grouping: true), "1,020.11")
        XCTAssertEqual(try parse("2368819", .yuan).get().formatted(in: .yuan, grouping: true), "2,368,819.00")
        XCTAssertEqual(Money.zero.formatted(in: .wanYuan), "0.00")
    }

    func testExactTextKeepsEveryDigit() throws {
        XCTAssertEqual(try parse("85.565").get().exactText(in: .wanYuan), "85.565")
        XCTAssertEqual(try parse("85.5").get().exactText(in: .wanYuan), "85.50")
    }
}

final class PercentAndChangeTests: XCTestCase {
    func money(_ text: String) -> Money { try! MoneyParser.parse(text, unit: .wanYuan).get() }

    func testSharesRoundToTwoDecimals() {
        XCTAssertEqual(Percent.ratio(money("911.66"), of: money("1020.11"))?.description, "89.37%")
        XCTAssertEqual(Percent.ratio(money("40"), of: money("1020.11"))?.description, "3.92%")
        XCTAssertEqual(Percent.ratio(money("0.86"), of: money("951.66"))?.description, "0.09%")
        XCTAssertNil(Percent.ratio(money("1"), of: .zero))
    }

    func testChangePhrasesReadLikeTheSeeds() {
        XCTAssertEqual(YearOverYearChange(current: money("911.66"), prior: money("889.01")).phrase(unit: .wanYuan), "增加22.65万元，增长2.55%")
        XCTAssertEqual(YearOverYearChange(current: money("684.00"), prior: money("689.65")).phrase(unit: .wanYuan), "减少5.65万元，下降0.82%")
        XCTAssertEqual(YearOverYearChange(current: money("0.86"), prior: .zero).phrase(unit: .wanYuan), "增加0.86万元，增长100.00%")
        XCTAssertEqual(YearOverYearChange(current: .zero, prior: money("3")).phrase(unit: .wanYuan), "减少3.00万元，下降100.00%")
        XCTAssertEqual(YearOverYearChange(current: money("0.4"), prior: money("0.4")).phrase(unit: .wanYuan), "持平")
        XCTAssertTrue(YearOverYearChange(current: money("0.86"), prior: .zero).isNew)
        XCTAssertTrue(YearOverYearChange(current: .zero, prior: money("3")).isRemoved)
    }
}
