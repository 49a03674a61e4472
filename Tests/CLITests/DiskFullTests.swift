import Foundation
import XCTest

/// A full disk never destroys the previous good PDF: `render` says so in Chinese, exits 1, and
/// leaves no temporary file (issue: cairo's own file output reported success over a truncated file).
final class DiskFullTests: XCTestCase {
    var mountPoint: URL!

    override func setUpWithError() throws {
        mountPoint = try GongkaiProcess.temporaryDirectory()
        let mount = try GongkaiProcess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=900k", "tmpfs", mountPoint.path])
        guard mount.status == 0 else { throw XCTSkip("无法挂载 tmpfs（需要 root）：\(mount.errors)") }
    }

    override func tearDownWithError() throws {
        _ = try? GongkaiProcess.run(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path])
        try? FileManager.default.removeItem(at: mountPoint)
    }

    func testAFullDiskKeepsThePreviousPDF() throws {
        let pdf = mountPoint.appendingPathComponent("公开.pdf")
        let small = GongkaiProcess.root.appendingPathComponent("Examples/hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml").path
        let first = try GongkaiProcess.run(["render", small, "-o", pdf.path])
        XCTAssertEqual(first.status, 0, first.output + first.errors)
        let previous = try Data(contentsOf: pdf)
        try fillDisk(leaving: previous.count / 2)

        let large = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "-o", pdf.path])
        XCTAssertEqual(large.status, 1)
        XCTAssertTrue((large.output + large.errors).contains("写入 \(pdf.path) 失败：磁盘空间不足（原有的文件没有改动）"), large.output + large.errors)
        XCTAssertEqual(try Data(contentsOf: pdf), previous)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path)), [filler, "公开.pdf"])
    }

    private let filler = "占位"

    /// Leaves `free` bytes on the small disk, whatever the size of the PDFs: the next document
    /// cannot fit beside the previous one.
    private func fillDisk(leaving free: Int) throws {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: mountPoint.path)
        let available = (attributes[.systemFreeSize] as? NSNumber)?.intValue ?? 0
        let size = max(available - free, 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: mountPoint.appendingPathComponent(filler).path,
                                                     contents: Data(count: size)))
    }

    /// PNG pages go through the same checked writing: a page that does not fit is reported, the
    /// page already there stays as it was, and no temporary file is left beside the pages.
    func testAFullDiskKeepsThePreviousPNGPage() throws {
        let pdf = try GongkaiProcess.temporaryDirectory().appendingPathComponent("公开.pdf")
        let pages = mountPoint.appendingPathComponent("页")
        let small = GongkaiProcess.root.appendingPathComponent("Examples/hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml").path
        let first = try GongkaiProcess.run(["render", small, "-o", pdf.path, "--png", pages.path, "--dpi", "24"])
        XCTAssertEqual(first.status, 0, first.output + first.errors)
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        let lastPage = pages.appendingPathComponent(names.last!)
        let previousLastPage = try Data(contentsOf: lastPage)

        let large = try GongkaiProcess.run(["render", small, "-o", pdf.path, "--png", pages.path, "--dpi", "600"])
        XCTAssertEqual(large.status, 1)
        XCTAssertTrue((large.output + large.errors).contains("失败：磁盘空间不足（原有的文件没有改动）"), large.output + large.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted(), names)
        XCTAssertEqual(try Data(contentsOf: lastPage), previousLastPage)
    }
}
