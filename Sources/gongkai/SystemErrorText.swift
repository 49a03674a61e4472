import Foundation

/// Foundation's and the system's errors in Chinese (an unwritable folder, a full disk), never as
/// `Error Domain=NSCocoaErrorDomain Code=513 …`.
enum SystemErrorText {
    static func describe(_ original: Error) -> String {
        let error = original as NSError
        let path = error.userInfo[NSFilePathErrorKey] as? String ?? ""
        switch (error.domain, error.code) {
        case (NSCocoaErrorDomain, NSFileWriteNoPermissionError), (NSCocoaErrorDomain, NSFileReadNoPermissionError):
            return "没有权限\(path.isEmpty ? "" : "：" + path)"
        case (NSCocoaErrorDomain, NSFileWriteOutOfSpaceError):
            return "磁盘空间不足\(path.isEmpty ? "" : "：" + path)"
        case (NSCocoaErrorDomain, NSFileNoSuchFileError), (NSCocoaErrorDomain, NSFileReadNoSuchFileError):
            return "文件或目录不存在\(path.isEmpty ? "" : "：" + path)"
        case (NSCocoaErrorDomain, NSFileWriteFileExistsError):
            return "已有同名文件，不是目录\(path.isEmpty ? "" : "：" + path)"
        case (NSCocoaErrorDomain, NSFileWriteVolumeReadOnlyError):
            return "文件系统只读\(path.isEmpty ? "" : "：" + path)"
        case (NSCocoaErrorDomain, _), (NSPOSIXErrorDomain, _):
            return "系统错误（\(error.domain) \(error.code)）\(path.isEmpty ? "" : "：" + path)"
        default:
            return "\(original)"
        }
    }
}
