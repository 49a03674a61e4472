/// A compiled template text: plain text, values to print, branches and loops, each with the line
/// of the text it was written on (1 = the first). Immutable, so one tree serves every document.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{ 科目.合计|金额或空 }}`.
    case value(TemplateValueExpression, line: Int)
    /// `{% if %}` … `{% elif %}` … `{% else %}` … `{% endif %}`.
    case branch([TemplateArm])
    /// `{% for 项 in 列表 where 条件 %}` … `{% empty %}` … `{% endfor %}`.
    case loop(TemplateLoop)
}

/// One arm of a branch: its condition (nil for `else`) and what it prints.
struct TemplateArm: Sendable {
    let condition: TemplateCondition?
    let body: [TemplateNode]
    /// The line of its `if`, `elif` or `else` tag.
    let line: Int
}

struct TemplateLoop: Sendable {
    /// The name each element gets in the body (and in `where`).
    let variable: NameKey
    let source: TemplateValueExpression
    /// `where …`: only the elements for which it holds.
    let filter: TemplateCondition?
    let body: [TemplateNode]
    /// `{% empty %}`: printed when no element is left.
    let empty: [TemplateNode]
    /// The line of the `for` tag.
    let line: Int
}
