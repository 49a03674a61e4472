import Budget
import BudgetCore

/// The identities among the view's figures that printed tables must show: each row's columns, each
/// subject tree, income by group, “三公”, procurement, assets, projects. Declared once per
/// document; `FigureBook.sum` keeps the ones the figures satisfy.
struct FigureSums {
    let budget: Budget
    let book: FigureBook

    static let spendingColumns = ["基本支出", "项目支出", "经营支出", "上缴上级支出", "对附属单位补助支出"]
    static let treeColumns = ["合计", "基本支出", "人员经费", "公用经费", "项目支出", "经营支出", "上缴上级支出", "对附属单位补助支出",
                              "财政拨款", "本年", "上年结转", "财政拨款含结转"] + SourceGroups.groups.map { "来源.\($0)" }
    static let appropriationGroups = ["一般公共预算", "政府性基金", "国有资本经营"]
    static let projectClasses = TemplateContext.economicClasses.map { "项目经济分类类.\($0)" }
    static let thisYearGroups = ["一般公共预算", "政府性基金", "国有资本经营", "财政专户", "单位资金"]
    /// Each income group and its fund sources.
    static let groupSources = FundSource.Group.allCases.map { group in
        (group: group.rawValue, sources: FundSource.allCases.filter { $0.group == group }.map(\.rawValue))
    }
    /// The columns summed down a subject tree: the tree columns and the projects' economic classes.
    static let subjectColumns = treeColumns + projectClasses
    static let categoryColumns = treeColumns.filter { !$0.hasPrefix("来源") } + projectClasses

    func declare() {
        functional(budget.functional, scope: "功能科目", total: "支出")
        for (group, rows) in budget.functionalByGroup { functional(rows, scope: "分组功能科目.\(group)", total: "分组合计.\(group)") }
        income()
        economic(budget.basicEconomic, scope: "基本支出经济科目")
        economic(budget.generalEconomic, scope: "一般公共预算经济科目")
        economic(budget.governmentEconomic, scope: "政府经济科目")
        for column in ["人员经费", "公用经费", "基本支出"] {
            book.sum("分组合计.一般公共预算.\(column)", of: budget.basicEconomic.filter { $0.depth == 1 }.map { "基本支出经济科目[\($0.code)].\(column)" },
                     kind: .subjects)
        }
        threePublic()
        book.sum("政府采购.合计", of: ["政府采购.货物", "政府采购.工程", "政府采购.服务"])
        let items = (budget.procurement?.items ?? []).indices.map { "政府采购.明细[\($0 + 1)]" }
        book.sum("政府采购.合计", of: items.map { "\($0).金额" }, kind: .subjects)
        book.sum("政府采购.中小企业预留", of: items.map { "\($0).预留" }, kind: .subjects)
        for item in items { book.sum("\(item).金额", of: SourceGroups.groups.map { "\(item).来源.\($0)" }) }
        book.sum("政府采购.合计", of: SourceGroups.groups.map { "政府采购.来源.\($0)" }, kind: .sources)
        for group in SourceGroups.groups { book.sum("政府采购.来源.\(group)", of: items.map { "\($0).来源.\(group)" }, kind: .subjects) }
        assets()
        projects()
    }

    private func functional(_ rows: [SubjectRow], scope: String, total: String) {
        columns(total)
        let children = Self.children(rows.map { ($0.code, $0.depth) })
        for row in rows {
            let id = "\(scope)[\(row.code)]"
            columns(id)
            sources(SourceNames(root: id, group: { "\(id).来源.\($0)" }, source: { "\(id).资金来源.\($0)" }, carryOver: "\(id).上年结转"))
            book.sum("\(id).项目支出", of: Self.projectClasses.map { "\(id).\($0)" })
            guard let children = children[row.code] else { continue }
            let prefixes = children.map { "\(scope)[\($0.code)]." }
            for column in Self.subjectColumns {
                book.sum("\(id).\(column)", of: prefixes.map { $0 + column }, kind: .subjects)
            }
        }
        let categories = rows.filter { $0.depth == 1 }.map { "\(scope)[\($0.code)]." }
        for column in Self.categoryColumns {
            book.sum("\(total).\(column)", of: categories.map { $0 + column }, kind: .subjects)
        }
        book.sum("\(total).项目支出", of: Self.projectClasses.map { "\(total).\($0)" })
    }

    /// Each row's child rows (one level down, code extending the parent's), found in one pass.
    static func children(_ rows: [(code: String, depth: Int)]) -> [String: [(code: String, depth: Int)]] {
        let byCode = Set(rows.map(\.code))
        var children: [String: [(code: String, depth: Int)]] = [:]
        for row in rows where row.depth > 1 {
            let parent = String(row.code.prefix(row.code.count == 7 ? 5 : 3))
            if byCode.contains(parent) { children[parent, default: []].append(row) }
        }
        return children
    }

    /// 合计 = 基本支出 + 项目支出 + …; 基本支出 = 人员经费 + 公用经费.
    private func columns(_ id: String) {
        book.sum("\(id).合计", of: Self.spendingColumns.map { "\(id).\($0)" })
        book.sum("\(id).基本支出", of: ["\(id).人员经费", "\(id).公用经费"])
    }

    private func income() {
        sources(SourceNames(root: "收入", group: { "收入.\($0)" }, source: { "收入来源.\($0)" }, carryOver: "收入.上年结转结余"))
        book.sum("收入.财政拨款总计", of: ["收入.财政拨款", "收入.财政拨款结转"], kind: .sources)
        book.sum("收入.财政拨款总计", of: ["收入.上级安排", "收入.本级安排"], kind: .sources)
        book.sum("收入.上年结转结余", of: ["收入.财政拨款结转", "收入.非财政拨款结转结余"], kind: .sources)
    }

    /// How one record names its amounts by fund source.
    struct SourceNames {
        let root: String
        let group: (String) -> String
        let source: (String) -> String
        let carryOver: String
    }

    /// By fund source: 合计 = 本年 + 上年结转 (or the six groups); 本年 = its five groups, or
    /// 财政拨款 + 财政专户 + 单位资金; 财政拨款 = its three groups; a group = its sources.
    private func sources(_ names: SourceNames) {
        let root = names.root
        book.sum("\(root).合计", of: ["\(root).本年", names.carryOver], kind: .sources)
        book.sum("\(root).合计", of: SourceGroups.groups.map(names.group), kind: .sources)
        book.sum("\(root).本年", of: Self.thisYearGroups.map(names.group), kind: .sources)
        book.sum("\(root).本年", of: ["\(root).财政拨款", names.group("财政专户"), names.group("单位资金")], kind: .sources)
        book.sum("\(root).财政拨款", of: Self.appropriationGroups.map(names.group), kind: .sources)
        for (group, sources) in Self.groupSources {
            book.sum(names.group(group), of: sources.map(names.source), kind: .sources)
        }
    }

    private func economic(_ rows: [EconomicRow], scope: String) {
        let children = Self.children(rows.map { ($0.code, $0.depth) })
        for row in rows {
            let id = "\(scope)[\(row.code)]"
            book.sum("\(id).合计", of: ["\(id).基本支出", "\(id).项目支出"])
            book.sum("\(id).合计", of: ["\(id).人员经费", "\(id).公用经费", "\(id).项目支出"])
            book.sum("\(id).基本支出", of: ["\(id).人员经费", "\(id).公用经费"])
            let children = children[row.code] ?? []
            for column in ["合计", "基本支出", "人员经费", "公用经费", "项目支出"] {
                book.sum("\(id).\(column)", of: children.map { "\(scope)[\($0.code)].\(column)" }, kind: .subjects)
            }
        }
    }

    private func threePublic() {
        book.sum("三公.合计", of: ["三公.小计", "三公.会议费", "三公.培训费"])
        book.sum("三公.小计", of: ["三公.因公出国", "三公.公务用车", "三公.公务接待"])
        book.sum("三公.因公出国", of: ["三公.教学科研人员因公出国", "三公.其他因公出国"])
        book.sum("三公.公务用车", of: ["三公.公务用车购置", "三公.公务用车运行维护"])
    }

    private func assets() {
        guard let assets = budget.assets else { return }
        book.sum("国有资产.车辆金额", of: assets.vehicles.indices.map { "国有资产.车辆[\($0 + 1)].金额" }, kind: .subjects)
        book.sum("国有资产.总额", of: ["国有资产.房屋.金额", "国有资产.办公家具.金额", "国有资产.其他.金额", "国有资产.车辆金额"]
            + assets.equipment.indices.map { "国有资产.大型设备[\($0 + 1)].金额" })
        book.sum("国有资产.总额", of: ["国有资产.房屋.金额", "国有资产.其他含家具.金额", "国有资产.车辆金额"]
            + assets.equipment.indices.map { "国有资产.大型设备[\($0 + 1)].金额" })
        book.sum("国有资产.其他含家具.金额", of: ["国有资产.办公家具.金额", "国有资产.其他.金额"])
    }

    private func projects() {
        let ids = budget.projects.indices.map { "项目[\($0 + 1)]" }
        for (id, project) in zip(ids, budget.projects) {
            book.sum("\(id).金额", of: ["\(id).财政资金", "\(id).其他资金"])
            if project.quarterlyPlan != nil {
                book.sum("\(id).金额", of: (1...4).map { "\(id).分季计划[\($0)]" }, kind: .sources)
                book.sum("\(id).累计计划[4]", of: (1...4).map { "\(id).分季计划[\($0)]" }, kind: .sources)
            }
            if !project.economic.isEmpty {
                book.sum("\(id).金额", of: TemplateContext.economicClasses.map { "\(id).经济分类类.\($0)" })
            }
        }
        book.sum("支出.项目支出", of: ids.map { "\($0).金额" }, kind: .subjects)
    }
}
