import Foundation
import BudgetCore

/// Finds the Templates/ folder: given explicitly, from GONGKAI_TEMPLATES, or the nearest
/// Templates/ above the working directory or the executable.
public enum TemplateLibrary {
    /// Where the templates are, or every directory looked in, so that the user can tell why none
    /// was found.
    public enum Search: Sendable {
        case found(URL)
        case notFound(searched: [String])
    }

    public static func search(explicit: String? = nil) -> Search {
        if let explicit { return existing([URL(fileURLWithPath: explicit)]) }
        if let environment = ProcessInfo.processInfo.environment["GONGKAI_TEMPLATES"], !environment.isEmpty {
            return existing([URL(fileURLWithPath: environment)])
        }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      ProgramLocation.directory]
        return existing(starts.flatMap(candidates(above:)))
    }

    /// Templates/ in `start` and up to seven of its parents.
    private static func candidates(above start: URL) -> [URL] {
        var found: [URL] = []
        var directory = start.standardizedFileURL
        for _ in 0..<8 {
            found.append(directory.appendingPathComponent("Templates"))
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return found
    }

    /// The first candidate that is a directory.
    private static func existing(_ candidates: [URL]) -> Search {
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return .found(candidate)
            }
        }
        var seen = Set<String>()
        return .notFound(searched: candidates.map(\.path).filter { seen.insert($0).inserted })
    }

    /// The formats with a format.yaml, and the tables each defines.
    public static func formats(in directory: URL) -> [(format: String, tables: [String])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("format.yaml").path) else { return nil }
            let tables = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            return (name, tables)
        }
    }

    public static func hasFormat(_ format: String, in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(format).appendingPathComponent("format.yaml").path)
    }
}
