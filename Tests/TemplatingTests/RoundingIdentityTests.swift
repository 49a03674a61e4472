import Budget
import BudgetCore
import Document
import Foundation
@testable import Templating
import XCTest

/// Controlled rounding keeps every identity the exact figures have: each total the view declares
/// that adds up exactly also adds up once printed (the self-check only sees identities that hold).
final class RoundingIdentityTests: XCTestCase {
    static let stress = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/舍入压力.yaml").path

    func budget(_ path: String, _ rounding: RoundingMode) throws -> Budget {
        let outcome = BudgetFile.read(path, rounding: rounding)
        return try XCTUnwrap(outcome.budget, outcome.diagnostics.errors.map(\.description).joined(separator: "\n"))
    }

    /// The identities (total = parts) the view finds true for `budget`.
    func identities(_ budget: Budget) -> Set<[String]> {
        let context = TemplateContext(budget: budget, yearData: [:])
        _ = context.values()
        FigureSums(budget: budget, book: context.book).declare()
        return Set(context.book.sums.map { [$0.total] + $0.parts })
    }

    func assertIdentitiesKept(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let exact = identities(try budget(path, .independent))
        let printed = identities(try budget(path, .controlled))
        let lost = exact.subtracting(printed).map { "\($0[0]) = \($0.dropFirst().joined(separator: " + "))" }.sorted()
        XCTAssertEqual(lost, [], "identities lost by rounding in \(path)", file: file, line: line)
        XCTAssertGreaterThan(exact.count, 100, file: file, line: line)
    }

    func testExamplesKeepEveryIdentity() throws {
        for example in DocumentSnapshotTests.examples {
            try assertIdentitiesKept(TemplateEngineTests.root.appendingPathComponent("Examples/\(example).yaml").path)
        }
    }

    /// Almost every amount on a half unit: every identity still holds, every format's tables foot,
    /// and the department's totals, columns and income by source print their own rounding.
    func testHalfUnitsEverywhere() throws {
        try assertIdentitiesKept(Self.stress)
        let printed = try budget(Self.stress, .controlled)
        let exact = try budget(Self.stress, .independent)
        for (printedValue, exactValue) in [(printed.total, exact.total), (printed.totals.basic, exact.totals.basic),
                                           (printed.totals.personnel, exact.totals.personnel), (printed.totals.publicUse, exact.totals.publicUse),
                                           (printed.totals.project, exact.totals.project)] {
            XCTAssertEqual(printedValue, exactValue.rounded(to: .wanYuan), "\(exactValue)")
        }
        for (source, amount) in exact.income.bySource {
            XCTAssertEqual(printed.income.bySource[source], amount.rounded(to: .wanYuan), "收入 \(source)")
        }
        XCTAssertEqual(printed.threePublic.items["公务用车运行维护"], printed.generalEconomic.first { $0.code == "30231" }?.total,
                       "公务用车运行维护 prints as 30231")
        XCTAssertEqual(printed.procurement?.smallBusinessReserve, printed.procurement?.items.map(\.reserved).sum())
        XCTAssertEqual(printed.assets?.totalValue, Money(fen: 20_020_000), "资产总额 keeps its own rounding 20.02")
        for format in DocumentSnapshotTests.formats {
            let template = try DocumentTemplate(format: format, templatesDirectory: PrintedScenarioTests.templates)
            let built = try template.build(for: printed)
            if format != "shaanxi" { XCTAssertEqual(built.warnings.map(\.description), [], format) }
        }
    }
}
