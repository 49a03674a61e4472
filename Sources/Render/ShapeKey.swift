import Document
import Layout

/// What a shaping result depends on: the same subject names recur thousands of times in one
/// document, so results are kept under this key.
struct ShapeKey: Hashable {
    let text: ExactText
    let role: FontRole
    let size: Double
    let bold: Bool
}
