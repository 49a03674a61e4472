import Fonts
import Foundation
import XCTest

/// The font-role table is looked up like the templates: GONGKAI_FONTS, then a roles.tsv beside
/// the executable, then the bundled one.
final class FontRolesLocationTests: XCTestCase {
    func testTheEnvironmentComesFirstThenTheExecutablesDirectoryThenTheBundle() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let executable = directory.file("gongkai").path
        XCTAssertEqual(FontRolesLocation.find(environment: [:], executable: executable), .bundled)

        let beside = directory.file("roles.tsv")
        try "正文\tNoto Serif CJK SC\tregular\tbold\t-\tfonts-noto-cjk\n".write(to: beside, atomically: true, encoding: .utf8)
        XCTAssertEqual(FontRolesLocation.find(environment: [:], executable: executable), .besideExecutable(beside))
        XCTAssertEqual(FontRolesLocation.find(environment: ["GONGKAI_FONTS": "/srv/字体.tsv"], executable: executable),
                       .environment(URL(fileURLWithPath: "/srv/字体.tsv")))
        XCTAssertEqual(FontRolesLocation.find(environment: ["GONGKAI_FONTS": ""], executable: executable), .besideExecutable(beside))

        let roles = try FontRolesLocation.besideExecutable(beside).roles()
        XCTAssertEqual(roles.families(forRole: "正文").map(\.family), ["Noto Serif CJK SC"])
        XCTAssertEqual(try FontRolesLocation.bundled.roles(), try FontRoles.standard())
    }

    func testAnEmptyTableIsAnErrorNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("roles.tsv")
        try "# 只有注释\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FontRolesLocation.environment(file).roles()) { error in
            XCTAssertEqual("\(error)", "字体配置文件 \(file.path)（由环境变量 GONGKAI_FONTS 指定）有误：没有任何字体角色（每行：角色、字族、字重、粗体、特性、软件包，以制表符分隔）")
        }
    }
}
