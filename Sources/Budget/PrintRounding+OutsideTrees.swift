import BudgetCore
import BudgetInput

/// The figures outside the functional and economic trees, rounded for print (`PrintRounding`).
extension PrintRounding {
    /// “三公”, procurement, assets, performance tasks, 机关运行经费 and the prior year. A figure that
    /// is an economic line's (公务用车运行维护 is 30231) prints as that line prints; parts of one
    /// total share its rounding, so the totals derived from them foot and keep their own rounding.
    func roundOutsideTheTrees(_ input: inout BudgetInput, original: BudgetInput) {
        roundThreePublic(&input, original: original)
        if let procurement = input.procurement { input.procurement = rounded(procurement) }
        if let assets = input.assets { input.assets = rounded(assets) }
        if var performance = input.performance {
            let amounts = shared(performance.tasks.map { $0.amount })
            let others = shared(performance.tasks.map { $0.otherFunds })
            for index in performance.tasks.indices {
                performance.tasks[index].amount = amounts[index]
                performance.tasks[index].otherFunds = others[index]
            }
            input.performance = performance
        }
        if var prior = input.prior {
            prior.stated = prior.stated.mapValues(nearest)
            input.prior = prior
        }
        roundOfficeOperation(&input, original: original)
    }

    /// 公务用车运行维护 and 公务用车购置 print as the economic lines 30231 and 31013 they equal.
    private func roundThreePublic(_ input: inout BudgetInput, original: BudgetInput) {
        input.threePublic = input.threePublic.mapValues(nearest)
        for (item, code) in [(ThreePublicItem.vehicleOperation, "30231"), (.vehiclePurchase, "31013")] {
            guard let typed = original.threePublic[item],
                  typed.value == Self.generalEconomic(code, in: original), !typed.value.isZero else { continue }
            input.threePublic[item] = Located(Self.generalEconomic(code, in: input), at: typed.location)
        }
    }

    /// The 一般公共预算 amount of an economic 款: basic lines and projects' lines.
    static func generalEconomic(_ code: String, in input: BudgetInput) -> Money {
        let basic = (input.basicEconomic.personnel + input.basicEconomic.publicUse).filter { $0.code.value == code }
        let projects = input.projects.filter { $0.source.value.group == .general }.flatMap(\.economic).filter { $0.code.value == code }
        return (basic + projects).map(\.amount.value).sum()
    }

    /// 明细 share the rounded sum of their amounts (and of their reserves); a typed kind total or
    /// reserve that equals its 明细 prints as their sum.
    private func rounded(_ procurement: Procurement) -> Procurement {
        var result = procurement
        let amounts = shared(procurement.items.map { $0.amount })
        let reserves = shared(procurement.items.map { $0.reservedForSmallBusiness })
        for index in result.items.indices {
            result.items[index].amount = amounts[index]!
            result.items[index].reservedForSmallBusiness = reserves[index]
            result.items[index].unitPrice = result.items[index].unitPrice.map(nearest)
        }
        func total(_ typed: Located<Money>?, exact: [Money], printed: [Money]) -> Located<Money>? {
            guard let typed else { return nil }
            return !exact.isEmpty && typed.value == exact.sum() ? Located(printed.sum(), at: typed.location) : nearest(typed)
        }
        for (kind, path) in [("货物", \Procurement.goods), ("工程", \Procurement.works), ("服务", \Procurement.services)] {
            let indices = procurement.items.indices.filter { procurement.items[$0].kind.value == kind }
            result[keyPath: path] = total(procurement[keyPath: path], exact: indices.map { procurement.items[$0].amount.value },
                                          printed: indices.map { result.items[$0].amount.value })
        }
        let reserved = procurement.items.indices.filter { procurement.items[$0].reservedForSmallBusiness != nil }
        result.smallBusinessReserve = total(procurement.smallBusinessReserve,
                                            exact: reserved.compactMap { procurement.items[$0].reservedForSmallBusiness?.value },
                                            printed: reserved.compactMap { result.items[$0].reservedForSmallBusiness?.value })
        if let micro = procurement.microBusinessReserve, let small = procurement.smallBusinessReserve, micro.value == small.value {
            result.microBusinessReserve = result.smallBusinessReserve.map { Located($0.value, at: micro.location) }
        } else {
            result.microBusinessReserve = procurement.microBusinessReserve.map(nearest)
        }
        return result
    }

    /// The parts of the asset total share its rounding; 办公用房 (part of 房屋) never prints above it.
    private func rounded(_ assets: Assets) -> Assets {
        var result = assets
        let parts: [Located<Money>?] = [assets.buildings?.value, assets.furniture?.value, assets.other?.value]
            + assets.vehicles.map(\.value) + assets.equipment.map(\.value)
        let values = shared(parts)
        result.buildings?.value = values[0]
        result.furniture?.value = values[1]
        result.other?.value = values[2]
        for index in assets.vehicles.indices { result.vehicles[index].value = values[3 + index] }
        for index in assets.equipment.indices { result.equipment[index].value = values[3 + assets.vehicles.count + index] }
        if let offices = assets.offices?.value {
            let own = nearest(offices)
            let cap = result.buildings?.value?.value ?? own.value
            result.offices?.value = cap < own.value ? Located(cap, at: own.location) : own
        }
        result.statedTotal = nil
        result.plannedPurchase = assets.plannedPurchase.map(nearest)
        return result
    }

    /// A typed 机关运行经费 equal to the 公用经费 prints as the 公用经费; another never prints above it.
    private func roundOfficeOperation(_ input: inout BudgetInput, original: BudgetInput) {
        guard var office = input.officeOperation, let stated = office.stated else { return }
        let exactPublicUse = Self.generalPublicUse(original), printedPublicUse = Self.generalPublicUse(input)
        let own = nearest(stated)
        if stated.value == exactPublicUse || own.value > printedPublicUse && !(exactPublicUse < stated.value) {
            office.stated = Located(printedPublicUse, at: stated.location)
        } else {
            office.stated = own
        }
        input.officeOperation = office
    }

    /// 一般公共预算 公用经费 as 机关运行经费 is derived from: the economic table's, else the rows'.
    static func generalPublicUse(_ input: BudgetInput) -> Money {
        input.basicEconomic.location == nil ? BasicSplit(input.expenditures).publicUse : input.basicEconomic.publicUse.map(\.amount.value).sum()
    }

    /// Amounts that are parts of one total: the present ones share the total's own rounding.
    private func shared(_ amounts: [Located<Money>?]) -> [Located<Money>?] {
        let present = amounts.compactMap { $0 }
        let rounded = Apportionment.split(Apportionment.nearest(present.map(\.value).sum(), step: step), among: present.map(\.value), step: step)
        var next = rounded.makeIterator()
        return amounts.map { amount in amount.map { Located(next.next()!, at: $0.location) } }
    }
}
