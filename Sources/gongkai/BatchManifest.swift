import Foundation
import BudgetCore
import Render
import Templating

/// OUT/.gongkai-manifest.json: what each department's PDF was made from. A department whose data,
/// 上年 file, templates, fonts, options and gongkai are all as they were, and whose PDF is still
/// there, is not rendered again: a bureau re-running a county after fixing one file waits for that one.
struct BatchManifest: Codable {
    struct Entry: Codable {
        /// The digest of everything the PDF was made from (`BatchInputs`).
        let inputs: String
        /// The 上年 file the data named when it was rendered.
        let priorYearFile: String?
        /// The PDF's size then: a PDF replaced or truncated since is rendered again.
        let size: Int
        let pages: Int?
        let warnings: [BatchReport.Message]
        /// The department's row in the county summary.
        let figures: DepartmentFigures?
        /// The data file's own digest and its 名称 and 年度 then: an unchanged file is not read again
        /// to name its PDF.
        let data: String
        let header: DepartmentHeader?
    }

    static let version = 3
    var version = BatchManifest.version
    /// By the data file's path under the county folder.
    var entries: [String: Entry] = [:]

    /// The manifest in `directory`, or an empty one (missing, unreadable, or of another version).
    static func load(from directory: String, name: String) -> BatchManifest {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data),
              manifest.version == version else { return BatchManifest() }
        return manifest
    }

    /// Written whole, after the PDFs it describes.
    func write(to directory: String, name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name), options: .atomic)
    }

    /// The file name: one per shard, so that shards writing to one folder keep theirs apart.
    static func name(shard: Shard?) -> String {
        shard.map { ".gongkai-manifest-\($0.index)-of-\($0.count).json" } ?? ".gongkai-manifest.json"
    }
}

/// What every department of a run shares (templates, fonts, options, the program), digested once,
/// and the digest of one department's own inputs on top of it.
struct BatchInputs {
    let shared: String

    /// `settings` is the county's settings file (its subject names change documents), read if present.
    init(options: TemplateOptions, fonts: FontLibrary, settings: String) {
        var hash = ContentHash()
        hash.add("格式 \(options.format ?? "-") 舍入 \(options.rounding.rawValue)")
        hash.addFile(settings)
        if case .found(let directory) = TemplateLibrary.search(explicit: options.templates) {
            hash.add(directory.path)
            for file in Self.files(under: directory.path) {
                hash.add(file)
                hash.addFile((directory.path as NSString).appendingPathComponent(file))
            }
        }
        hash.add(fonts.fingerprint)
        hash.add(Self.program)
        shared = hash.hex
    }

    /// The digest of a data file's bytes: read before the file is rendered, so that an edit made
    /// while the batch runs is seen by the next run.
    static func data(_ file: String) -> String {
        var hash = ContentHash()
        hash.addFile(file)
        return hash.hex
    }

    /// The digest of a department: the shared inputs, its data (`data`) and its 上年 file, if any.
    func digest(data: String, priorYearFile: String?) -> String {
        var hash = ContentHash()
        hash.add(shared)
        hash.add(data)
        if let priorYearFile {
            hash.add(priorYearFile)
            hash.addFile(priorYearFile)
        }
        return hash.hex
    }

    /// The running program, by its file's size and modification time: a new build renders anew.
    private static var program: String {
        let path = ProgramLocation.executable.path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path) \(size) \(modified)"
    }

    /// Every regular file under `root`, as relative paths in a fixed order.
    private static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(path) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
