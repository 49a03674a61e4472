import Layout

/// The cairo faces one PDF draws with: every face the document uses, subset to its glyphs.
final class DocumentFaces {
    private var subsets: [ObjectIdentifier: SubsetFace] = [:]

    init(pages: [PageFrame], fonts: FontLibrary) throws {
        var glyphs: [ObjectIdentifier: (face: LoadedFace, ids: Set<UInt32>)] = [:]
        for page in pages {
            for case .text(let run) in page.items {
                let face = try fonts.face(for: run.face)
                glyphs[ObjectIdentifier(face), default: (face, [])].ids.formUnion(run.glyphs.lazy.map(\.id))
            }
        }
        for (key, used) in glyphs {
            subsets[key] = try SubsetFace(of: used.face, glyphs: used.ids)
        }
    }

    /// The subset face drawing `face`'s glyphs in this document.
    func cairoFace(for face: LoadedFace) -> OpaquePointer {
        subsets[ObjectIdentifier(face)]?.cairoFace ?? face.cairoFace
    }
}
