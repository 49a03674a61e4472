import CCairo
import Foundation

/// Where cairo writes a PDF: a file written with write(2), every short or failed write caught. cairo's
/// own file output ignores a full disk (it reports success over a truncated file), so the surface
/// writes through this sink and learns of any failure as CAIRO_STATUS_WRITE_ERROR.
final class CheckedFileSink {
    let path: String
    /// The file the user asked for (the sink writes its temporary sibling): what messages name.
    let target: String
    /// -1 once closed: cairo may still write while a surface abandoned after a failure is destroyed,
    /// and the number may by then belong to another thread's file.
    private var descriptor: Int32
    private(set) var bytesWritten = 0
    /// The first failure (errno's text), if any.
    private(set) var failure: String?

    init(path: String, target: String) throws {
        self.path = path
        self.target = target
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RenderError("无法写入 \(target)：\(Self.reason())") }
    }

    /// The C callback cairo calls with each chunk; `closure` is this sink.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<CheckedFileSink>.fromOpaque(closure).takeUnretainedValue()
        return sink.append(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// Writes all of `count` bytes, retrying short writes; false (and the reason kept) on failure.
    func append(_ data: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard failure == nil, descriptor >= 0 else { return false }
        var offset = 0
        while offset < count {
            let written = Foundation.write(descriptor, data + offset, count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                failure = Self.reason()
                return false
            }
            offset += written
        }
        bytesWritten += count
        return true
    }

    /// Flushes to the disk and closes; throws if anything failed, now or before.
    func close() throws {
        let synced = fsync(descriptor) == 0 ? nil : Self.reason()
        let closed = Foundation.close(descriptor) == 0 ? nil : Self.reason()
        descriptor = -1
        if let reason = failure ?? synced ?? closed { throw RenderError("写入 \(target) 失败：\(reason)（原有的文件没有改动）") }
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytesWritten else {
            throw RenderError("写入 \(target) 失败：文件大小与写出的字节数不符（原有的文件没有改动）")
        }
    }

    /// Closes after a failure elsewhere, without reporting.
    func abandon() {
        guard descriptor >= 0 else { return }
        _ = Foundation.close(descriptor)
        descriptor = -1
    }

    /// errno in Chinese where it matters most, the system's words otherwise.
    static func reason() -> String {
        switch errno {
        case ENOSPC: return "磁盘空间不足"
        case EDQUOT: return "超出磁盘配额"
        case EACCES, EPERM: return "没有写入权限"
        case EROFS: return "文件系统只读"
        case ENOENT: return "目录不存在"
        default: return String(cString: strerror(errno))
        }
    }
}
