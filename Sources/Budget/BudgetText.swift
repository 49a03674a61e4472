import BudgetCore
import BudgetInput

/// The words a document prints beside its figures (职责, 机构, 绩效目标, 名词解释 …), carried
/// into the Budget so later stages never need the input.
public struct BudgetText: Sendable, Codable {
    public struct Institution: Sendable, Codable { public let name, nature, rank, funding: String }
    public struct Indicator: Sendable, Codable {
        public let level1, level2, level3, description, value, basis, weight, priorValue, scoringRule, evidence, remark: String
    }
    public struct PerformancePart: Sendable, Codable { public let name: String; public let duty, goal: [String] }
    public struct PerformanceTask: Sendable, Codable { public let name, content: String; public let amount, otherFunds: Money? }
    public struct Performance: Sendable, Codable {
        public let overallGoal: [String]
        public let parts: [PerformancePart]
        public let measures: [String]
        public let tasks: [PerformanceTask]
        public let indicators: [Indicator]
    }
    public struct Term: Sendable, Codable { public let term, meaning: String }

    public let duties: [String]
    public let tasks: [String]
    public let organization: [String]
    public let institutions: [Institution]
    /// 人员 counts by their Chinese key (编制, 实有, 在职, 在职增加 …).
    public let staff: [String: Int]
    public let staffDate: String?
    public let supervisor: String?
    public let supervisorCode: String?
    public let performance: Performance?
    public let officeOperationUses: [String]
    /// 项目支出说明.
    public let projectSummary: String?
    /// 科目说明 by functional code.
    public let subjectNotes: [String: [String]]
    public let otherNotes: [String]
    public let glossary: [Term]
    public let contactName: String?
    public let contactPhone: String?
    public let secrecyReview: String?
    public let headApproval: String?
    public let emptyTableReasons: [String: String]
}

extension BudgetText {
    init(_ input: BudgetInput) {
        let overview = input.overview
        duties = overview.duties.map(\.value)
        tasks = overview.tasks.map(\.value)
        organization = overview.organizationText.map(\.value)
        institutions = overview.institutions.map {
            Institution(name: $0.name.value, nature: $0.nature?.value ?? "", rank: $0.rank?.value ?? "", funding: $0.funding?.value ?? "")
        }
        staff = overview.staff.mapValues(\.value)
        staffDate = overview.staffDate?.value
        supervisor = input.supervisor?.value
        supervisorCode = input.supervisorCode?.value
        performance = input.performance.map { performance in
            Performance(
                overallGoal: performance.overallGoal.map(\.value),
                parts: performance.parts.map { PerformancePart(name: $0.name.value, duty: $0.duty.map(\.value), goal: $0.goal.map(\.value)) },
                measures: performance.measures.map(\.value),
                tasks: performance.tasks.map { PerformanceTask(name: $0.name.value, content: $0.content?.value ?? "", amount: $0.amount?.value, otherFunds: $0.otherFunds?.value) },
                indicators: performance.indicators.map(BudgetText.indicator))
        }
        officeOperationUses = input.officeOperation?.uses.map(\.value) ?? []
        projectSummary = input.projectSummary?.value
        subjectNotes = input.subjectNotes.mapValues { $0.map(\.value) }
        otherNotes = input.otherNotes.map(\.value)
        glossary = input.glossary.map { Term(term: $0.term.value, meaning: $0.meaning.value) }
        contactName = input.contactName?.value
        contactPhone = input.contactPhone?.value
        secrecyReview = input.secrecyReview?.value
        headApproval = input.headApproval?.value
        emptyTableReasons = Dictionary(input.emptyTableReasons.map { ($0.table.value, $0.reason.value) }, uniquingKeysWith: { first, _ in first })
    }

    static func indicator(_ i: InputIndicator) -> BudgetText.Indicator {
        Indicator(level1: i.level1.value, level2: i.level2.value, level3: i.level3.value, description: i.description?.value ?? "",
                  value: i.value?.value ?? "", basis: i.basis?.value ?? "", weight: i.weight?.value ?? "",
                  priorValue: i.priorValue?.value ?? "", scoringRule: i.scoringRule?.value ?? "",
                  evidence: i.evidence?.value ?? "", remark: i.remark?.value ?? "")
    }
}

/// A project's words: what it is for and what it should achieve.
public struct ProjectText: Sendable, Codable {
    public let category: String?
    public let purpose: [String]
    public let policyBasis: String?
    public let undertaker: String?
    public let supervisor: String?
    public let allocation: [String]
    public let period: String?
    public let manager: String?
    public let extras: [[String]]
    public let overallGoal: [String]
    public let goals: [String]
    public let indicators: [BudgetText.Indicator]

    init(_ project: Project) {
        category = project.category?.value
        purpose = project.purpose.map(\.value)
        policyBasis = project.policyBasis?.value
        undertaker = project.undertaker?.value
        supervisor = project.supervisor?.value
        allocation = project.allocation.map(\.value)
        period = project.period?.value
        manager = project.manager?.value
        extras = project.extras.map { [$0.key.value, $0.value.value] }
        overallGoal = project.overallGoal.map(\.value)
        goals = project.goals.map(\.value)
        indicators = project.indicators.map(BudgetText.indicator)
    }
}
