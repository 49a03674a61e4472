import Budget
import BudgetCore
import Foundation
import XCTest

/// The examples beside the sources, found from this file's path.
enum ExampleFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent("Examples").appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    static func derive(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> Budget {
        let outcome = BudgetFile.derive(path(relative))
        XCTAssertEqual(outcome.diagnostics.errors, [], file: file, line: line)
        return try XCTUnwrap(outcome.budget, file: file, line: line)
    }

    /// Derives an edited copy of an example, as if the user had typed the change.
    static func deriveEdited(_ relative: String, _ edit: (String) -> String) throws -> BudgetDeriver.Outcome {
        BudgetFile.derive(data: Data(edit(try text(relative)).utf8), path: path(relative))
    }
}

extension Money {
    func printed(_ unit: AmountUnit) -> String { isZero ? "" : formatted(in: unit) }
}
