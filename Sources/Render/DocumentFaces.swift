import Foundation
import Layout

/// The cairo faces one PDF draws with: every face the document uses, subset to its glyphs. The
/// faces are subset at once on the free cores: each is independent (its own HarfBuzz face), and
/// each takes milliseconds of table parsing however few glyphs it keeps.
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
        let jobs = glyphs.values.map { SubsetJob(face: $0.face, source: $0.face.subsetSource(), glyphs: $0.ids) }
        let results = SubsetResults(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            results.set(index, Result { try SubsetFace(of: job.face, source: job.source, glyphs: job.glyphs) })
        }
        for (index, job) in jobs.enumerated() {
            subsets[ObjectIdentifier(job.face)] = try results.get(index)
        }
    }

    /// The subset of `face` for this document (nil for a face it does not use).
    func subset(of face: LoadedFace) -> SubsetFace? {
        subsets[ObjectIdentifier(face)]
    }
}

/// One face to subset on another thread. Safe to send: the thread reads the face's file name and
/// subsets its HarfBuzz face (HarfBuzz faces are immutable once made), and no two jobs share a face.
private struct SubsetJob: @unchecked Sendable {
    let face: LoadedFace
    let source: OpaquePointer
    let glyphs: Set<UInt32>
}

/// One slot per face for the subsetting threads to fill.
private final class SubsetResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SubsetFace, Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<SubsetFace, Error>) { lock.withLock { results[index] = result } }

    func get(_ index: Int) throws -> SubsetFace {
        try lock.withLock { results[index] }!.get()
    }
}
