import BudgetCore
import BudgetInput

/// Department-wide totals and income by source.
enum Totals {
    /// The sum of all leaves, 一般公共预算 resolved as in `groups`.
    static func split(leaves: [SubjectTree.Leaf], basicEconomic: [EconomicRow]) -> ExpenditureColumns {
        groups(leaves: leaves, basicEconomic: basicEconomic).values.reduce(ExpenditureColumns(), +)
    }

    /// Each income group's columns; 一般公共预算 rows typed as 基本支出 alone take their 人员/公用 split
    /// from the 基本支出经济分类 table (the two are checked to agree). One rule for every total.
    static func groups(leaves: [SubjectTree.Leaf], basicEconomic: [EconomicRow]) -> [String: ExpenditureColumns] {
        var groups: [String: ExpenditureColumns] = [:]
        for leaf in leaves { groups[leaf.source.group.rawValue] = (groups[leaf.source.group.rawValue] ?? ExpenditureColumns()) + leaf.columns }
        if let general = groups[FundSource.Group.general.rawValue] {
            groups[FundSource.Group.general.rawValue] = resolvingUnsplitBasic(general, basicEconomic: basicEconomic)
        }
        return groups
    }

    /// 一般公共预算 columns with 基本支出 typed alone split as the economic table splits it, when the
    /// economic table covers it exactly; otherwise unchanged (CrossChecks reports the mismatch).
    static func resolvingUnsplitBasic(_ general: ExpenditureColumns, basicEconomic: [EconomicRow]) -> ExpenditureColumns {
        guard !general.unsplitBasic.isZero, !basicEconomic.isEmpty else { return general }
        let personnel = basicEconomic.filter { $0.depth == 1 }.map(\.personnel).sum()
        let publicUse = basicEconomic.filter { $0.depth == 1 }.map(\.publicUse).sum()
        guard !(personnel < general.personnel), !(publicUse < general.publicUse), personnel + publicUse == general.basic else { return general }
        var resolved = general
        resolved.personnel = personnel
        resolved.publicUse = publicUse
        resolved.unsplitBasic = .zero
        return resolved
    }

    static func income(_ leaves: [SubjectTree.Leaf], total: Money) -> Income {
        var bySource: [String: Money] = [:]
        var byGroup: [String: Money] = [:]
        var appropriations = Money.zero, carryOver = Money.zero, upperTransfers = Money.zero
        for leaf in leaves {
            let amount = leaf.columns.total
            bySource[leaf.source.rawValue, default: .zero] += amount
            byGroup[leaf.source.group.rawValue, default: .zero] += amount
            if leaf.source.isAppropriation { appropriations += amount }
            if leaf.source.isAppropriationCarryOver { carryOver += amount }
            if leaf.source.isUpperTransfer { upperTransfers += amount }
        }
        let withCarryOver = appropriations + carryOver
        return Income(bySource: bySource, byGroup: byGroup, appropriations: appropriations,
                      thisYear: total - (byGroup[FundSource.Group.carryOver.rawValue] ?? .zero),
                      appropriationCarryOver: carryOver, appropriationsWithCarryOver: withCarryOver,
                      otherCarryOver: (byGroup[FundSource.Group.carryOver.rawValue] ?? .zero) - carryOver,
                      upperTransfers: upperTransfers, ownArrangement: withCarryOver - upperTransfers)
    }
}

enum ThreePublicFigures {
    static func derive(_ items: [ThreePublicItem: Located<Money>]) -> ThreePublic {
        func amount(_ item: ThreePublicItem) -> Money { items[item]?.value ?? .zero }
        let overseas = amount(.overseasTrips) + amount(.overseasTripsForResearch)
        let vehicles = amount(.vehiclePurchase) + amount(.vehicleOperation)
        let subtotal = overseas + vehicles + amount(.reception)
        return ThreePublic(
            items: Dictionary(uniqueKeysWithValues: ThreePublicItem.allCases.map { ($0.rawValue, amount($0)) }),
            overseas: overseas, vehicles: vehicles, subtotal: subtotal,
            total: subtotal + amount(.meetings) + amount(.training))
    }
}

enum DerivedProjects {
    static func derive(_ project: Project, amount: Money, subjectName: String) -> DerivedProject {
        var running = Money.zero
        let plan = project.quarterlyPlan.map { quarters in
            quarters.map { quarter -> Money in
                running += quarter?.value ?? .zero
                return running
            }
        }
        let appropriated = project.source.value.isAppropriation ? amount : .zero
        return DerivedProject(
            name: project.name.value, code: project.code?.value, subject: project.subject.value, subjectName: subjectName,
            source: project.source.value.rawValue, amount: amount, appropriated: appropriated, otherFunds: amount - appropriated,
            economic: Dictionary(project.economic.map { ($0.code.value, $0.amount.value) }, uniquingKeysWith: +),
            cumulativePlan: plan,
            quarterlyPlan: project.quarterlyPlan.map { quarters in quarters.map { $0?.value ?? .zero } },
            text: ProjectText(project))
    }
}

enum ProcurementFigures {
    static func summary(_ procurement: Procurement) -> ProcurementSummary {
        func sum(_ kind: String, _ typed: Located<Money>?) -> Money {
            let items = procurement.items.filter { $0.kind.value == kind }
            return typed?.value ?? items.map(\.amount.value).sum()
        }
        let goods = sum("货物", procurement.goods)
        let works = sum("工程", procurement.works)
        let services = sum("服务", procurement.services)
        return ProcurementSummary(
            goods: goods, works: works, services: services, total: goods + works + services,
            smallBusinessReserve: procurement.smallBusinessReserve?.value ?? procurement.items.compactMap(\.reservedForSmallBusiness?.value).sum(),
            microBusinessReserve: procurement.microBusinessReserve?.value ?? .zero,
            items: procurement.items.map(item))
    }

    static func item(_ item: Procurement.Item) -> ProcurementSummary.Item {
        ProcurementSummary.Item(
            projectName: item.projectName.value, item: item.item.value, kind: item.kind.value,
            catalogNumber: item.catalogNumber?.value, measure: item.measure?.value, quantity: item.quantity?.value,
            unitPrice: item.unitPrice?.value, amount: item.amount.value, source: item.source.value.rawValue,
            reserved: item.reservedForSmallBusiness?.value ?? .zero)
    }
}

enum AssetFigures {
    static func parts(_ assets: Assets) -> [Assets.Holding] {
        [assets.buildings, assets.furniture, assets.other].compactMap { $0 }
    }

    /// Two holdings as one (counts and values added; no area).
    static func combined(_ a: AssetSummary.Holding?, _ b: AssetSummary.Holding?) -> AssetSummary.Holding? {
        guard a != nil || b != nil else { return nil }
        let counts = [a?.count, b?.count].compactMap { $0 }
        let values = [a?.value, b?.value].compactMap { $0 }
        return AssetSummary.Holding(count: counts.isEmpty ? nil : counts.reduce(0, +), area: nil, value: values.isEmpty ? nil : values.sum())
    }

    static func summary(_ assets: Assets) -> AssetSummary {
        let vehicleCount = assets.vehicles.map(\.count.value).reduce(0, +)
        let vehicleValue = assets.vehicles.compactMap(\.value?.value).sum()
        let equipmentValue = assets.equipment.compactMap(\.value?.value).sum()
        let holdings = parts(assets)
        func summary(_ h: Assets.Holding?) -> AssetSummary.Holding? {
            h.map { AssetSummary.Holding(count: $0.count?.value, area: $0.area?.value, value: $0.value?.value) }
        }
        return AssetSummary(
            asOf: assets.asOf.value,
            buildings: summary(assets.buildings), offices: summary(assets.offices),
            furniture: summary(assets.furniture), other: summary(assets.other),
            otherWithFurniture: combined(summary(assets.furniture), summary(assets.other)),
            vehicles: assets.vehicles.map { AssetSummary.Vehicles(kind: $0.kind.value, count: $0.count.value, value: $0.value?.value ?? .zero) },
            equipment: assets.equipment.map { AssetSummary.Equipment(threshold: $0.threshold.value, count: $0.count.value, value: $0.value?.value ?? .zero) },
            // Equipment is a kind of its own beside 房屋, 家具, 其他 and 车辆: in the value and the count.
            totalCount: holdings.compactMap(\.count?.value).reduce(0, +) + vehicleCount + assets.equipment.map(\.count.value).reduce(0, +),
            totalValue: holdings.compactMap(\.value?.value).sum() + vehicleValue + equipmentValue,
            vehicleCount: vehicleCount, vehicleValue: vehicleValue,
            plannedPurchase: assets.plannedPurchase?.value ?? .zero)
    }
}
