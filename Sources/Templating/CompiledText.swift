/// One template text of a format (a title, a paragraph, a cell, a caption), compiled once when
/// the format is loaded: the tree is immutable and shared by every document rendered with it.
///
/// Rendering checks first that every name the text starts a path with is in the scope (else
/// “未知的变量…（可用：…）” at the line of the name), then that its filters exist, then runs it;
/// a member the data lacks is “数据中没有…”. Errors are placed in the template file: at the text's
/// own line and column, or at the line within a text of several lines.
struct CompiledText: Sendable {
    let text: String
    let source: TemplateSource
    private let program: Program

    private enum Program: Sendable {
        /// No tags: printed as written.
        case plain
        /// Only text once comments are left out.
        case fixed(String)
        case nodes(TemplateProgram)
        /// A text that does not parse: its error, reported when it is rendered.
        case broken(TemplateFailure)
    }

    init(_ text: String, source: TemplateSource) {
        self.text = text
        self.source = source
        guard text.utf8.contains(UInt8(ascii: "{")) else {
            program = .plain
            return
        }
        do {
            let nodes = try TemplateParser.parse(text)
            var fixed = ""
            for node in nodes {
                guard case .text(let part) = node else {
                    program = .nodes(TemplateProgram(nodes))
                    return
                }
                fixed += part
            }
            program = fixed == text ? .plain : .fixed(fixed)
        } catch let failure as TemplateFailure {
            program = .broken(failure)
        } catch {
            program = .broken(TemplateFailure("\(error)", line: 1))
        }
    }

    /// The text for `scope`, its figures logged through `filters`.
    func render(_ scope: TemplateScope, _ filters: TemplateFilterEnvironment) throws -> String {
        switch program {
        case .plain:
            return text
        case .fixed(let fixed):
            return fixed
        case .broken(let failure):
            throw source.error(failure)
        case .nodes(let program):
            try program.check.verify(scope, at: source)
            var evaluation = TemplateEvaluation(scope: scope, filters: filters)
            var output = ""
            do {
                try evaluation.render(program.nodes, into: &output)
            } catch let failure as TemplateFailure {
                throw source.error(failure, missing: evaluation.missing)
            }
            if let missing = evaluation.missing { throw source.error(missingDataMessage(missing)) }
            return output
        }
    }

    /// The first name the text takes from its scope that `known` does not have (增减说法's check
    /// when the format is loaded).
    func firstUnknownName(among known: Set<String>) -> VariableCheck.Use? {
        guard case .nodes(let program) = program else { return nil }
        return program.check.firstUnknown { known.contains($0.text) }
    }
}

/// A compiled text's tree and what it needs from its scope.
final class TemplateProgram: Sendable {
    let nodes: [TemplateNode]
    let check: VariableCheck

    init(_ nodes: [TemplateNode]) {
        self.nodes = nodes
        self.check = VariableCheck(nodes)
    }
}

extension VariableCheck {
    /// Every free name is in `scope`, every filter known and rightly written; else the error at
    /// the line of the first that is not.
    func verify(_ scope: TemplateScope, at source: TemplateSource) throws {
        if let unknown = firstUnknown(in: scope) {
            throw source.error("未知的变量“\(unknown.name)”（可用：\(scope.names.joined(separator: "、"))）", lineOffset: unknown.line - 1)
        }
        if let problem = problems.first { throw source.error(problem) }
    }
}

extension TemplateSource {
    /// A failure at its line within the text; a name the data lacks is the root cause of what
    /// failed after it (a filter that then got nothing), so it is reported instead.
    func error(_ failure: TemplateFailure, missing: String? = nil) -> TemplateError {
        let offset = (failure.line ?? 1) - 1
        if let missing { return error(missingDataMessage(missing), lineOffset: offset) }
        return error(failure.message, lineOffset: offset)
    }
}
