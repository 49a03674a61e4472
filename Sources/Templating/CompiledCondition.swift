import Foundation

/// A block's or a row's `条件`, compiled once: an expression (`三公.合计|非零`,
/// `项.类别 == "部门主管专项资金"`, `not 国有资产.有`), read as `{% if … %}` reads it, or a text
/// with tags that holds when it prints something other than nothing, `false` or `0`.
/// Its errors are reported at the 条件's line and column.
struct CompiledCondition: Sendable {
    let text: String
    let source: TemplateSource
    private let program: Program

    private enum Program: Sendable {
        case expression(TemplateCondition, VariableCheck)
        case text(CompiledText)
        case broken(TemplateFailure)
    }

    init(_ text: String, source: TemplateSource) {
        self.text = text
        self.source = source
        if text.utf8.contains(UInt8(ascii: "{")) {
            program = .text(CompiledText(text, source: source))
            return
        }
        do {
            let condition = try TemplateParser.condition(TemplateLexer.normalize(text).0, tag: "if", line: 1)
            program = .expression(condition, VariableCheck(condition, line: 1))
        } catch let failure as TemplateFailure {
            program = .broken(TemplateFailure(failure.message, line: 1))
        } catch {
            program = .broken(TemplateFailure("\(error)", line: 1))
        }
    }

    /// `text` without white space and line breaks around it.
    static func trimmed(_ text: String) -> Substring {
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, first.isBlank { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isBlank { scalars = scalars.dropLast() }
        return Substring(scalars)
    }

    func holds(_ scope: TemplateScope, _ filters: TemplateFilterEnvironment) throws -> Bool {
        switch program {
        case .text(let text):
            return !["", "false", "0"].contains(Self.trimmed(try text.render(scope, filters)))
        case .broken(let failure):
            throw source.error(failure)
        case let .expression(condition, check):
            try check.verify(scope, at: source)
            var evaluation = TemplateEvaluation(scope: scope, filters: filters)
            let holds: Bool
            do {
                holds = try evaluation.holds(condition)
            } catch let failure as TemplateFailure {
                throw source.error(failure, missing: evaluation.missing)
            }
            if let missing = evaluation.missing { throw source.error(missingDataMessage(missing)) }
            return holds
        }
    }
}
