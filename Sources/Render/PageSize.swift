import Layout

/// Page sizes cairo can take: positive, finite points.
enum PageSize {
    static func validate(_ pages: [Layout.PageFrame]) throws {
        for (number, page) in pages.enumerated() { try validate(page, number: number) }
    }

    /// Page `number` (from 0).
    static func validate(_ page: Layout.PageFrame, number: Int) throws {
        guard page.width.isFinite, page.height.isFinite, page.width > 0, page.height > 0 else {
            throw RenderError("第 \(number + 1) 页的尺寸 \(page.width)×\(page.height) 无效")
        }
    }
}
