import Foundation

/// Why a document could not be rendered, in words for the person running gongkai.
public struct RenderError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// A role's primary family is not installed (fontconfig found another family instead).
    static func familyMissing(_ family: String, role: String, package: String) -> RenderError {
        RenderError("字体角色“\(role)”的首选字体“\(family)”未安装：请安装 Debian 软件包 \(package)（apt-get install \(package)）")
    }

    static func fontFileUnreadable(_ path: String, index: Int, code: Int32) -> RenderError {
        RenderError("无法打开字体文件 \(path)（第 \(index) 个字体，FreeType 错误 \(code)）")
    }

    static func cairo(_ status: String, doing what: String) -> RenderError {
        RenderError("\(what)失败：cairo 报告“\(status)”")
    }
}
