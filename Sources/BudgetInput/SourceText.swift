import BudgetCore
import Yams

/// The text of an input file counted the way libyaml counts its marks: columns in Unicode
/// scalars, lines broken at LF, CR, CR LF, NEL, LS and PS. So a position found here agrees with
/// the marks of the nodes, and a character inside a value can be placed exactly.
final class SourceText {
    let file: String
    let scalars: [Unicode.Scalar]
    /// Index of the first scalar of each line; built on first use (most files never need it).
    private lazy var lineStarts: [Int] = Self.lineStarts(of: scalars)

    init(_ text: String, file: String) {
        self.file = file
        self.scalars = Array(text.unicodeScalars)
    }

    /// Index of the scalar at a libyaml mark, nil when the mark lies outside the text.
    func index(of mark: Mark) -> Int? {
        guard mark.line >= 1, mark.line <= lineStarts.count else { return nil }
        let index = lineStarts[mark.line - 1] + mark.column - 1
        return index < scalars.count ? index : nil
    }

    func location(of index: Int) -> SourceLocation {
        // The last line starting at or before `index`.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: index - lineStarts[low] + 1)
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func lineStarts(of scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard isBreak(scalar) else { continue }
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            starts.append(index)
        }
        return starts
    }
}
