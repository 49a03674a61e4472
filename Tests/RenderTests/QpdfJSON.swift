import Foundation

/// What `qpdf --json` says about a PDF: its objects, pages in order and outline, read to check
/// bookmarks and where links go.
struct QpdfJSON {
    struct Outline {
        var title: String
        /// The target page, from 1.
        var page: Int
        var kids: [Outline]
    }

    struct Link {
        /// The target page, from 1.
        var targetPage: Int
        /// The target height in PDF coordinates (from the bottom of the page).
        var targetTop: Double
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let objects: [String: Any]
    private let pages: [String]
    let outlines: [Outline]

    init(_ url: URL) throws {
        let result = try ExternalTool.run("qpdf", ["--json", url.path])
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let qpdf = json["qpdf"] as? [Any], qpdf.count > 1, let objects = qpdf[1] as? [String: Any] else {
            throw Failure(description: "qpdf --json 失败：\(result.errors)")
        }
        self.objects = objects
        pages = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
        outlines = (json["outlines"] as? [[String: Any]] ?? []).map(QpdfJSON.outline)
    }

    /// The link annotations of page `page` (from 1) with the places they go to.
    func links(onPage page: Int) throws -> [Link] {
        guard let annotations = dictionary(pages[page - 1])["/Annots"] else { return [] }
        return try array(annotations).map { try link(dictionary($0)) }
    }

    private func link(_ annotation: [String: Any]) throws -> Link {
        guard annotation["/Subtype"] as? String == "/Link" else { throw Failure(description: "不是链接注释：\(annotation)") }
        var destination = annotation["/Dest"] ?? (annotation["/A"].map(dictionary)?["/D"] as Any)
        if let name = destination as? String, name.hasPrefix("u:") {
            destination = try namedDestination(String(name.dropFirst(2)))
        }
        let parts = array(destination as Any)
        guard parts.count >= 4, let page = parts[0] as? String, let index = pages.firstIndex(of: page),
              let top = parts[3] as? Double else { throw Failure(description: "无法解析链接目标：\(destination)") }
        return Link(targetPage: index + 1, targetTop: top)
    }

    /// Looks a name up in the catalog's /Dests name tree (cairo writes one flat /Names array).
    private func namedDestination(_ name: String) throws -> Any {
        let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        let catalog = dictionary(trailer["/Root"] as Any)
        let tree = dictionary(dictionary(catalog["/Names"] as Any)["/Dests"] as Any)
        let names = array(tree["/Names"] as Any)
        for index in stride(from: 0, to: names.count - 1, by: 2) where names[index] as? String == "u:" + name {
            return names[index + 1]
        }
        throw Failure(description: "找不到命名目标 \(name)")
    }

    /// A value, following an indirect reference (“12 0 R”).
    private func resolve(_ value: Any) -> Any {
        if let reference = value as? String, reference.hasSuffix(" R"),
           let object = objects["obj:" + reference] as? [String: Any], let inner = object["value"] {
            return inner
        }
        return value
    }

    private func dictionary(_ value: Any) -> [String: Any] {
        resolve(value) as? [String: Any] ?? [:]
    }

    private func array(_ value: Any) -> [Any] {
        resolve(value) as? [Any] ?? []
    }

    private static func outline(_ json: [String: Any]) -> Outline {
        Outline(title: json["title"] as? String ?? "", page: json["destpageposfrom1"] as? Int ?? 0,
                kids: (json["kids"] as? [[String: Any]] ?? []).map(outline))
    }
}
