/// What a compiled text needs from its scope, found once when it is compiled: every name a path
/// starts with (of a value, a condition, a key in brackets, a filter's argument, a loop's list or
/// `where`) that no enclosing `for` binds, and every misspelt or misused filter, each with its line.
/// Before a text runs, each name is checked against the scope: a misspelt name is an error at its
/// line rather than empty text.
struct VariableCheck: Sendable {
    struct Use: Sendable {
        let name: NameKey
        let line: Int
    }

    /// The free names in the order they are written, each once.
    private(set) var names: [Use] = []
    /// Unknown filters and filters given arguments they do not take.
    private(set) var problems: [TemplateFailure] = []
    private var bound: [NameKey] = []

    init(_ nodes: [TemplateNode]) {
        visit(nodes)
    }

    init(_ condition: TemplateCondition, line: Int) {
        visit(condition, line: line)
    }

    init(_ expression: TemplateValueExpression, line: Int) {
        visit(expression, line: line)
    }

    /// The first name `known` lacks (`forloop` is always known).
    func firstUnknown(_ known: (NameKey) -> Bool) -> Use? {
        names.first { $0.name != TemplateEvaluation.forloop && !known($0.name) }
    }

    /// The first name `scope` lacks.
    func firstUnknown(in scope: TemplateScope) -> Use? {
        for use in names where !scope.contains(use.name) && use.name != TemplateEvaluation.forloop { return use }
        return nil
    }

    private mutating func visit(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case let .value(expression, line):
                visit(expression, line: line)
            case .branch(let arms):
                for arm in arms {
                    if let condition = arm.condition { visit(condition, line: arm.line) }
                    visit(arm.body)
                }
            case .loop(let loop):
                visit(loop.source, line: loop.line)
                bound.append(loop.variable)
                if let filter = loop.filter { visit(filter, line: loop.line) }
                visit(loop.body)
                bound.removeLast()
                visit(loop.empty)
            }
        }
    }

    private mutating func visit(_ condition: TemplateCondition, line: Int) {
        switch condition {
        case .value(let expression): visit(expression, line: line)
        case .not(let inner): visit(inner, line: line)
        case .all(let conditions), .any(let conditions): for inner in conditions { visit(inner, line: line) }
        case let .compare(left, _, right):
            visit(left, line: line)
            visit(right, line: line)
        }
    }

    private mutating func visit(_ expression: TemplateValueExpression, line: Int) {
        visit(expression.operand, line: line)
        for call in expression.filters {
            if let filter = call.filter {
                if let problem = filter.problem(arguments: call.arguments.count) { problems.append(TemplateFailure(problem, line: line)) }
            } else {
                problems.append(TemplateFailure(TemplateEvaluation.unknownFilter(call.name), line: line))
            }
            for argument in call.arguments { visit(argument, line: line) }
        }
    }

    private mutating func visit(_ operand: TemplateOperand, line: Int) {
        guard case .path(let path) = operand else { return }
        use(path.root, line: line)
        for case .key(let key) in path.steps { visit(key, line: line) }
    }

    private mutating func use(_ name: NameKey, line: Int) {
        guard !bound.contains(name), !names.contains(where: { $0.name == name }) else { return }
        names.append(Use(name: name, line: line))
    }
}
