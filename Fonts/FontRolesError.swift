/// A roles.tsv that cannot be read, with the line at fault.
public struct FontRolesError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
