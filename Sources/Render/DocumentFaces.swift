import Foundation
import Layout

/// The cairo faces one PDF draws with: every face the document uses, subset to cover its glyphs.
/// A face's subset from an earlier document is used again when it covers this one's glyphs (cairo
/// then finds them already loaded); otherwise a new one covers both documents' glyphs, so that a
/// batch of departments soon stops subsetting. New subsets are made at once on the free cores: each
/// is independent (its own HarfBuzz face), and each takes milliseconds however few glyphs it keeps.
final class DocumentFaces {
    /// A subset that grows past this many glyphs starts again from one document's: a county's
    /// departments share most of their characters, and cairo's work per face grows with its glyphs.
    static let growthLimit = 6_000

    private var subsets: [ObjectIdentifier: SubsetFace] = [:]

    init(pages: [PageFrame], fonts: FontLibrary) throws {
        var glyphs: [ObjectIdentifier: (face: LoadedFace, ids: Set<UInt32>)] = [:]
        for page in pages {
            for case .text(let run) in page.items {
                let face = try fonts.face(for: run.face)
                glyphs[ObjectIdentifier(face), default: (face, [])].ids.formUnion(run.glyphs.lazy.map(\.id))
            }
        }
        var newJobs: [SubsetJob] = []
        for (face, ids) in glyphs.values {
            if let current = face.pdfSubset, ids.isSubset(of: current.glyphs) {
                subsets[ObjectIdentifier(face)] = current
                continue
            }
            let grown = ids.union(face.pdfSubset?.glyphs ?? [])
            newJobs.append(SubsetJob(face: face, source: face.subsetSource(), glyphs: grown.count <= Self.growthLimit ? grown : ids))
        }
        let jobs = newJobs
        let results = SubsetResults(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            results.set(index, Result { try SubsetFace(of: job.face, source: job.source, glyphs: job.glyphs) })
        }
        for (index, job) in jobs.enumerated() {
            let subset = try results.get(index)
            job.face.pdfSubset = subset
            subsets[ObjectIdentifier(job.face)] = subset
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
