import Stencil

/// Checks, before rendering, that every name a template starts a variable with exists: a loop
/// variable of an enclosing `for`, `forloop`, or a top-level name of the data.
enum VariableCheck {
    static let operators: Set<String> = ["and", "or", "not", "in", "==", "!=", "<", ">", "<=", ">=", "true", "false"]

    static func unknownNames(in template: Template, known: Set<String>) -> [(name: String, line: Int)] {
        var scopes: [Set<String>] = [known.union(["forloop"])]
        var unknown: [(String, Int)] = []
        func check(_ expression: String, _ token: Token) {
            guard let name = firstName(expression), !scopes.contains(where: { $0.contains(name) }) else { return }
            unknown.append((name, Int(token.sourceMap.location.lineNumber)))
        }
        for token in template.tokens {
            switch token.kind {
            case .variable:
                check(token.contents, token)
            case .block:
                let parts = token.components
                switch parts.first {
                case "for":
                    if let inIndex = parts.firstIndex(of: "in"), inIndex + 1 < parts.count { check(parts[inIndex + 1], token) }
                    let variables = parts.dropFirst().prefix { $0 != "in" }.flatMap { $0.split(separator: ",").map(String.init) }
                    scopes.append(Set(variables))
                case "endfor":
                    if scopes.count > 1 { scopes.removeLast() }
                case "if", "elif":
                    for part in parts.dropFirst() where !operators.contains(part) { check(part, token) }
                default:
                    break
                }
            default:
                break
            }
        }
        return unknown
    }

    /// The identifier an expression starts with (`支出` in `支出.合计|金额`), nil for literals.
    static func firstName(_ expression: String) -> String? {
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        // ASCII digits only: 一, 二 … are numeric characters too, and start names like 一般公共预算经济科目.
        guard let first = trimmed.first, !(first.isASCII && first.isNumber), first != "\"", first != "'", first != "-" else { return nil }
        let name = trimmed.prefix { !".|: [".contains($0) }
        return name.isEmpty ? nil : String(name)
    }
}
