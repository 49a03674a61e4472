import BudgetInput

/// The identities between tables that published documents get wrong, as data: each pairing says
/// which figures must agree and how. `CrossChecks` walks these lists; a new identity is a line here.
enum CrossCheckTable {
    /// How an economic 款 relates to the functional 项 that pay it (基本支出, 一般公共预算).
    enum Relation {
        /// The 款 pays exactly what the 项 record (30108 ↔ 2080505).
        case equal
        /// The 项 are paid only through the 款, which may also be paid from other 项:
        /// the 项 cannot exceed the 款 (20827 财政对社会保险基金的补助 is paid as 30112).
        case functionalAtMost
        /// The 款 is paid only from the 项, which may also pay other 款: the 款 cannot exceed
        /// the 项 (退休费 comes only from 行政、事业单位离退休).
        case economicAtMost
    }

    struct EconomicPair {
        let economic: [String]
        let economicName: String
        /// Functional 项, or a 款 (five digits) standing for every 项 under it.
        let functional: [String]
        let functionalName: String
        let relation: Relation
        let rule: String

        func covers(functional code: String) -> Bool { functional.contains { code == $0 || (code.count == 7 && code.hasPrefix($0) && $0.count == 5) } }
    }

    static let economicPairs: [EconomicPair] = [
        EconomicPair(economic: ["30108"], economicName: "机关事业单位基本养老保险缴费", functional: ["2080505"],
                     functionalName: "机关事业单位基本养老保险缴费支出", relation: .equal, rule: "economic.functional-match"),
        EconomicPair(economic: ["30109"], economicName: "职业年金缴费", functional: ["2080506"],
                     functionalName: "机关事业单位职业年金缴费支出", relation: .equal, rule: "economic.functional-match"),
        EconomicPair(economic: ["30110"], economicName: "职工基本医疗保险缴费", functional: ["2101101", "2101102"],
                     functionalName: "行政单位医疗、事业单位医疗", relation: .equal, rule: "economic.functional-match"),
        EconomicPair(economic: ["30111"], economicName: "公务员医疗补助缴费", functional: ["2101103"],
                     functionalName: "公务员医疗补助", relation: .equal, rule: "economic.functional-match"),
        EconomicPair(economic: ["30113"], economicName: "住房公积金", functional: ["2210201"],
                     functionalName: "住房公积金", relation: .equal, rule: "economic.functional-match"),
        EconomicPair(economic: ["30112"], economicName: "其他社会保障缴费", functional: ["20827"],
                     functionalName: "财政对其他社会保险基金的补助", relation: .functionalAtMost, rule: "economic.functional-at-most"),
        EconomicPair(economic: ["30301", "30302"], economicName: "离休费、退休费", functional: ["2080501", "2080502"],
                     functionalName: "行政单位离退休、事业单位离退休", relation: .economicAtMost, rule: "economic.economic-at-most"),
    ]

    /// A “三公”经费 item and the 一般公共预算 economic 款 it is (basic and project spending).
    struct ThreePublicPair {
        let item: ThreePublicItem
        let economic: String
        let economicName: String
        let rule: String
    }

    static let threePublicPairs: [ThreePublicPair] = [
        ThreePublicPair(item: .vehicleOperation, economic: "30231", economicName: "公务用车运行维护费", rule: "three-public.vehicle-operation"),
        ThreePublicPair(item: .vehiclePurchase, economic: "31013", economicName: "公务用车购置", rule: "three-public.vehicle-purchase"),
        ThreePublicPair(item: .meetings, economic: "30215", economicName: "会议费", rule: "three-public.meetings"),
        ThreePublicPair(item: .training, economic: "30216", economicName: "培训费", rule: "three-public.training"),
    ]

    /// Subjects that record basic spending only (行政运行、事业运行、机关服务): a project under one
    /// belongs under the 项 of its purpose.
    static func isBasicSpendingSubject(name: String) -> Bool {
        ["行政运行", "事业运行", "机关服务"].contains(name)
    }
}
