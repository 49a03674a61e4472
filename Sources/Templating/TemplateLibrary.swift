import Foundation

/// Finds the Templates/ folder: given explicitly, from GONGKAI_TEMPLATES, or the nearest
/// Templates/ above the working directory or the executable.
public enum TemplateLibrary {
    public static func locate(explicit: String? = nil) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let environment = ProcessInfo.processInfo.environment["GONGKAI_TEMPLATES"], !environment.isEmpty {
            return URL(fileURLWithPath: environment)
        }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()]
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("Templates")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
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
