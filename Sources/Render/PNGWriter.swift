import CCairo
import Foundation
import Layout

/// Draws each page of a laid-out document on a cairo image surface, white background, and
/// writes it as `page-001.png`, `page-002.png` … (previews and visual checks).
public struct PNGWriter {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    /// The pixel size of a page at `dpi`: points × dpi / 72, rounded to the nearest pixel.
    public static func pixelSize(of page: PageFrame, dpi: Double) -> (width: Int, height: Int) {
        (Int((page.width * dpi / 72).rounded()), Int((page.height * dpi / 72).rounded()))
    }

    /// The file name of page `number` (0-based): `page-001.png`.
    public static func fileName(page number: Int) -> String {
        String(format: "page-%03d.png", number + 1)
    }

    /// Writes every page into `directory` (created if missing) and returns the files in page order.
    @discardableResult
    public func write(_ document: LaidOutDocument, toDirectory directory: URL, dpi: Double = 144) throws -> [URL] {
        guard (9...2400).contains(dpi) else { throw RenderError("PNG 分辨率 \(dpi) dpi 超出范围（9–2400）") }
        try PageSize.validate(document.pages)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RenderError("无法创建目录 \(directory.path)：\(error.localizedDescription)")
        }
        let drawer = FrameDrawer(faces: fonts.face(for:), pageCount: document.pages.count, drawsLinks: false)
        return try document.pages.enumerated().map { number, page in
            let url = directory.appendingPathComponent(PNGWriter.fileName(page: number))
            try write(page, number: number, drawer: drawer, dpi: dpi, to: url)
            return url
        }
    }

    private func write(_ page: PageFrame, number: Int, drawer: FrameDrawer, dpi: Double, to url: URL) throws {
        let size = PNGWriter.pixelSize(of: page, dpi: dpi)
        // cairo's image surfaces stop at 32767 pixels a side.
        guard size.width <= 32767, size.height <= 32767 else {
            throw RenderError("第 \(number + 1) 页在 \(dpi) dpi 下为 \(size.width)×\(size.height) 像素，超过 PNG 输出上限")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)) else {
            throw RenderError("无法为第 \(number + 1) 页创建图像")
        }
        defer { cairo_surface_destroy(surface) }
        try CairoStatus.check(surface: surface, doing: "为第 \(number + 1) 页创建图像")
        try draw(page, number: number, drawer: drawer, dpi: dpi, on: surface)
        let file = FileReplacement(target: url)
        do {
            try writePNG(surface, to: file.temporary.path, target: url.path)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Encodes through the same checked sink as the PDF: cairo's own PNG file output would not
    /// say which system error stopped it, and a full disk must leave the previous page untouched.
    private func writePNG(_ surface: OpaquePointer, to path: String, target: String) throws {
        let sink = try CheckedFileSink(path: path, target: target)
        let status = cairo_surface_write_to_png_stream(surface, CheckedFileSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            sink.abandon()
            throw sink.failure.map { RenderError("写入 \(target) 失败：\($0)（原有的文件没有改动）") }
                ?? RenderError("写入 \(target) 失败：\(String(cString: cairo_status_to_string(status)))")
        }
        try sink.close()
    }

    private func draw(_ page: PageFrame, number: Int, drawer: FrameDrawer, dpi: Double, on surface: OpaquePointer) throws {
        guard let context = cairo_create(surface) else { throw RenderError("无法创建 cairo 绘图上下文") }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, dpi / 72, dpi / 72)
        try drawer.draw(page, number: number, on: context)
        cairo_surface_flush(surface)
    }
}
