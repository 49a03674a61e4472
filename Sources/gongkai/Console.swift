import Foundation

/// Messages for the person at the terminal, on standard error so standard output stays data.
enum Console {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
