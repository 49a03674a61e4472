import BudgetCore
import BudgetInput
import Templating

/// Nothing typed disappears: every non-zero figure of the data is printed somewhere in the document
/// (a table or a sentence), or the format declares that it leaves that data out (`不印`), which
/// `check` then says at the key's line. A figure that silently vanishes is an error.
struct TypedFigureCoverage {
    let format: String
    let printed: Set<String>
    let notPrinted: [String: String]

    /// One typed figure: the data key a format may declare (`三公经费.会议费`), where it was typed, and
    /// the names under which the view hands it to templates (any of them printed will do).
    struct Typed {
        let key: String
        let label: String
        let amount: Located<Money>
        let names: [String]
        /// Names that count by prefix (a functional row is printed in whichever column).
        var prefixes: [String] = []
    }

    func diagnostics(for input: BudgetInput) -> [Diagnostic] {
        Self.typed(in: input).compactMap { typed in
            guard !typed.amount.value.isZero, !isPrinted(typed) else { return nil }
            let shown = typed.amount.value.exactText(in: input.unit) + input.unit.rawValue
            if let reason = notPrinted[typed.key] {
                return .warning("document.not-printed", "格式“\(format)”不印\(typed.label)（\(shown)）：\(reason)", at: typed.amount.location)
            }
            return .error("document.not-printed",
                          "\(typed.label)（\(shown)）没有印在格式“\(format)”的文件里：模板应印出它，或在 format.yaml 的“不印”中写明“\(typed.key)”及理由",
                          at: typed.amount.location)
        }
    }

    private func isPrinted(_ typed: Typed) -> Bool {
        typed.names.contains(where: printed.contains)
            || !typed.prefixes.isEmpty && printed.contains { id in typed.prefixes.contains { id.hasPrefix($0) } }
    }

    /// Every figure typed in `input` that a document should show.
    static func typed(in input: BudgetInput) -> [Typed] {
        var all: [Typed] = []
        for (item, amount) in input.threePublic.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let name = item == .overseasTrips ? "其他因公出国" : item.rawValue
            all.append(Typed(key: "三公经费.\(item.rawValue)", label: "“三公”经费\(item.rawValue)", amount: amount, names: ["三公.\(name)"]))
        }
        all += assets(input.assets)
        all += procurement(input.procurement)
        for (index, project) in input.projects.enumerated() {
            guard let amount = project.amount else { continue }
            all.append(Typed(key: "项目.金额", label: "项目“\(project.name.value)”的金额", amount: amount, names: ["项目[\(index + 1)].金额"]))
        }
        for (index, task) in (input.performance?.tasks ?? []).enumerated() {
            guard let amount = task.amount else { continue }
            all.append(Typed(key: "部门整体绩效.绩效任务", label: "绩效任务“\(task.name.value)”的金额", amount: amount,
                             names: ["绩效任务[\(index + 1)].金额"]))
        }
        return all
    }

    private static func assets(_ assets: Assets?) -> [Typed] {
        guard let assets else { return [] }
        var all: [Typed] = []
        func holding(_ name: String, _ holding: Assets.Holding?, also: [String] = []) {
            guard let value = holding?.value else { return }
            all.append(Typed(key: "国有资产.\(name)", label: "国有资产\(name)", amount: value, names: ["国有资产.\(name).金额"] + also))
        }
        holding("房屋", assets.buildings)
        holding("办公用房", assets.offices)
        // Formats without a 办公家具 row print it within 其他固定资产.
        holding("办公家具", assets.furniture, also: ["国有资产.其他含家具.金额"])
        holding("其他", assets.other, also: ["国有资产.其他含家具.金额"])
        for (index, vehicle) in assets.vehicles.enumerated() {
            guard let value = vehicle.value else { continue }
            all.append(Typed(key: "国有资产.车辆", label: "国有资产车辆“\(vehicle.kind.value)”", amount: value,
                             names: ["国有资产.车辆[\(index + 1)].金额", "国有资产.车辆金额"]))
        }
        for (index, equipment) in assets.equipment.enumerated() {
            guard let value = equipment.value else { continue }
            all.append(Typed(key: "国有资产.大型设备", label: "国有资产大型设备（\(equipment.threshold.value)万元以上）", amount: value,
                             names: ["国有资产.大型设备[\(index + 1)].金额"]))
        }
        if let planned = assets.plannedPurchase {
            all.append(Typed(key: "国有资产.拟购置", label: "拟购置固定资产", amount: planned, names: ["国有资产.拟购置"]))
        }
        return all
    }

    private static func procurement(_ procurement: Procurement?) -> [Typed] {
        guard let procurement else { return [] }
        var all: [Typed] = []
        for (name, typed) in [("货物", procurement.goods), ("工程", procurement.works), ("服务", procurement.services),
                              ("中小企业预留", procurement.smallBusinessReserve), ("小微企业预留", procurement.microBusinessReserve)] {
            guard let typed else { continue }
            all.append(Typed(key: "政府采购.\(name)", label: "政府采购\(name)", amount: typed, names: ["政府采购.\(name)"]))
        }
        for (index, item) in procurement.items.enumerated() {
            all.append(Typed(key: "政府采购.明细", label: "政府采购明细“\(item.item.value)”", amount: item.amount,
                             names: ["政府采购.明细[\(index + 1)].金额"]))
        }
        return all
    }
}
