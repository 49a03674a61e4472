import BudgetCore
import Foundation
import Yams

/// Every text value of an input file with where it starts, for checks on the characters users
/// typed (such as whether any font can print them).
public enum InputText {
    /// The scalar values (not keys) of the YAML in `data`, each with its position; empty when the
    /// file cannot be read (InputLoader reports why).
    public static func values(data: Data, path: String) -> [Located<String>] {
        guard case .success(let text) = InputLoader.decodeText(data, path: path),
              let root = try? Yams.compose(yaml: text) else { return [] }
        var values: [Located<String>] = []
        var budget = 200_000
        func walk(_ node: Node) {
            budget -= 1
            guard budget > 0 else { return }
            switch node {
            case .scalar(let scalar):
                let mark = scalar.mark
                values.append(Located(scalar.string, at: SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)))
            case .mapping(let mapping):
                for (_, value) in mapping { walk(value) }
            case .sequence(let sequence):
                for item in sequence { walk(item) }
            case .alias:
                break
            }
        }
        walk(root)
        return values
    }
}
