import CCairo
import Layout

/// The places links go to, as named PDF destinations. Cairo 1.16 drops the target of a
/// `page=N` link to a page it has not written yet (a contents page linking forward), while a
/// named destination is resolved when the file is finished, so links go by name.
struct LinkDestinations {
    /// Target heights by page (0-based) as written in names, sorted and without repeats: two
    /// targets the same to the hundredth of a point are one destination.
    private let targets: [Int: [String]]

    init(pages: [PageFrame]) {
        var targets: [Int: Set<Double>] = [:]
        for page in pages {
            for case .link(_, _, _, _, let target, let targetY) in page.items {
                targets[target, default: []].insert(targetY)
            }
        }
        self.targets = targets.mapValues { Array(Set($0.map(PDFNumber.text))).sorted() }
    }

    var isEmpty: Bool { targets.isEmpty }

    /// The destination's name: its page (from 1) and height, e.g. `p3-72.00`.
    static func name(page: Int, y: Double) -> String {
        name(page: page, y: PDFNumber.text(y))
    }

    private static func name(page: Int, y: String) -> String {
        "p\(page + 1)-\(y)"
    }

    /// Marks the destinations on page `page`; call while that page is the current one.
    func mark(page: Int, on context: OpaquePointer) {
        for y in targets[page] ?? [] {
            cairo_tag_begin(context, CAIRO_TAG_DEST, "name='\(LinkDestinations.name(page: page, y: y))' x=0 y=\(y)")
            cairo_tag_end(context, CAIRO_TAG_DEST)
        }
    }
}
