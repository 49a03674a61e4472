import Foundation
import Layout

/// The cairo faces one PDF draws with. A glyph run draws from its face's common subset
/// (`CommonFace`) when that has all the run's glyphs, else from a subset of this document's own
/// holding every such run's glyphs. Which face draws a run depends on the document alone, so a PDF
/// is the same bytes whatever was rendered before it. Faces still to be read or made are made at
/// once on the free cores: each is independent (its own HarfBuzz face).
final class DocumentFaces {
    private var common: [ObjectIdentifier: SubsetFace] = [:]
    private var own: [ObjectIdentifier: SubsetFace] = [:]

    /// A run its face's common subset cannot draw, met with no subset of the document's own: a PDF
    /// drawn page by page (`PDFPageStream`) has none, as only the whole document can make it.
    struct UncommonRun: Error {}

    /// Faces for pages drawn as layout finishes them: common subsets only, added face by face.
    init() {}

    /// The faces of the whole document: common subsets, and a subset of its own for each face with
    /// runs they cannot draw.
    init(pages: [PageFrame], fonts: FontLibrary) throws {
        var faces: [ObjectIdentifier: LoadedFace] = [:]
        for page in pages {
            for case .text(let run) in page.items {
                let face = try fonts.face(for: run.face)
                faces[ObjectIdentifier(face)] = face
            }
        }
        let sorted = faces.values.sorted { ($0.match.path, $0.match.index) < ($1.match.path, $1.match.index) }
        try makeCommonSubsets(sorted, fonts: fonts)
        var uncommon: [ObjectIdentifier: (face: LoadedFace, glyphs: Set<UInt32>)] = [:]
        for page in pages {
            for case .text(let run) in page.items {
                let face = try fonts.face(for: run.face)
                guard let subset = common[ObjectIdentifier(face)], !subset.draws(run) else { continue }
                uncommon[ObjectIdentifier(face), default: (face, [])].glyphs.formUnion(run.glyphs.lazy.map(\.id))
            }
        }
        let jobs = uncommon.values.map { SubsetJob(face: $0.face, glyphs: $0.glyphs) }
        let results = try DocumentFaces.inParallel(jobs.count) { try SubsetFace(of: jobs[$0].face, glyphs: jobs[$0].glyphs) }
        for (job, subset) in zip(jobs, results) { own[ObjectIdentifier(job.face)] = subset }
    }

    /// Adds `face` with its common subset (for the roles' `featureSets`), unless already added.
    func add(_ face: LoadedFace, featureSets: [[String]]) throws {
        guard common[ObjectIdentifier(face)] == nil else { return }
        common[ObjectIdentifier(face)] = try face.commonSubset(featureSets: featureSets)
    }

    /// The face that draws `run` of `face` (nil for a face not added).
    func subset(for run: GlyphRun, of face: LoadedFace) throws -> SubsetFace? {
        guard let common = common[ObjectIdentifier(face)] else { return nil }
        if common.draws(run) { return common }
        guard let own = own[ObjectIdentifier(face)] else { throw UncommonRun() }
        return own
    }

    /// Reads or makes the common subsets of `faces`, in parallel.
    private func makeCommonSubsets(_ faces: [LoadedFace], fonts: FontLibrary) throws {
        let jobs = faces.map { SubsetJob(face: $0, featureSets: fonts.featureSets(drawnWith: $0)) }
        let results = try DocumentFaces.inParallel(jobs.count) { try jobs[$0].face.commonSubset(featureSets: jobs[$0].featureSets) }
        for (face, subset) in zip(faces, results) { common[ObjectIdentifier(face)] = subset }
    }

    /// `make(i)` for each i in 0..<count on the free cores; the first error thrown, in order.
    private static func inParallel<T>(_ count: Int, _ make: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let results = ParallelResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, Result { try make(index) }) }
        return try (0..<count).map { try results.get($0) }
    }
}

extension SubsetFace {
    /// Whether this subset has every glyph of `run`.
    func draws(_ run: GlyphRun) -> Bool { run.glyphs.allSatisfy { glyphs[$0.id] != nil } }
}

/// One face to subset on another thread. Safe to send: the thread reads the face's file name,
/// HarfBuzz font and subsetting face (immutable once made), and no two jobs share a face.
private struct SubsetJob: @unchecked Sendable {
    let face: LoadedFace
    var glyphs: Set<UInt32> = []
    var featureSets: [[String]] = []
}

/// One slot per job for the threads to fill.
private final class ParallelResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) { lock.withLock { results[index] = result } }

    func get(_ index: Int) throws -> T {
        try lock.withLock { results[index] }!.get()
    }
}
