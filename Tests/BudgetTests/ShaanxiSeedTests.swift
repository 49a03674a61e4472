import Budget
import BudgetCore
import XCTest

/// Examples/shaanxi against seed 004 (西乡县医疗保险业务经办中心 2024, 元), table by table.
final class ShaanxiSeedTests: XCTestCase {
    var budget: Budget!

    override func setUpWithError() throws {
        budget = try ExampleFiles.derive("shaanxi/西乡县医疗保险业务经办中心-2024.yaml")
    }

    func yuan(_ value: Money?) -> String { (value ?? .zero).isZero ? "" : (value ?? .zero).formatted(in: .yuan, decimals: 0) }

    /// 表1 部门综合预算收支总表 (and 表4, all 财政拨款).
    func testTable1() {
        XCTAssertEqual(budget.total.formatted(in: .yuan), "2368819.00")
        XCTAssertEqual(yuan(budget.income.appropriations), "2368819")
        XCTAssertEqual(yuan(budget.income.byGroup["一般公共预算"]), "2368819")
        XCTAssertEqual(budget.functional.filter { $0.depth == 1 }.map { "\($0.name) \(yuan($0.columns.total))" },
                       ["社会保障和就业支出 242689", "卫生健康支出 1944113", "住房保障支出 182017"])
        XCTAssertEqual(yuan(budget.totals.basic), "2288819")
        XCTAssertEqual(yuan(budget.totals.project), "80000")
        let basicByClass = budget.basicEconomic.filter { $0.depth == 1 }.map { "\($0.name) \(yuan($0.total))" }
        XCTAssertEqual(basicByClass, ["工资福利支出 2136479", "商品和服务支出 151800", "对个人和家庭的补助 540"])
        let projectByClass = budget.generalEconomic.filter { $0.depth == 1 && !$0.project.isZero }.map { "\($0.name) \(yuan($0.project))" }
        XCTAssertEqual(projectByClass, ["商品和服务支出 80000"])
        XCTAssertEqual(budget.governmentEconomic.filter { $0.depth == 1 }.map { "\($0.code) \(yuan($0.total))" }, ["505 2368279", "509 540"])
    }

    static let table5 = """
        合计 2368819 2137019 151800 80000
        208 242689 242689  
        20805 242689 242689  
        2080505 242689 242689  
        210 1944113 1712313 151800 80000
        21011 98593 98593  
        2101102 98593 98593  
        21015 1845520 1613720 151800 80000
        2101506 1845520 1613720 151800 80000
        221 182017 182017  
        22102 182017 182017  
        2210201 182017 182017  
        """

    /// 表5 一般公共预算支出明细表（按支出功能分类科目）; 表7 is its basic part.
    func testTables5And7() {
        let t = budget.totals
        let rows = ["合计 \(yuan(t.total)) \(yuan(t.personnel)) \(yuan(t.publicUse)) \(yuan(t.project))"]
            + budget.functional.map { "\($0.code) \(yuan($0.columns.total)) \(yuan($0.columns.personnel)) \(yuan($0.columns.publicUse)) \(yuan($0.columns.project))" }
        XCTAssertEqual(rows.joined(separator: "\n"), Self.table5)
        XCTAssertEqual(budget.functional.filter { $0.depth == 1 }.map { yuan($0.columns.basic) }, ["242689", "1864113", "182017"])
    }

    static let table6 = """
        301 工资福利支出  2136479 2136479  
        30101 基本工资 50501 896928 896928  
        30102 津贴补贴 50501 52900 52900  
        30103 奖金 50501 70336 70336  
        30107 绩效工资 50501 549540 549540  
        30108 机关事业单位基本养老保险缴费 50501 242689 242689  
        30110 职工基本医疗保险缴费 50501 98593 98593  
        30112 其他社会保障缴费 50501 22086 22086  
        30113 住房公积金 50501 182017 182017  
        30199 其他工资福利支出 50501 21390 21390  
        302 商品和服务支出  231800  151800 80000
        30201 办公费 50502 82416  65416 17000
        30202 印刷费 50502 20000   20000
        30211 差旅费 50502 66000  36000 30000
        30213 维修（护）费 50502 18000  10000 8000
        30214 租赁费 50502 15000  10000 5000
        30228 工会经费 50502 30384  30384 
        303 对个人和家庭的补助  540 540  
        30309 奖励金 50901 540 540  
        """

    /// 表6 一般公共预算支出明细表（按支出经济分类科目）with the 政府经济分类 correspondence; 表8 is its basic part.
    func testTables6And8() {
        let rows = budget.generalEconomic.map {
            "\($0.code) \($0.name) \($0.governmentCode ?? "") \(yuan($0.total)) \(yuan($0.personnel)) \(yuan($0.publicUse)) \(yuan($0.project))"
        }
        XCTAssertEqual(rows.joined(separator: "\n"), Self.table6)
        XCTAssertEqual(yuan(budget.basicEconomic.first { $0.code == "302" }?.total), "151800")
    }

    /// 表10 专项业务经费支出表, 表13 专项业务经费绩效目标表.
    func testProjects() {
        XCTAssertEqual(budget.projects.map { "\($0.name) \(yuan($0.amount)) \($0.amount.formatted(in: .wanYuan, decimals: 0))" },
                       ["医保政策宣传培训及医保网络建设维护 80000 8"])
    }

    /// 表9, 表11, 表12, 表15 are empty.
    func testEmptyTables() {
        XCTAssertNil(budget.functionalByGroup["政府性基金"])
        XCTAssertNil(budget.procurement)
        XCTAssertTrue(budget.threePublic.total.isZero)
    }

    /// 收支说明 in 万元, with the year-over-year changes.
    func testNarrative() {
        XCTAssertEqual(budget.total.formatted(in: .wanYuan), "236.88")
        let changes = Dictionary(budget.changes.map { ($0.key, $0.change) }, uniquingKeysWith: { a, _ in a })
        func delta(_ key: String) -> String { changes[key].map { $0.delta.formatted(in: .wanYuan) } ?? "—" }
        XCTAssertEqual(delta("合计"), "-1.43")
        XCTAssertEqual(delta("科目/2080505"), "24.27")
        // The seed prints 9.9 for 98593 元; rounded to two decimals it is 9.86.
        XCTAssertEqual(delta("科目/2101102"), "9.86")
        XCTAssertEqual(delta("科目/2101506"), "-36.00")
        XCTAssertEqual(delta("科目/2210201"), "0.44")
        XCTAssertEqual(delta("经济科目/302"), "-0.34")
        XCTAssertEqual(delta("经济科目/303"), "-0.02")
        XCTAssertEqual(delta("政府经济科目/505"), "-1.41")
        XCTAssertEqual(delta("公用经费"), "-3.34")
        XCTAssertEqual(budget.totals.publicUse.formatted(in: .wanYuan), "15.18")
        XCTAssertEqual(budget.basicEconomic.first { $0.code == "301" }?.total.formatted(in: .wanYuan), "213.65")
    }
}
