import Budget
import BudgetCore

/// The budget as template data: records with Chinese member names (docs/templates.md).
struct TemplateContext {
    let budget: Budget
    /// The figures handed out, by name, and the sums among them (for the Document's self-check).
    let book = FigureBook()
    /// The comparisons whose 原因 a template read: what the format prints a reason for.
    let reasonsRead = ReasonLog()
    let yearData: [NameKey: TemplateValue]
    /// Subject names by code, for the 类 and 款 above a 项 (built once: every row looks them up).
    let names: [String: String]
    /// The comparisons by key (比上年.<key>).
    let changes: [String: Comparison]
    /// 政府经济分类 names by code, for the 部门经济分类 rows that name their counterpart.
    let governmentNames: [String: String]

    /// `unit`: the unit the format prints amounts in (金额单位), by default the data's.
    init(budget: Budget, yearData: [NameKey: TemplateValue], unit: AmountUnit? = nil) {
        self.budget = budget
        self.unit = unit ?? budget.department.unit
        self.yearData = yearData
        self.names = Dictionary(budget.functional.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.changes = Dictionary(budget.changes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.governmentNames = Dictionary(budget.governmentEconomic.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    let unit: AmountUnit

    func record(_ name: String, _ members: [NameKey: TemplateValue]) -> TemplateRecord { TemplateRecord(name, members) }

    /// An amount named `id` for templates: the self-check knows what a cell printing it means.
    func figure(_ id: String, _ value: Money) -> Figure { book.figure(id, value) }

    /// A record of named amounts (`收入.一般公共预算`), each a figure named `name.key`.
    func figures(_ name: String, _ amounts: [String: Money]) -> TemplateRecord {
        figures(name, amounts.map { (NameKey($0.key), $0.value) })
    }

    func figures(_ name: String, _ amounts: [(key: NameKey, amount: Money)]) -> TemplateRecord {
        record(name, members(name, amounts))
    }

    /// The figures `name.key` as members, with room for `extra` more.
    func members(_ name: String, _ amounts: [(key: NameKey, amount: Money)], extra: Int = 0) -> [NameKey: TemplateValue] {
        var members: [NameKey: TemplateValue] = [:]
        members.reserveCapacity(amounts.count + extra)
        let prefix = name + "."
        for (key, amount) in amounts { members[key] = .figure(figure(prefix + key.text, amount)) }
        return members
    }

    /// `amounts` by the keys in `keys`, zero where it has none.
    private func amounts(_ keys: [NameKey], _ amounts: [String: Money]) -> [(key: NameKey, amount: Money)] {
        keys.map { ($0, amounts[$0.text] ?? .zero) }
    }

    /// The top-level names.

    /// The top-level names.
    func values() -> [NameKey: TemplateValue] {
        let department = budget.department
        let totals = budget.totals
        return [
            "单位": .record(record("单位", ["名称": .text(department.name), "编码": .text(department.code ?? ""), "层级": .text(department.level),
                                          "性质": .text(department.nature), "主管部门": .text(budget.text.supervisor ?? ""),
                                          "主管部门编码": .text(budget.text.supervisorCode ?? "")])),
            "年度": .int(department.year),
            "上年度": .int(department.year - 1),
            "金额单位": .text(unit.rawValue),
            "落款日期": .text(department.signOffDate ?? ""),
            "收入": .record(figures("收入", incomeGroups())),
            "收入来源": .record(figures("收入来源", Dictionary(uniqueKeysWithValues: SourceGroups.sources.map { ($0, budget.income.bySource[$0] ?? .zero) }))),
            "分组合计": .record(record("分组合计", Dictionary(uniqueKeysWithValues: SourceGroups.groups.map { group in
                (NameKey(group), TemplateValue.record(groupTotals(group)))
            }))),
            "支出": .record(columns("支出", totals)),
            "功能科目": .list(budget.functional.map { .record(subjectRow($0)) }),
            "分组功能科目": .record(record("分组功能科目", groupedRows())),
            "一般公共预算项": .list(generalLeavesWithPrior().map(TemplateValue.record)),
            "功能类": .lookup(SubjectLookup(name: "功能类", rows: Dictionary(budget.functional.filter { $0.depth == 1 }.map { ($0.code, subjectRow($0)) }, uniquingKeysWith: { a, _ in a }),
                                          empty: { code in subjectRow(SubjectRow(code: code, name: budget.catalogNames[code] ?? "", depth: 1, columns: ExpenditureColumns(), bySource: [:])) })),
            "分组功能类": .record(record("分组功能类", Dictionary(uniqueKeysWithValues: SourceGroups.groups.map { group in
                (NameKey(group), TemplateValue.lookup(groupCategories(group)))
            }))),
            "一般公共预算经济类": .lookup(economicLookup("一般公共预算经济类", budget.generalEconomic, scope: "一般公共预算经济科目")),
            "政府经济类": .lookup(economicLookup("政府经济类", budget.governmentEconomic, scope: "政府经济科目")),
            "基本支出经济科目": .list(budget.basicEconomic.map { .record(economicRow($0, scope: "基本支出经济科目")) }),
            "一般公共预算经济科目": .list(budget.generalEconomic.map { .record(economicRow($0, scope: "一般公共预算经济科目")) }),
            "政府经济科目": .list(budget.governmentEconomic.map { .record(economicRow($0, scope: "政府经济科目")) }),
            "三公": .record(threePublic()),
            "机关运行经费": .figure(figure("机关运行经费", budget.officeOperation)),
            "项目": .list(budget.projects.enumerated().map { .record(project($0.element, index: $0.offset)) }),
            "比上年": .record(record("比上年", Dictionary(uniqueKeysWithValues: changes.map { (NameKey($0.key), TemplateValue.change(ChangeValue($0.value, log: reasonsRead))) })
                .merging(["有": .bool(!budget.changes.isEmpty)], uniquingKeysWith: { a, _ in a }))),
            "占比": .record(record("占比", Dictionary(budget.shares.map { (NameKey($0.key), $0.percent.map(TemplateValue.percent) ?? .text("")) },
                                                   uniquingKeysWith: { a, _ in a }))),
            // Which parts of the data are empty, by the name a format's 目录 gives its 空表 (陕西 公开空表).
            "空表": .dictionary(Dictionary(uniqueKeysWithValues: emptySections().map { (NameKey($0.key), TemplateValue.bool($0.value)) })),
            "国有资产": .record(assets()),
            "政府采购": .record(procurement()),
            "文字": .record(text()),
            "年度数据": .record(record("年度数据", yearData)),
        ]
    }

    /// An income group's totals, with its projects by economic class.
    private func groupTotals(_ group: String) -> TemplateRecord {
        let id = "分组合计.\(group)"
        var members = self.members(id, columnAmounts(budget.groupTotals[group] ?? ExpenditureColumns()), extra: 1)
        let categories = (budget.functionalByGroup[group] ?? []).filter { $0.depth == 1 }
        members["项目经济分类类"] = .record(figures("\(id).项目经济分类类", ViewKeys.economicClasses.map { code in
            (code, categories.map { $0.projectEconomicClasses[code.text] ?? .zero }.sum())
        }))
        return record(id, members)
    }

    private func incomeGroups() -> [String: Money] {
        let income = budget.income
        var groups = Dictionary(uniqueKeysWithValues: SourceGroups.groups.map { ($0, income.byGroup[$0] ?? .zero) })
        groups["合计"] = budget.total
        groups["本年"] = income.thisYear
        groups["财政拨款"] = income.appropriations
        groups["财政拨款结转"] = income.appropriationCarryOver
        groups["财政拨款总计"] = income.appropriationsWithCarryOver
        groups["非财政拨款结转结余"] = income.otherCarryOver
        groups["财政拨款含结转"] = income.appropriationsWithCarryOver
        groups["上级安排"] = income.upperTransfers
        groups["本级安排"] = income.ownArrangement
        return groups
    }

    private func columns(_ name: String, _ c: ExpenditureColumns) -> TemplateRecord {
        figures(name, columnAmounts(c))
    }

    private func columnAmounts(_ c: ExpenditureColumns) -> [(key: NameKey, amount: Money)] {
        zip(ViewKeys.columns, [c.total, c.basic, c.personnel, c.publicUse, c.project, c.operating, c.remittedUpward, c.subsidiesToAffiliates])
            .map { ($0, $1) }
    }

    /// A functional row; `scope` names the list it belongs to (all sources, or one income group's).
    private func subjectRow(_ row: SubjectRow, scope: String = "功能科目") -> TemplateRecord {
        let id = "\(scope)[\(row.code)]"
        var members = self.members(id, columnAmounts(row.columns), extra: 20)
        members["编码"] = .text(row.code)
        members["名称"] = .text(row.name)
        members["级别"] = .int(row.depth)
        let sources = SourceAmounts(row.bySource)
        members["来源"] = .record(figures("\(id).来源", Array(zip(ViewKeys.groups, sources.byGroup))))
        members["财政拨款"] = .figure(figure("\(id).财政拨款", sources.appropriations))
        members["本年"] = .figure(figure("\(id).本年", row.columns.total - sources.carryOver))
        members["财政拨款含结转"] = .figure(figure("\(id).财政拨款含结转", sources.appropriationsWithCarryOver))
        members["上年结转"] = .figure(figure("\(id).上年结转", sources.carryOver))
        members["资金来源"] = .record(figures("\(id).资金来源", Array(zip(ViewKeys.sources, sources.bySource))))
        members["项目经济分类类"] = .record(figures("\(id).项目经济分类类", amounts(ViewKeys.economicClasses, row.projectEconomicClasses)))
        members["说明"] = .list((budget.text.subjectNotes[row.code] ?? []).map(TemplateValue.text))
        // Code parts for formats that print 类, 款 and 项 in separate columns (205 | 08 | 03).
        members["类名"] = .text(names[String(row.code.prefix(3))] ?? "")
        members["款名"] = .text(row.code.count >= 5 ? names[String(row.code.prefix(5))] ?? "" : "")
        members["类码"] = .text(String(row.code.prefix(3)))
        members["款码"] = .text(row.code.count >= 5 ? String(row.code.dropFirst(3).prefix(2)) : "")
        members["项码"] = .text(row.code.count == 7 ? String(row.code.suffix(2)) : "")
        let change = changes["科目/\(row.code)"]
        if let change { members["比上年"] = .change(ChangeValue(change, log: reasonsRead)) }
        members["有比上年"] = .bool(change != nil)
        return record("功能科目 \(row.code)", members)
    }

    /// The 项 of 一般公共预算 spending, with the 项 last year had and this year has not (预算数 0),
    /// in code order: the narrative lists every change, removals included.
    private func generalLeavesWithPrior() -> [TemplateRecord] {
        let current = (budget.functionalByGroup["一般公共预算"] ?? []).filter { $0.depth == 3 }
        return (current + budget.formerSubjects).sorted { $0.code < $1.code }.map { subjectRow($0, scope: "分组功能科目.一般公共预算") }
    }

    private func groupedRows() -> [NameKey: TemplateValue] {
        var groups: [NameKey: TemplateValue] = [:]
        for group in ["一般公共预算", "政府性基金", "国有资本经营", "财政专户", "单位资金", "上年结转结余"] {
            let rows = budget.functionalByGroup[group] ?? []
            groups[NameKey(group)] = .list(rows.map { .record(subjectRow($0, scope: "分组功能科目.\(group)")) })
        }
        return groups
    }

    /// One income group's 类 rows by code (`分组功能类.政府性基金[码]`), zeros for a 类 without spending.
    private func groupCategories(_ group: String) -> SubjectLookup {
        let scope = "分组功能科目.\(group)"
        let rows = (budget.functionalByGroup[group] ?? []).filter { $0.depth == 1 }
        return SubjectLookup(name: "分组功能类.\(group)", rows: Dictionary(rows.map { ($0.code, subjectRow($0, scope: scope)) }, uniquingKeysWith: { a, _ in a }),
                             empty: { code in
                                 self.subjectRow(SubjectRow(code: code, name: self.budget.catalogNames[code] ?? "", depth: 1, columns: ExpenditureColumns(), bySource: [:]),
                                                 scope: scope)
                             })
    }

    /// Economic 类 by code (`一般公共预算经济类["302"]`): a class without spending is a row of zeros.
    private func economicLookup(_ name: String, _ rows: [EconomicRow], scope: String) -> SubjectLookup {
        SubjectLookup(name: name, rows: Dictionary(rows.filter { $0.depth == 1 }.map { ($0.code, economicRow($0, scope: scope)) }, uniquingKeysWith: { a, _ in a }),
                      empty: { code in economicRow(EconomicRow(code: code, name: budget.catalogNames[code] ?? "", depth: 1, personnel: .zero, publicUse: .zero, project: .zero,
                                                               governmentCode: nil), scope: scope) })
    }

    private func economicRow(_ row: EconomicRow, scope: String) -> TemplateRecord {
        let id = "\(scope)[\(row.code)]"
        var members = self.members(id, [("合计", row.total), ("人员经费", row.personnel), ("公用经费", row.publicUse), ("项目支出", row.project),
                                        ("基本支出", row.personnel + row.publicUse)], extra: 9)
        members.merge(["编码": .text(row.code), "名称": .text(row.name), "级别": .int(row.depth), "政府经济科目": .text(row.governmentCode ?? ""),
                       "政府经济科目名称": .text(row.governmentCode.flatMap { governmentNames[$0] } ?? ""),
                       "类码": .text(String(row.code.prefix(3))), "款码": .text(row.code.count == 5 ? String(row.code.suffix(2)) : "")],
                      uniquingKeysWith: { a, _ in a })
        let key = row.code.hasPrefix("5") ? "政府经济科目/\(row.code)" : "经济科目/\(row.code)"
        let change = changes[key]
        if let change { members["比上年"] = .change(ChangeValue(change, log: reasonsRead)) }
        members["有比上年"] = .bool(change != nil)
        return record("经济科目 \(row.code)", members)
    }

    private func emptySections() -> [String: Bool] {
        ["": false,
         "政府性基金": (budget.income.byGroup["政府性基金"] ?? .zero).isZero,
         "项目": budget.projects.isEmpty,
         "政府采购": (budget.procurement?.total ?? .zero).isZero,
         "三公": budget.threePublic.total.isZero,
         "整体绩效": (budget.text.performance?.indicators ?? []).isEmpty,
         "专项资金": !budget.projects.contains { $0.text.category == "专项资金" }]
    }

    private func threePublic() -> TemplateRecord {
        let three = budget.threePublic
        func item(_ key: String) -> Money { three.items[key] ?? .zero }
        return figures("三公", ["合计": three.total, "小计": three.subtotal, "因公出国": three.overseas, "公务用车": three.vehicles,
                                "公务用车购置": item("公务用车购置"), "公务用车运行维护": item("公务用车运行维护"),
                                "公务接待": item("公务接待"), "会议费": item("会议费"), "培训费": item("培训费"),
                                "教学科研人员因公出国": item("教学科研人员因公出国"), "其他因公出国": item("因公出国")])
    }

    private func project(_ project: DerivedProject, index: Int) -> TemplateRecord {
        let text = project.text
        let id = "项目[\(index + 1)]"
        return record("项目", [
            "序号": .int(index + 1), "名称": .text(project.name), "编码": .text(project.code ?? ""), "功能科目": .text(project.subject),
            "功能科目名称": .text(project.subjectName), "资金来源": .text(project.source), "金额": .figure(figure("\(id).金额", project.amount)),
            "财政资金": .figure(figure("\(id).财政资金", project.appropriated)), "其他资金": .figure(figure("\(id).其他资金", project.otherFunds)),
            // Four quarter ends always (zeros without a plan, which 金额或空 leaves blank); 有计划 tells them apart.
            "累计计划": .list((project.cumulativePlan ?? Array(repeating: .zero, count: 4)).enumerated().map {
                .figure(figure("\(id).累计计划[\($0.offset + 1)]", $0.element))
            }),
            "分季计划": .list((project.quarterlyPlan ?? Array(repeating: .zero, count: 4)).enumerated().map {
                .figure(figure("\(id).分季计划[\($0.offset + 1)]", $0.element))
            }),
            "有计划": .bool(project.cumulativePlan != nil),
            "类别": .text(text.category ?? ""), "用途": .text(text.purpose.joined(separator: "\n")), "政策依据": .text(text.policyBasis ?? ""),
            "承担单位": .text(text.undertaker ?? ""), "资金分配": .text(text.allocation.joined(separator: "\n")), "执行时间": .text(text.period ?? ""),
            "负责人": .text(text.manager ?? ""), "总体目标": text.overallGoal.templateValue, "绩效目标": text.goals.templateValue,
            "指标": .list(text.indicators.map { .record(indicator($0)) }), "其他事项": text.extras.templateValue,
            "经济分类": .record(figures("\(id).经济分类", project.economic)),
            "经济分类类": .record(figures("\(id).经济分类类", amounts(ViewKeys.economicClasses, project.economicClasses))),
        ])
    }

    private func indicator(_ i: BudgetText.Indicator) -> TemplateRecord {
        record("指标", ["一级": .text(i.level1), "二级": .text(i.level2), "三级": .text(i.level3), "描述": .text(i.description),
                        "指标值": .text(i.value), "依据": .text(i.basis), "权重": .text(i.weight), "上年完成值": .text(i.priorValue),
                        "赋分规则": .text(i.scoringRule), "佐证资料": .text(i.evidence), "备注": .text(i.remark)])
    }

    private func assets() -> TemplateRecord {
        guard let assets = budget.assets else { return record("国有资产", ["有": .bool(false)]) }
        func holding(_ name: String, _ h: AssetSummary.Holding?) -> TemplateValue {
            .record(record("国有资产.\(name)", ["有": .bool(h != nil), "数量": .int(h?.count ?? 0), "面积": .text(h?.area ?? ""),
                                                "金额": .figure(figure("国有资产.\(name).金额", h?.value ?? Money.zero))]))
        }
        return record("国有资产", ["有": .bool(true), "截止日期": .text(assets.asOf), "总数": .int(assets.totalCount),
                                   "总额": .figure(figure("国有资产.总额", assets.totalValue)),
                                   "车辆数": .int(assets.vehicleCount), "车辆金额": .figure(figure("国有资产.车辆金额", assets.vehicleValue)),
                                   "拟购置": .figure(figure("国有资产.拟购置", assets.plannedPurchase)),
                                   "房屋": holding("房屋", assets.buildings), "办公用房": holding("办公用房", assets.offices),
                                   "办公家具": holding("办公家具", assets.furniture), "其他": holding("其他", assets.other),
                                   "其他含家具": holding("其他含家具", assets.otherWithFurniture),
                                   "车辆": .list(assets.vehicles.enumerated().map { index, vehicle in
                                       .record(record("车辆", ["类型": .text(vehicle.kind), "数量": .int(vehicle.count),
                                                             "金额": .figure(figure("国有资产.车辆[\(index + 1)].金额", vehicle.value))]))
                                   }),
                                   "大型设备": .list(assets.equipment.enumerated().map { index, equipment in
                                       .record(record("大型设备", ["单价标准": .text(equipment.threshold), "数量": .int(equipment.count),
                                                                "金额": .figure(figure("国有资产.大型设备[\(index + 1)].金额", equipment.value))]))
                                   })])
    }

    private func procurement() -> TemplateRecord {
        guard let p = budget.procurement else {
            return record("政府采购", ["有": .bool(false), "合计": .figure(figure("政府采购.合计", .zero)), "明细": .list([])])
        }
        var members = self.members("政府采购", [("合计", p.total), ("货物", p.goods), ("工程", p.works), ("服务", p.services),
                                                ("中小企业预留", p.smallBusinessReserve), ("小微企业预留", p.microBusinessReserve)], extra: 3)
        members["有"] = .bool(!p.total.isZero)
        members["来源"] = .record(figures("政府采购.来源", amounts(ViewKeys.groups, p.itemsByGroup)))
        members["明细"] = .list(p.items.enumerated().map { index, item in .record(procurementItem(item, id: "政府采购.明细[\(index + 1)]")) })
        return record("政府采购", members)
    }

    /// One 明细 line; its amount also under its income group (`来源.一般公共预算`), zero under the others.
    private func procurementItem(_ item: ProcurementSummary.Item, id: String) -> TemplateRecord {
        let group = SourceGroups.group(of: item.source)
        return record("政府采购.明细", [
            "项目名称": .text(item.projectName), "名称": .text(item.item), "类型": .text(item.kind), "目录序号": .text(item.catalogNumber ?? ""),
            "计量单位": .text(item.measure ?? ""), "数量": .text(item.quantity.map(String.init) ?? ""), "资金来源": .text(item.source),
            "单价": .figure(figure("\(id).单价", item.unitPrice ?? .zero)), "金额": .figure(figure("\(id).金额", item.amount)),
            "预留": .figure(figure("\(id).预留", item.reserved)),
            "来源": .record(figures("\(id).来源", ViewKeys.groups.map { ($0, $0.text == group ? item.amount : .zero) })),
        ])
    }

    private func text() -> TemplateRecord {
        let t = budget.text
        let staff = ["编制", "行政编制", "事业编制", "实有", "实有行政", "实有事业", "在职", "在职增加", "退休", "退休增加", "离休", "离休增加"]
        return record("文字", [
            "职责": t.duties.templateValue, "工作任务": t.tasks.templateValue, "机构设置说明": t.organization.templateValue,
            "机构": .list(t.institutions.map { .record(record("机构", ["名称": .text($0.name), "性质": .text($0.nature), "规格": .text($0.rank),
                                                                       "经费保障形式": .text($0.funding)])) }),
            "人员": .record(record("人员", Dictionary(uniqueKeysWithValues: staff.map { (NameKey($0), TemplateValue.int(t.staff[$0] ?? 0)) })
                .merging(["截止日期": .text(t.staffDate ?? "")], uniquingKeysWith: { a, _ in a }))),
            "机关运行经费用途": .text(t.officeOperationUses.joined(separator: "、")),
            "项目支出说明": .text(t.projectSummary ?? ""),
            "总体绩效目标": (t.performance?.overallGoal ?? []).templateValue,
            "分项绩效": .list((t.performance?.parts ?? []).map {
                .record(record("分项", ["名称": .text($0.name), "职责描述": .text($0.duty.joined(separator: "\n")),
                                        "绩效目标": .text($0.goal.joined(separator: "\n"))]))
            }),
            "保障措施": (t.performance?.measures ?? []).templateValue,
            "其他说明": t.otherNotes.templateValue, "联系人": .text(t.contactName ?? ""), "联系电话": .text(t.contactPhone ?? ""),
            "保密审查": .text(t.secrecyReview ?? ""), "负责人审签": .text(t.headApproval ?? ""),
            // Optional text: a table without a typed reason prints none (a plain mapping, not strict).
            "空表理由": .dictionary(Dictionary(uniqueKeysWithValues: t.emptyTableReasons.map { (NameKey($0.key), TemplateValue.text($0.value)) })),
            "绩效任务": .list((t.performance?.tasks ?? []).enumerated().map { index, task in
                .record(record("绩效任务", ["名称": .text(task.name), "内容": .text(task.content),
                                           "金额": .figure(figure("绩效任务[\(index + 1)].金额", task.amount ?? Money.zero)),
                                           "其他资金": .figure(figure("绩效任务[\(index + 1)].其他资金", task.otherFunds ?? Money.zero))]))
            }),
            "绩效指标": .list((t.performance?.indicators ?? []).map { .record(indicator($0)) }),
            "主管部门": .text(t.supervisor ?? ""),
        ])
    }
}

extension TemplateContext {
    /// The 类 of 部门经济分类, for tables with a column each.
    static let economicClasses = ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]
}

/// The member names every document's view uses, made once.
enum ViewKeys {
    static let columns: [NameKey] = ["合计", "基本支出", "人员经费", "公用经费", "项目支出", "经营支出", "上缴上级支出", "对附属单位补助支出"]
    static let groups = SourceGroups.groups.map { NameKey($0) }
    static let sources = SourceGroups.sources.map { NameKey($0) }
    static let economicClasses = TemplateContext.economicClasses.map { NameKey($0) }
}

/// A row's amounts by fund source, read in one pass (SubjectRow's `byGroup`, `appropriations` …
/// each read them again): by source and by group in the order of SourceGroups.
struct SourceAmounts {
    private(set) var bySource = Array(repeating: Money.zero, count: FundSource.allCases.count)
    private(set) var byGroup = Array(repeating: Money.zero, count: FundSource.Group.allCases.count)
    private(set) var appropriations = Money.zero
    private(set) var carryOver = Money.zero
    private(set) var appropriationsWithCarryOver = Money.zero

    /// Each source's place, itself and its group's place (FundSource's enums hash their Chinese raw values).
    private static let sources = Dictionary(uniqueKeysWithValues: FundSource.allCases.enumerated().map { index, source in
        (NameKey(source.rawValue), (index, source, FundSource.Group.allCases.firstIndex(of: source.group)!))
    })
    private static let carryOverIndex = FundSource.Group.allCases.firstIndex(of: .carryOver)!

    init(_ amounts: [String: Money]) {
        for (name, amount) in amounts {
            // A source gongkai does not know counts as carried over, as SubjectRow.byGroup has it.
            guard let (index, source, group) = Self.sources[NameKey(name)] else {
                byGroup[Self.carryOverIndex] += amount
                continue
            }
            bySource[index] += amount
            byGroup[group] += amount
            if source.isAppropriation { appropriations += amount }
            if source.group == .carryOver { carryOver += amount }
            if source.isAppropriation || source.isAppropriationCarryOver { appropriationsWithCarryOver += amount }
        }
    }
}

/// 类 rows by code (功能类, 一般公共预算经济类, 政府经济类): a category the budget does not spend on
/// is a row of zeros (a 收支总表 lists every category); anything that is not a code is a template mistake.
/// A row of zeros is made once, when first asked for.
final class SubjectLookup: @unchecked Sendable {
    let name: String
    let rows: [String: TemplateRecord]
    private let empty: (String) -> TemplateRecord
    private var made: [String: TemplateRecord] = [:]

    init(name: String, rows: [String: TemplateRecord], empty: @escaping (String) -> TemplateRecord) {
        self.name = name
        self.rows = rows
        self.empty = empty
    }

    subscript(member: String) -> TemplateRecord? {
        if let row = rows[member] { return row }
        guard member.count == 3, member.allSatisfy(\.isNumber) else { return nil }
        if let row = made[member] { return row }
        let row = empty(member)
        made[member] = row
        return row
    }

    func missing(_ member: String) -> String { "\(name).\(member)（应为三位类编码）" }
}

/// A year-over-year comparison as template data; the 增减 filter words it.
final class ChangeValue: Sendable {
    static let members = ["本年", "上年", "增减额", "方向", "原因", "名称"]
    let comparison: Comparison
    let log: ReasonLog

    init(_ comparison: Comparison, log: ReasonLog) {
        self.comparison = comparison
        self.log = log
    }

    subscript(member: String) -> TemplateValue? {
        switch member {
        case "本年": return .money(comparison.change.current)
        case "上年": return .money(comparison.change.prior)
        case "增减额": return .money(comparison.change.delta.magnitude)
        case "方向": return .text(comparison.change.direction.rawValue)
        case "原因":
            log.record(comparison.key)
            return .text(comparison.reason ?? "")
        case "名称": return .text(comparison.label)
        default: return nil
        }
    }

    /// A misspelt member is the template's mistake, not an empty text.
    func missing(_ member: String) -> String {
        "比上年.\(comparison.key).\(member)（可用：\(Self.members.joined(separator: "、"))）"
    }
}

/// The keys of the comparisons whose 原因 the templates read (one document renders on one thread).
final class ReasonLog: @unchecked Sendable {
    private(set) var keys: Set<String> = []

    func record(_ key: String) { keys.insert(key) }
}

/// Fund sources and income groups by name, from the one definition in BudgetCore.
enum SourceGroups {
    static let groups = FundSource.Group.allCases.map(\.rawValue)
    static let sources = FundSource.allCases.map(\.rawValue)

    static func group(of source: String) -> String {
        FundSource(rawValue: source)?.group.rawValue ?? FundSource.Group.carryOver.rawValue
    }
}
