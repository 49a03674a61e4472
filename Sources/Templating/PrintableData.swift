/// The data keys whose figures a format may leave out on purpose (`不印` in format.yaml): every
/// other figure typed in the data must reach the document (Preflight's `TypedFigureCoverage`).
public enum PrintableData {
    public static let keys = [
        "三公经费.因公出国", "三公经费.教学科研人员因公出国", "三公经费.公务用车购置", "三公经费.公务用车运行维护",
        "三公经费.公务接待", "三公经费.会议费", "三公经费.培训费",
        "国有资产.房屋", "国有资产.办公用房", "国有资产.办公家具", "国有资产.其他", "国有资产.车辆", "国有资产.大型设备", "国有资产.拟购置",
        "政府采购.货物", "政府采购.工程", "政府采购.服务", "政府采购.中小企业预留", "政府采购.小微企业预留", "政府采购.明细",
        "项目.金额", "部门整体绩效.绩效任务",
    ]
}
