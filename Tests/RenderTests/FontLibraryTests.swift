import Document
import Fonts
import Render
import XCTest

/// Fonts/roles.tsv resolved through fontconfig on this machine: the right faces of the right
/// collections, real and synthetic bold, and a clear error for a family that is not installed.
final class FontLibraryTests: XCTestCase {
    func testBundledConfigurationNamesEveryRole() throws {
        let roles = try FontRoles.standard()
        for role in FontRole.allCases {
            XCTAssertFalse(roles.families(forRole: role.rawValue).isEmpty, role.rawValue)
        }
        XCTAssertEqual(roles.families(forRole: "正文").first?.family, "Noto Serif CJK SC")
        XCTAssertEqual(roles.families(forRole: "楷体").map(\.family).prefix(2), ["LXGW WenKai", "AR PL UKai CN"])
        XCTAssertEqual(roles.families(forRole: "楷体").first?.bold, .weight(.bold))
    }

    func testRolesResolveToTheSimplifiedChineseFaces() throws {
        let fonts = try FontLibrary()
        let body = try XCTUnwrap(fonts.families(of: .body).first ?? nil)
        XCTAssertTrue(body.file.hasSuffix("NotoSerifCJK-Regular.ttc"), body.file)
        XCTAssertEqual(body.faceIndex, 2, "SC 是 Noto CJK 字体集中的第 3 个字体")
        XCTAssertEqual(body.boldFile.map { ($0 as NSString).lastPathComponent }, "NotoSerifCJK-Bold.ttc")
        XCTAssertEqual(body.boldFaceIndex, 2)
        let heiti = try XCTUnwrap(fonts.families(of: .heiti).first ?? nil)
        XCTAssertTrue(heiti.file.hasSuffix("NotoSansCJK-Regular.ttc"), heiti.file)
        XCTAssertEqual(heiti.faceIndex, 2)
        let title = try XCTUnwrap(fonts.families(of: .title).first ?? nil)
        XCTAssertTrue(title.file.hasSuffix("NotoSerifCJK-Bold.ttc"), title.file)
        XCTAssertFalse(body.syntheticBold)
    }

    /// 楷体 is LXGW WenKai (fonts-lxgw-wenkai, which scripts/setup.sh installs), with its real Bold.
    func testKaitiRoleResolvesToLXGWWenKai() throws {
        let fonts: FontLibrary
        do {
            fonts = try FontLibrary()
        } catch {
            guard "\(error)".contains("fonts-lxgw-wenkai") else { throw error }
            throw XCTSkip("霞鹜文楷未安装（scripts/setup.sh 会安装 fonts-lxgw-wenkai）：\(error)")
        }
        let kaiti = try XCTUnwrap(fonts.families(of: .kaiti).first ?? nil)
        XCTAssertEqual((kaiti.file as NSString).lastPathComponent, "LXGWWenKai-Regular.ttf")
        XCTAssertEqual(kaiti.boldFile.map { ($0 as NSString).lastPathComponent }, "LXGWWenKai-Bold.ttf")
        XCTAssertFalse(kaiti.syntheticBold)
    }

    func testMissingPrimaryFamilyNamesTheFamilyAndItsPackage() throws {
        var tsv = ""
        for role in FontRole.allCases {
            let family = role == .body ? "Gongkai Nonexistent Song" : "Noto Serif CJK SC"
            let package = role == .body ? "fonts-gongkai-nonexistent" : "fonts-noto-cjk"
            tsv += "\(role.rawValue)\t\(family)\tregular\tbold\t-\t\(package)\n"
        }
        XCTAssertThrowsError(try FontLibrary(roles: try FontRoles(tsv: tsv))) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("Gongkai Nonexistent Song"), message)
            XCTAssertTrue(message.contains("fonts-gongkai-nonexistent"), message)
            XCTAssertTrue(message.contains("正文"), message)
        }
    }

    func testMissingFallbackFamilyIsSkipped() throws {
        var tsv = ""
        for role in FontRole.allCases {
            tsv += "\(role.rawValue)\tNoto Serif CJK SC\tregular\tbold\t-\tfonts-noto-cjk\n"
            tsv += "\(role.rawValue)\tGongkai Nonexistent Sans\tregular\tbold\t-\tfonts-gongkai-nonexistent\n"
        }
        let fonts = try FontLibrary(roles: try FontRoles(tsv: tsv))
        XCTAssertEqual(fonts.families(of: .body).count, 2)
        XCTAssertNil(fonts.families(of: .body)[1])
    }

    func testConfigurationErrorsNameTheLine() {
        XCTAssertThrowsError(try FontRoles(tsv: "# 注释\n正文\tNoto Serif CJK SC\theavy\tbold\t-\tfonts-noto-cjk\n")) { error in
            XCTAssertEqual(String(describing: error),
                           "roles.tsv 第 2 行的字重“heavy”无法识别（可用：thin extralight light regular medium semibold bold extrabold black）")
        }
        XCTAssertThrowsError(try FontRoles(tsv: "表格\tNoto Serif CJK SC\tregular\tbold\ttabular\tfonts-noto-cjk\n")) { error in
            XCTAssertTrue(String(describing: error).contains("特性“tabular”格式不对"), String(describing: error))
        }
        XCTAssertThrowsError(try FontRoles(tsv: "正文\tNoto Serif CJK SC\n")) { error in
            XCTAssertTrue(String(describing: error).contains("第 1 行应有 6 列"), String(describing: error))
        }
        for bad in ["hwi", "hwid=", "hwid=x", "+-kern", "ss01=2x", "kérn"] {
            XCTAssertThrowsError(try FontRoles(tsv: "表格\tNoto Serif CJK SC\tregular\tbold\t\(bad)\tfonts-noto-cjk\n"), bad)
        }
        let good = try? FontRoles(tsv: "表格\tNoto Serif CJK SC\tregular\tbold\thwid,-kern,+liga,salt=2\tfonts-noto-cjk\n")
        XCTAssertEqual(good?.families(forRole: "表格").first?.features, ["hwid", "-kern", "+liga", "salt=2"])
    }
}
