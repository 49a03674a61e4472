import Budget
import BudgetCore
import Foundation
import XCTest

/// 政府采购明细 and 国有资产 reach the Budget whole, for templates to print.
final class ProcurementAndAssetTests: XCTestCase {
    static let file = """
        名称: 测试局
        年度: 2025
        格式: hebei
        金额单位: 万元
        支出:
          - {科目: 2101501, 人员经费: 10.00, 公用经费: 2.00}
        政府采购:
          明细:
            - {项目名称: 办公设备购置, 品目: 复印机, 类别: 货物, 计量单位: 台, 数量: 1, 单价: 0.52, 金额: 0.52, 中小企业预留: 0.52}
            - {项目名称: 物业服务, 品目: 物业管理服务, 类别: 服务, 金额: 1.28, 资金来源: 上级一般公共预算转移支付}
        国有资产:
          截止日期: 2024-12-31
          资产总额: {数量: 6, 金额: 86.00}
          房屋: {数量: 1, 金额: 50.00}
          办公家具: {数量: 2, 金额: 6.00}
          其他: {数量: 1, 金额: 5.00}
          车辆:
            - {类型: 一般公务用车, 数量: 1, 金额: 15.00}
          大型设备:
            - {单价标准: "50", 数量: 1, 金额: 10.00}

        """

    func budget() throws -> Budget {
        let outcome = BudgetFile.derive(data: Data(Self.file.utf8), path: "测试局.yaml")
        XCTAssertEqual(outcome.diagnostics.errors, [])
        return try XCTUnwrap(outcome.budget)
    }

    func testProcurementItemsAreExposed() throws {
        let procurement = try XCTUnwrap(try budget().procurement)
        XCTAssertEqual(procurement.items.map { "\($0.projectName) \($0.item) \($0.kind) \($0.amount.formatted(in: .wanYuan)) \($0.reserved.formatted(in: .wanYuan)) \($0.source)" }, [
            "办公设备购置 复印机 货物 0.52 0.52 一般公共预算",
            "物业服务 物业管理服务 服务 1.28 0.00 上级一般公共预算转移支付",
        ])
        XCTAssertEqual(procurement.items[0].quantity, 1)
        XCTAssertEqual(procurement.items[0].measure, "台")
        XCTAssertEqual(procurement.items[0].unitPrice?.formatted(in: .wanYuan), "0.52")
        XCTAssertNil(procurement.items[1].quantity)
        XCTAssertEqual("\(procurement.goods.formatted(in: .wanYuan)) \(procurement.services.formatted(in: .wanYuan)) \(procurement.total.formatted(in: .wanYuan))",
                       "0.52 1.28 1.80")
    }

    /// Every kind typed is in the total; 大型设备 counts in both the value and the number.
    func testEveryAssetKindIsInTheTotal() throws {
        let assets = try XCTUnwrap(try budget().assets)
        XCTAssertEqual(assets.furniture?.value?.formatted(in: .wanYuan), "6.00")
        XCTAssertEqual(assets.equipment.map(\.count), [1])
        XCTAssertEqual(assets.totalValue.formatted(in: .wanYuan), "86.00")
        XCTAssertEqual(assets.totalCount, 6)
    }
}
