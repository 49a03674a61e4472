/// The items of the “三公”经费 table, with 会议费 and 培训费 that some formats print beside them.
public enum ThreePublicItem: String, CaseIterable, Sendable, Codable {
    /// 其他因公出国（境）费.
    case overseasTrips = "因公出国"
    /// 其中：教学科研人员因公出国（境）费.
    case overseasTripsForResearch = "教学科研人员因公出国"
    case vehiclePurchase = "公务用车购置"
    case vehicleOperation = "公务用车运行维护"
    case reception = "公务接待"
    case meetings = "会议费"
    case training = "培训费"

    public var doc: String {
        switch self {
        case .overseasTrips: return "因公出国（境）费（教学科研人员以外）"
        case .overseasTripsForResearch: return "其中：教学科研人员因公出国（境）费"
        case .vehiclePurchase: return "公务用车购置费"
        case .vehicleOperation: return "公务用车运行维护费"
        case .reception: return "公务接待费"
        case .meetings: return "会议费"
        case .training: return "培训费"
        }
    }

    /// 会议费 and 培训费 are not part of the “三公” subtotal.
    public var isThreePublic: Bool { self != .meetings && self != .training }
}
