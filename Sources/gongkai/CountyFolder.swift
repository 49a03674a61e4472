import Foundation

/// A county is a folder: every `.yaml` file under it (sub-folders too) is one department's data.
/// Hidden entries and the output folder, when it lies inside, are passed over.
struct CountyFolder {
    let root: String

    /// The data files, as paths under `root`, in a fixed order (by relative path) so that every run,
    /// and every machine of a sharded run, sees the same list.
    func dataFiles(excluding output: String) -> [String] {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var relative: [String] = []
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            if path == outputPath || path.hasPrefix(outputPath + "/") {
                walker.skipDescendants()
                continue
            }
            // The county's settings sit at the root; they are not a department.
            if url.deletingLastPathComponent().standardizedFileURL.path == rootURL.path,
               url.lastPathComponent == CountySettings.fileName { continue }
            guard url.pathExtension.lowercased() == "yaml",
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            relative.append(String(path.dropFirst(rootURL.path.count).drop { $0 == "/" }))
        }
        return relative.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { (root as NSString).appendingPathComponent($0) }
    }

    /// Where the PDF of `file` goes: the same folder under `output` as the data under the county
    /// folder, named after the department and year (`header`), else after the data file.
    func outputPath(for file: String, header: DepartmentHeader?, in output: String) -> String {
        let relative = relativePath(of: file) as NSString
        let name = header?.fileName ?? (relative.lastPathComponent as NSString).deletingPathExtension + ".pdf"
        return ((output as NSString).appendingPathComponent(relative.deletingLastPathComponent) as NSString).appendingPathComponent(name)
    }

    /// `file`'s path under the county folder (`医保/高阳县医疗保障局-2025.yaml`).
    func relativePath(of file: String) -> String {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let filePath = URL(fileURLWithPath: file).standardizedFileURL.path
        return String(filePath.dropFirst(rootPath.count).drop { $0 == "/" })
    }
}
