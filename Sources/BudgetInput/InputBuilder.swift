import BudgetCore

/// Turns the shape-checked record into the typed `BudgetInput`.
struct InputBuilder {
    let file: String
    let unit: AmountUnit
    var diagnostics: [Diagnostic] = []

    init(file: String, unit: AmountUnit) {
        self.file = file
        self.unit = unit
    }

    mutating func build(_ root: InputRecord) -> BudgetInput? {
        guard let name = root.text("名称"), let year = root.integer("年度"), let format = root.text("格式") else {
            return nil // the shape reader reported what is missing
        }
        let economic = root.record("基本支出经济分类")
        var projects: [Project] = []
        for record in root.records("项目") { if let project = project(record) { projects.append(project) } }
        let performance = root.record("部门整体绩效").map { departmentPerformance($0) }
        let office = root.record("机关运行经费")
        let contact = root.record("联系人")
        return BudgetInput(
            file: file,
            name: name,
            code: root.text("编码"),
            year: year,
            format: format,
            unit: unit,
            level: root.text("层级").flatMap { BudgetInput.Level(rawValue: $0.value) } ?? .department,
            nature: root.text("单位性质").flatMap { BudgetInput.Nature(rawValue: $0.value) } ?? .administrative,
            supervisor: root.text("主管部门"),
            supervisorCode: root.text("主管部门编码"),
            overview: overview(root.record("概况")),
            units: root.records("所属单位").compactMap(memberUnit),
            unitsLocation: root.keyLocations["所属单位"],
            expenditures: root.records("支出").compactMap(expenditureRow),
            basicEconomic: BasicEconomic(
                personnel: economicLines(economic?.dictionary("人员经费") ?? []),
                publicUse: economicLines(economic?.dictionary("公用经费") ?? []),
                location: economic == nil ? nil : root.keyLocations["基本支出经济分类"] ?? economic?.location),
            projects: projects,
            projectSummary: root.text("项目支出说明"),
            governmentCodes: Dictionary(root.dictionary("政府经济科目对应").compactMap { pair in
                if case .text(let code) = pair.value { return (pair.key.value, code) }
                return nil
            }, uniquingKeysWith: { first, _ in first }),
            subjectNames: Dictionary(root.dictionary("科目名称").compactMap { pair in
                if case .text(let name) = pair.value { return (pair.key.value, name) }
                return nil
            }, uniquingKeysWith: { first, _ in first }),
            threePublic: threePublic(root.record("三公经费")),
            threePublicLocation: root.record("三公经费")?.location,
            officeOperation: office.map { OfficeOperation(stated: $0.amount("金额"), uses: $0.paragraphs("用途"), location: $0.location) },
            procurement: root.record("政府采购").map(procurement),
            assets: root.record("国有资产").flatMap(assets),
            performance: performance,
            prior: prior(root["上年"]),
            reasons: reasons(root.record("增减原因")),
            reasonsLocation: root.keyLocations["增减原因"],
            priorKeyLocation: root.keyLocations["上年"],
            stated: figures(root.record("核对数")),
            otherNotes: root.paragraphs("其他说明"),
            subjectNotes: Dictionary(root.dictionary("科目说明").map { pair in
                (pair.key.value, Self.paragraphs(pair.value))
            }, uniquingKeysWith: { first, _ in first }),
            secrecyReview: root.text("保密审查"),
            headApproval: root.text("负责人审签"),
            emptyTableReasons: root.dictionary("空表理由").compactMap { pair in
                if case .text(let reason) = pair.value { return (pair.key, reason) }
                return nil
            },
            glossary: root.records("名词解释").compactMap { entry in
                guard let term = entry.text("词"), let meaning = entry.text("解释") else { return nil }
                return (term, meaning)
            },
            contactName: contact?.text("姓名"),
            contactPhone: contact?.text("电话"),
            signOffDate: root.text("落款日期"))
    }

    static func paragraphs(_ value: InputValue) -> [Located<String>] {
        switch value {
        case .text(let text): return [text]
        case .list(let items, _): return items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
        default: return []
        }
    }

    private func source(_ record: InputRecord) -> Located<FundSource> {
        if let typed = record.text("资金来源"), let source = FundSource(rawValue: typed.value) {
            return Located(source, at: typed.location)
        }
        return Located(.general, at: record.location)
    }

    /// Nil when the row's 科目 was missing or malformed (already reported).
    private func expenditureRow(_ row: InputRecord) -> ExpenditureRow? {
        guard let subject = row.text("科目") else { return nil }
        return ExpenditureRow(
            subject: subject,
            name: row.text("名称"),
            source: source(row),
            personnel: row.amount("人员经费"),
            publicUse: row.amount("公用经费"),
            basic: row.amount("基本支出"),
            project: row.amount("项目支出"),
            operating: row.amount("经营支出"),
            remittedUpward: row.amount("上缴上级支出"),
            subsidiesToAffiliates: row.amount("对附属单位补助支出"),
            location: row.location)
    }

    private func economicLines(_ pairs: [(key: Located<String>, value: InputValue)]) -> [EconomicLine] {
        pairs.compactMap { pair in
            switch pair.value {
            case .amount(let amount):
                return EconomicLine(code: pair.key, name: nil, amount: amount)
            case .record(let record):
                guard let amount = record.amount("金额") else { return nil }
                return EconomicLine(code: pair.key, name: record.text("名称"), amount: amount)
            default:
                return nil
            }
        }
    }

    private mutating func indicators(_ records: [InputRecord]) -> [Indicator] {
        var previous: (Located<String>, Located<String>)?
        var result: [Indicator] = []
        // Rows after an unreadable one have nothing to inherit: one error, at the row to fix.
        var reported = false
        for record in records {
            let level1 = record.text("一级指标") ?? previous?.0
            let level2 = record.text("二级指标") ?? (record.text("一级指标") == nil ? previous?.1 : nil)
            guard let level1, let level2, let level3 = record.text("三级指标") else {
                if record.text("三级指标") != nil, !reported {
                    reported = true
                    let message = previous == nil
                        ? "第一行指标须写出“一级指标”和“二级指标”（之后的行省略时沿用上一行）"
                        : "这一行换了“一级指标”，须同时写出“二级指标”（只有一级指标不变时才沿用上一行的二级指标）"
                    diagnostics.append(.error("indicator.levels", message, at: record.location))
                }
                continue
            }
            previous = (level1, level2)
            result.append(Indicator(
                level1: level1, level2: level2, level3: level3,
                description: record.text("描述"), value: record.text("指标值"), basis: record.text("依据"),
                weight: record.text("分值权重"), priorValue: record.text("上年完成值"),
                scoringRule: record.text("赋分规则"), evidence: record.text("佐证资料"), remark: record.text("备注")))
        }
        return result
    }

    /// Nil when the project's 名称 or 功能科目 was missing or malformed (already reported).
    private mutating func project(_ record: InputRecord) -> Project? {
        guard let name = record.text("名称"), let subject = record.text("功能科目") else { return nil }
        let plan = record.record("支出计划")
        return Project(
            name: name,
            code: record.text("编码"),
            subject: subject,
            source: source(record),
            amount: record.amount("金额"),
            economic: economicLines(record.dictionary("经济分类")),
            category: record.text("类别"),
            purpose: record.paragraphs("用途"),
            policyBasis: record.text("政策依据"),
            undertaker: record.text("承担单位"),
            supervisor: record.text("主管部门"),
            allocation: record.paragraphs("资金分配"),
            period: record.text("执行时间"),
            manager: record.text("负责人"),
            extras: record.dictionary("其他事项").compactMap { pair in
                if case .text(let value) = pair.value { return (pair.key, value) }
                return nil
            },
            quarterlyPlan: plan.map { plan in ["一季度", "二季度", "三季度", "四季度"].map { plan.amount($0) } },
            planLocation: plan?.location,
            overallGoal: record.paragraphs("总体目标"),
            goals: record.paragraphs("绩效目标"),
            indicators: indicators(record.records("指标")),
            location: record.location)
    }

    private func overview(_ record: InputRecord?) -> Overview {
        guard let record else {
            return Overview(duties: [], tasks: [], organizationText: [], institutions: [], staff: [:], staffDate: nil)
        }
        var staff: [String: Located<Int>] = [:]
        let staffRecord = record.record("人员")
        for (key, value) in staffRecord?.values ?? [:] {
            if case .integer(let count) = value { staff[key] = count }
        }
        return Overview(
            duties: record.paragraphs("职责"),
            tasks: record.paragraphs("工作任务"),
            organizationText: record.paragraphs("机构设置说明"),
            institutions: record.records("机构").compactMap { row in
                guard let name = row.text("名称") else { return nil }
                return Overview.Institution(name: name, nature: row.text("性质"), rank: row.text("规格"), funding: row.text("经费保障形式"))
            },
            staff: staff,
            staffDate: staffRecord?.text("截止日期"))
    }

    /// Nil when the unit's 名称 or 类型 was missing or malformed (already reported).
    private func memberUnit(_ record: InputRecord) -> MemberUnit? {
        guard let name = record.text("名称"), let typed = record.text("类型"),
              let kind = BudgetInput.Nature(rawValue: typed.value) else { return nil }
        return MemberUnit(name: name, kind: Located(kind, at: typed.location), publicUse: record.amount("公用经费"),
                          location: record.location)
    }

    private func threePublic(_ record: InputRecord?) -> [ThreePublicItem: Located<Money>] {
        var items: [ThreePublicItem: Located<Money>] = [:]
        for item in ThreePublicItem.allCases {
            if let amount = record?.amount(item.rawValue) { items[item] = amount }
        }
        return items
    }

    private func procurement(_ record: InputRecord) -> Procurement {
        Procurement(
            goods: record.amount("货物"), works: record.amount("工程"), services: record.amount("服务"),
            smallBusinessReserve: record.amount("中小企业预留"), microBusinessReserve: record.amount("小微企业预留"),
            items: record.records("明细").compactMap { row in
                guard let projectName = row.text("项目名称"), let item = row.text("品目"), let kind = row.text("类别"),
                      let amount = row.amount("金额") else { return nil }
                return Procurement.Item(
                    projectName: projectName, item: item, kind: kind, catalogNumber: row.text("目录序号"),
                    measure: row.text("计量单位"), quantity: row.integer("数量"), unitPrice: row.amount("单价"),
                    amount: amount, source: source(row), reservedForSmallBusiness: row.amount("中小企业预留"))
            },
            location: record.location)
    }

    private func holding(_ record: InputRecord?) -> Assets.Holding? {
        guard let record else { return nil }
        return Assets.Holding(count: record.integer("数量"), area: record.text("面积"), value: record.amount("金额"))
    }

    private func assets(_ record: InputRecord) -> Assets? {
        guard let asOf = record.text("截止日期") else { return nil }
        let planned = record.record("拟购置")
        return Assets(
            asOf: asOf,
            statedTotal: holding(record.record("资产总额")),
            buildings: holding(record.record("房屋")),
            offices: holding(record.record("办公用房")),
            vehicles: record.records("车辆").compactMap { row in
                guard let kind = row.text("类型"), let count = row.integer("数量") else { return nil }
                return Assets.Vehicles(kind: kind, count: count, value: row.amount("金额"))
            },
            equipment: record.records("大型设备").compactMap { row in
                guard let threshold = row.text("单价标准"), let count = row.integer("数量") else { return nil }
                return Assets.Equipment(threshold: threshold, count: count, value: row.amount("金额"))
            },
            furniture: holding(record.record("办公家具")),
            other: holding(record.record("其他")),
            plannedPurchase: planned?.amount("金额"),
            plannedVehicles: planned?.integer("车辆"),
            plannedEquipment: planned?.integer("大型设备"),
            location: record.location)
    }

    private mutating func departmentPerformance(_ record: InputRecord) -> DepartmentPerformance {
        DepartmentPerformance(
            overallGoal: record.paragraphs("总体目标"),
            parts: record.records("分项").compactMap { row in
                guard let name = row.text("名称") else { return nil }
                return DepartmentPerformance.Part(name: name, duty: row.paragraphs("职责描述"), goal: row.paragraphs("绩效目标"))
            },
            measures: record.paragraphs("保障措施"),
            tasks: record.records("任务").compactMap { row in
                guard let name = row.text("名称") else { return nil }
                return DepartmentPerformance.Task(name: name, content: row.text("内容"), amount: row.amount("金额"), otherFunds: row.amount("其他资金"))
            },
            indicators: indicators(record.records("指标")))
    }

    private func prior(_ value: InputValue?) -> PriorYear? {
        switch value {
        case .text(let path)?:
            return PriorYear(file: path, input: nil, stated: FigureSet(), location: path.location)
        case .record(let record)?:
            return PriorYear(file: record.text("文件"), input: nil, stated: figures(record), location: record.location)
        default:
            return nil
        }
    }

    private func figures(_ record: InputRecord?) -> FigureSet<Located<Money>> {
        figureSet(record) { if case .amount(let amount) = $0 { return amount } else { return nil } }
    }

    private func reasons(_ record: InputRecord?) -> FigureSet<Located<String>> {
        figureSet(record) { if case .text(let text) = $0 { return text } else { return nil } }
    }

    /// 上年, 增减原因 and 核对数 address the same figures; only the kind of value differs.
    private func figureSet<Value>(_ record: InputRecord?, _ read: (InputValue) -> Value?) -> FigureSet<Value> {
        var set = FigureSet<Value>()
        guard let record else { return set }
        func value(_ key: String) -> Value? { record[key].flatMap(read) }
        func codes(_ key: String) -> [String: Value] {
            Dictionary(record.dictionary(key).compactMap { pair in read(pair.value).map { (pair.key.value, $0) } },
                       uniquingKeysWith: { first, _ in first })
        }
        set.total = value("合计")
        set.basic = value("基本支出")
        set.personnel = value("人员经费")
        set.publicUse = value("公用经费")
        set.project = value("项目支出")
        set.officeOperation = value("机关运行经费")
        set.procurement = value("政府采购")
        for (key, amount) in codes("收入") { if let source = FundSource(rawValue: key) { set.income[source] = amount } }
        set.functional = codes("科目")
        set.economic = codes("经济科目")
        set.governmentEconomic = codes("政府经济科目")
        switch record["三公经费"] {
        case .record(let items)?:
            for item in ThreePublicItem.allCases { if let v = items[item.rawValue].flatMap(read) { set.threePublic[item] = v } }
        case .dictionary?:
            for (key, v) in codes("三公经费") { if let item = ThreePublicItem(rawValue: key) { set.threePublic[item] = v } }
        case let single?:
            set.threePublicTotal = read(single)
        case nil:
            break
        }
        return set
    }
}
