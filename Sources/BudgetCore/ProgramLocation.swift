import Foundation

/// Where the running program is, for what ships beside it (Templates/, roles.tsv). argv[0] is only
/// "gongkai" when the program was found through PATH; Linux's /proc/self/exe is the real file.
public enum ProgramLocation {
    public static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    public static var directory: URL { executable.deletingLastPathComponent() }
}
