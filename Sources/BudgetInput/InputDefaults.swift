import BudgetCore
import Foundation
import Yams

/// What a county's settings supply for every department that does not write it itself (县设置.yaml:
/// 格式, 年度, 名词解释, 联系人, 政府经济科目对应), read by the same schema as a department's file
/// and kept with the settings' positions, so a diagnostic about a value points where it was written.
public struct InputDefaults: Sendable {
    /// The top-level keys a county may supply.
    public static let keys = ["格式", "年度", "名词解释", "联系人", "政府经济科目对应"]

    let values: [String: InputValue]

    public static let none = InputDefaults(values: [:])

    /// The county's 年度, if it gives one.
    public var year: Int? {
        if case .integer(let year)? = values["年度"] { return year.value }
        return nil
    }

    /// For last year's file: everything carries over but the year (it is last year's).
    var forPriorYear: InputDefaults { InputDefaults(values: values.filter { $0.key != "年度" }) }

    /// Reads `keys` of the settings file `text` (at `file`) as a department's file would be read.
    public static func read(_ text: String, file: String) -> (defaults: InputDefaults, diagnostics: [Diagnostic]) {
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: text, .basic, .default, .utf8),
              case .record(let fields) = InputSchema.root else { return (.none, []) }
        // Nothing is required of the county: a key it leaves out is the department's to write.
        let wanted = fields.filter { keys.contains($0.key) }.map { Field($0.key, $0.shape, required: false, $0.doc) }
        let chosen = Node.Mapping(mapping.filter { keys.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }, mapping.tag,
                                  mapping.style, mapping.mark)
        var reader = ShapeReader(file: file, unit: .wanYuan, source: SourceText(text, file: file))
        guard case .record(let record)? = reader.read(.mapping(chosen), as: .record(wanted), path: "") else {
            return (.none, reader.diagnostics)
        }
        return (InputDefaults(values: record.values), reader.diagnostics)
    }
}
