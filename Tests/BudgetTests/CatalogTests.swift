import Catalog
import XCTest

/// The bundled catalog names the seeds' subjects as the classification does.
final class CatalogTests: XCTestCase {
    let catalog = SubjectCatalog.standard

    func testFunctionalNames() {
        XCTAssertEqual(catalog.name(of: "210", in: .functional, year: 2025), "卫生健康支出")
        XCTAssertEqual(catalog.name(of: "21015", in: .functional, year: 2025), "医疗保障管理事务")
        XCTAssertEqual(catalog.name(of: "2101506", in: .functional, year: 2024), "医疗保障经办事务")
        XCTAssertEqual(catalog.name(of: "2120809", in: .functional, year: 2024), "支付破产或改制企业职工安置费")
        XCTAssertNil(catalog.name(of: "2101598", in: .functional, year: 2025))
    }

    func testEconomicNamesFixSeedMistakes() {
        // Shaanxi 表6 prints 30309 as 奖金; 奖金 is 30103 and 30309 is 奖励金.
        XCTAssertEqual(catalog.name(of: "30309", in: .departmentEconomic, year: 2024), "奖励金")
        XCTAssertEqual(catalog.name(of: "30103", in: .departmentEconomic, year: 2024), "奖金")
        XCTAssertEqual(catalog.name(of: "30231", in: .departmentEconomic, year: 2025), "公务用车运行维护费")
    }

    func testDepartmentToGovernmentCorrespondence() {
        XCTAssertEqual(catalog.governmentCode(forDepartmentCode: "30101", nature: "事业"), "50501")
        XCTAssertEqual(catalog.governmentCode(forDepartmentCode: "30201", nature: "事业"), "50502")
        XCTAssertEqual(catalog.governmentCode(forDepartmentCode: "30309", nature: "事业"), "50901")
        XCTAssertEqual(catalog.governmentCode(forDepartmentCode: "30101", nature: "行政"), "50101")
        XCTAssertEqual(catalog.name(of: "50501", in: .governmentEconomic, year: 2024), "工资福利支出")
    }

    func testEveryChildHasItsParent() {
        for scheme in SubjectScheme.allCases {
            let codes = Set(catalog.codes(in: scheme))
            for code in codes where code.count > 3 {
                let parent = String(code.prefix(code.count == 7 ? 5 : 3))
                XCTAssertTrue(codes.contains(parent), "\(scheme.rawValue) \(code) 缺少上级 \(parent)")
            }
        }
    }

    func testYearKeyedNames() {
        XCTAssertNotNil(catalog.name(of: "22006", in: .functional, year: 2024))
        XCTAssertNil(catalog.name(of: "22006", in: .functional, year: 2023))
    }
}
