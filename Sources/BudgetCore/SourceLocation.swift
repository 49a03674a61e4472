/// Where a value came from: a file and a 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A finding about the file as a whole (a folder, a device, a file too large or unreadable),
    /// where a line and column would be made up.
    public static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    public var isWholeFile: Bool { line == 0 }

    /// `path:line:column`, the form editors and compilers use; just `path` for the whole file.
    public var description: String { isWholeFile ? file : "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A value together with where it was typed.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
