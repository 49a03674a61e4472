import BudgetCore
import BudgetInput

/// 机关运行经费: the 一般公共预算 公用经费 of 行政 units and 参公事业 units, never of 事业 units.
/// So it is at most the department's 公用经费, and equal to it only when every unit runs an office.
enum OfficeOperationFigures {
    struct Outcome {
        let amount: Money
        let diagnostics: [Diagnostic]
    }

    /// `publicUse` is the department's 一般公共预算 公用经费.
    static func derive(_ input: BudgetInput, publicUse: Money) -> Outcome {
        var checker = Checker(input: input, publicUse: publicUse)
        let amount = checker.amount()
        return Outcome(amount: amount, diagnostics: checker.diagnostics)
    }

    private struct Checker {
        let input: BudgetInput
        let publicUse: Money
        var diagnostics: [Diagnostic] = []

        func show(_ money: Money) -> String { money.exactText(in: input.unit) + input.unit.rawValue }

        /// What can be derived, checked against what is typed; what is typed where nothing can be derived.
        mutating func amount() -> Money {
            let derived = self.derived()
            let stated = input.officeOperation?.stated
            switch (derived, stated) {
            case let (derived?, stated?):
                if stated.value != derived.amount {
                    diagnostics.append(.error("office-operation.derived",
                        "机关运行经费写为 \(show(stated.value))，而\(derived.reason)", at: stated.location))
                }
                return derived.amount
            case let (derived?, nil):
                return derived.amount
            case let (nil, stated?):
                if stated.value > publicUse {
                    diagnostics.append(.error("office-operation.above-public-use",
                        "机关运行经费写为 \(show(stated.value))，多于一般公共预算公用经费 \(show(publicUse))：机关运行经费是行政单位和参公事业单位的公用经费，不会多于公用经费",
                        at: stated.location))
                }
                return stated.value
            case (nil, nil):
                return fallback()
            }
        }

        /// From the units when they are listed; a 事业 unit's own budget has none.
        mutating func derived() -> (amount: Money, reason: String)? {
            if !input.units.isEmpty {
                return fromUnits().map { ($0, "由所属单位推得 \(show($0))（行政、参公事业单位的公用经费之和）") }
            }
            if input.level == .unit && input.nature == .institution {
                return (.zero, "本单位为事业单位（不含参公），没有机关运行经费，应为 0")
            }
            return nil
        }

        /// Nothing typed or derivable: a 行政 or 参公事业 unit's 公用经费 is all 机关运行经费; a 事业
        /// unit's may be none of it, so the figure is asked for (0 until it is given).
        mutating func fallback() -> Money {
            if (input.units.isEmpty && input.nature.runsOffice) || publicUse.isZero { return publicUse }
            diagnostics.append(.warning("office-operation.unknown",
                "机关运行经费无法推算（\(input.units.isEmpty ? "单位性质为\(input.nature.rawValue)" : "所属单位中有行政或参公事业单位没有写公用经费")），暂按 0 计：请在“机关运行经费”中写出“金额”，或在“所属单位”中写出各单位的类型和公用经费",
                at: input.officeOperation?.location ?? input.unitsLocation ?? SourceLocation(file: input.file, line: 1, column: 1)))
            return .zero
        }

        /// The sum of the 行政 and 参公事业 units' 公用经费, when the units say it; checks the units'
        /// 公用经费 against the department's.
        mutating func fromUnits() -> Money? {
            let units = input.units
            checkUnitsTotal(units)
            let offices = units.filter { $0.kind.value.runsOffice }
            if offices.isEmpty { return .zero }
            if offices.allSatisfy({ $0.publicUse != nil }) { return offices.compactMap(\.publicUse?.value).sum() }
            if offices.count == units.count && offices.allSatisfy({ $0.publicUse == nil }) { return publicUse }
            return nil
        }

        /// The units' 公用经费 add up to the department's (or, while some are missing, stay below it).
        mutating func checkUnitsTotal(_ units: [MemberUnit]) {
            let typed = units.compactMap(\.publicUse)
            guard let first = typed.first else { return }
            let sum = typed.map(\.value).sum()
            let complete = typed.count == units.count
            guard complete ? sum != publicUse : sum > publicUse else { return }
            let listing = units.compactMap { unit in unit.publicUse.map { "\(unit.name.value) \(show($0.value))" } }
            diagnostics.append(.error("units.public-use",
                "所属单位的公用经费合计 \(show(sum))（\(listing.joined(separator: "、"))）\(complete ? "不等于" : "已多于")一般公共预算公用经费 \(show(publicUse))",
                at: input.unitsLocation ?? first.location))
        }
    }
}
