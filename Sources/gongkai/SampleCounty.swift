import BudgetCore
import Foundation

/// `gongkai sample`: plausible departments of one county for tests and benchmarks. Each passes
/// `check`: the same shape as a real department (subjects, economic classes that add up, projects
/// with performance targets, last year's totals and reasons), amounts varied deterministically by
/// the department's number. Not real data: the subject names it needs beyond the bundled catalog
/// are written into each file's 科目名称.
enum SampleCounty {
    /// A kind of county department: its name and its functional subjects (款, its 行政运行 项 and
    /// the 项 its projects go under), with the projects it typically has.
    struct Kind {
        let name: String
        let section: (code: String, name: String)
        let projectSubject: (code: String, name: String)
        let projects: [String]

        var running: String { section.code + "01" }
    }

    static let kinds: [Kind] = [
        Kind(name: "教育局", section: ("20501", "教育管理事务"), projectSubject: ("2050199", "其他教育管理事务支出"),
             projects: ["教育信息化建设经费", "校园安全管理经费", "教学质量监测经费"]),
        Kind(name: "卫生健康局", section: ("21001", "卫生健康管理事务"), projectSubject: ("2100199", "其他卫生健康管理事务支出"),
             projects: ["基层医疗卫生机构绩效考核经费", "卫生健康宣传经费", "爱国卫生运动经费"]),
        Kind(name: "文化广电和旅游局", section: ("20701", "文化和旅游"), projectSubject: ("2070199", "其他文化和旅游支出"),
             projects: ["公共文化服务活动经费", "文物保护巡查经费", "旅游宣传推介经费"]),
        Kind(name: "农业农村局", section: ("21301", "农业农村"), projectSubject: ("2130199", "其他农业农村支出"),
             projects: ["农业技术推广经费", "动物疫病防控经费", "农产品质量安全检测经费"]),
        Kind(name: "人力资源和社会保障局", section: ("20801", "人力资源和社会保障管理事务"), projectSubject: ("2080199", "其他人力资源和社会保障管理事务支出"),
             projects: ["就业服务经费", "劳动保障监察经费", "职业技能培训组织经费"]),
        Kind(name: "民政局", section: ("20802", "民政管理事务"), projectSubject: ("2080299", "其他民政管理事务支出"),
             projects: ["社会救助审核经费", "婚姻登记服务经费", "社区治理经费"]),
        Kind(name: "住房和城乡建设局", section: ("21201", "城乡社区管理事务"), projectSubject: ("2120199", "其他城乡社区管理事务支出"),
             projects: ["城市管理执法经费", "建筑市场监管经费", "老旧小区改造前期经费"]),
        Kind(name: "司法局", section: ("20406", "司法"), projectSubject: ("2040699", "其他司法支出"),
             projects: ["法律援助经费", "人民调解经费", "普法宣传经费"]),
    ]

    /// Department `index` (0-based) of `county` in `format`, as a data file's text.
    static func department(_ index: Int, county: String, format: String, year: Int, unit: AmountUnit) -> (name: String, text: String) {
        let amount = { (hundredths: Int) in Self.amount(hundredths, in: unit) }
        var random = Random(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let kind = kinds[index % kinds.count]
        let round = index / kinds.count
        let name = county + kind.name + (round == 0 ? "" : "（样例\(round + 1)）")
        let code = index < 800 ? String(101 + index) : String(100_000 + index)
        // Amounts in hundredths of 万元 (exact), so every part adds up to its total.
        let salaries = random.next(in: 50_00...500_00), office = random.next(in: 5_00...60_00)
        let pension = salaries * 12 / 100, annuity = pension / 2, medical = salaries * 5 / 100, housing = salaries * 8 / 100
        let basicPay = salaries * 45 / 100, allowances = salaries * 30 / 100
        let officeSupplies = office / 2, travel = office / 4
        let projects = (0..<(1 + random.next(in: 0...2))).map { (kind.projects[$0], random.next(in: 5_00...80_00)) }
        let basic = salaries + pension + annuity + medical + housing + office
        let priorBasic = basic * random.next(in: 90...110) / 100
        let priorProjects = projects.reduce(0) { $0 + $1.1 } * random.next(in: 80...120) / 100
        var lines = [
            "# 样例数据（gongkai sample 生成，不是真实的预算）：\(name) \(year) 年部门预算。",
            "名称: \(name)", "编码: \"\(code)\"", "年度: \(year)", "格式: \(format)", "金额单位: \(unit.rawValue)",
            "上年:", "  基本支出: \(amount(priorBasic))", "  项目支出: \(amount(priorProjects))",
            "支出:",
            "  - {科目: \(kind.running), 人员经费: \(amount(salaries)), 公用经费: \(amount(office))}",
            "  - {科目: 2080505, 人员经费: \(amount(pension))}",
            "  - {科目: 2080506, 人员经费: \(amount(annuity))}",
            "  - {科目: 2101101, 人员经费: \(amount(medical))}",
            "  - {科目: 2210201, 人员经费: \(amount(housing))}",
            "基本支出经济分类:", "  人员经费:",
            "    30101: \(amount(basicPay))", "    30102: \(amount(allowances))", "    30107: \(amount(salaries - basicPay - allowances))",
            "    30108: \(amount(pension))", "    30109: \(amount(annuity))", "    30110: \(amount(medical))", "    30113: \(amount(housing))",
            "  公用经费:",
            "    30201: \(amount(officeSupplies))", "    30211: \(amount(travel))", "    30299: \(amount(office - officeSupplies - travel))",
            "项目:",
        ]
        for (project, money) in projects {
            lines += [
                "  - 名称: \(project)", "    功能科目: \(kind.projectSubject.code)", "    金额: \(amount(money))",
                "    绩效目标:", "      - 按计划完成\(project.replacingOccurrences(of: "经费", with: ""))各项工作。",
                "    指标:",
                "      - {一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 完成工作任务数, 描述: 年度计划内工作任务完成数, 指标值: \"≥\(random.next(in: 3...12))项\", 依据: \(year)年度工作计划}",
                "      - {一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 服务对象满意度, 描述: 抽样调查满意的比率, 指标值: \"≥90%\", 依据: \(year)年度工作计划}",
            ]
        }
        lines += [
            "增减原因:", "  基本支出: 人员及工资标准调整", "  项目支出: 项目安排调整",
            "政府经济科目对应:", "  30107: \"50101\"", "  30299: \"50299\"",
            "科目名称:", "  \(kind.section.code): \(kind.section.name)", "  \(kind.running): 行政运行",
            "  \(kind.projectSubject.code): \(kind.projectSubject.name)", "  50299: 其他商品和服务支出",
        ]
        return (name, lines.joined(separator: "\n") + "\n")
    }

    /// An amount given in hundredths of 万元, written in `unit`.
    private static func amount(_ hundredths: Int, in unit: AmountUnit) -> String {
        switch unit {
        case .wanYuan: return String(format: "%d.%02d", hundredths / 100, hundredths % 100)
        case .yuan: return "\(hundredths * 100).00"
        }
    }

    /// A small, fixed pseudo-random sequence (SplitMix64): the same departments on every machine.
    struct Random {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(in range: ClosedRange<Int>) -> Int {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            return range.lowerBound + Int(mixed % UInt64(range.count))
        }
    }
}
