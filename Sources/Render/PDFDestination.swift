/// Cairo's attribute text for the place an outline entry goes to. Outline targets are written
/// when the file is finished, so pages after the current one are fine (links: LinkDestinations).
enum PDFDestination {
    /// `page=N pos=[x y]`: cairo counts pages from 1 and converts y from the top-left origin.
    static func attributes(page: Int, y: Double) -> String {
        "page=\(page + 1) pos=[0 \(PDFNumber.text(y))]"
    }
}
