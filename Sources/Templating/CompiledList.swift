import Foundation

/// The list a `每个` or `并排` runs over (`在`), compiled once: a path into the data
/// (`分组功能科目.一般公共预算`) or `"键"|年度数据`, a list of format.yaml's 数据 for the year.
/// Its errors are reported at the 在's line and column.
struct CompiledList: Sendable {
    let text: String
    let source: TemplateSource
    /// The text without the spaces around it, as messages name it.
    private let expression: String
    private let program: Program

    private enum Program: Sendable {
        case yearData(String)
        case expression(TemplateValueExpression, VariableCheck)
        case broken(String)
    }

    init(_ text: String, source: TemplateSource) {
        self.text = text
        self.source = source
        let expression = text.trimmingCharacters(in: .whitespaces)
        self.expression = expression
        if expression.hasSuffix("|年度数据") {
            program = .yearData(expression.dropLast("|年度数据".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
            return
        }
        do {
            let value = try TemplateParser.value(expression, line: 1)
            if case .literal = value.operand {
                program = .broken("未知的变量“\(expression)”")
            } else {
                program = .expression(value, VariableCheck(value, line: 1))
            }
        } catch let failure as TemplateFailure {
            program = .broken(failure.message)
        } catch {
            program = .broken("\(error)")
        }
    }

    /// The elements, for a document of `year`.
    func elements(_ scope: TemplateScope, _ filters: TemplateFilterEnvironment, year: Int) throws -> [TemplateValue] {
        switch program {
        case .yearData(let key):
            guard let data = filters.yearData[key] else {
                throw source.error("format.yaml 的“数据”中没有“\(key)”（或没有 \(year) 年和“默认”）")
            }
            guard case .list(let elements) = data else { return [] }
            return elements
        case .broken(let message):
            throw source.error(message)
        case let .expression(value, check):
            if check.firstUnknown(in: scope) != nil { throw source.error("未知的变量“\(expression)”") }
            if let problem = check.problems.first { throw source.error(problem.message) }
            var evaluation = TemplateEvaluation(scope: scope, filters: filters)
            let result: TemplateValue
            do {
                result = try evaluation.value(value)
            } catch let failure as TemplateFailure {
                throw source.error(evaluation.missing.map(missingDataMessage) ?? failure.message)
            }
            if let missing = evaluation.missing { throw source.error(missingDataMessage(missing)) }
            guard case .list(let elements) = result else { throw source.error("“\(expression)”不是列表") }
            return elements
        }
    }
}
