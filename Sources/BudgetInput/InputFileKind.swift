import Foundation

/// What a path names, looked at before reading it: only a regular file of at most
/// `InputLoader.maximumFileSize` bytes is read (a 2 GiB file, a FIFO or /dev/zero never is).
enum InputFileKind {
    struct Refusal {
        let rule: String
        let message: String
    }

    static func refusal(_ path: String) -> Refusal? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }  // missing or unreadable: the read says so
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return Refusal(rule: "input.not-file", message: "这是一个文件夹，不是数据文件")
        default: return Refusal(rule: "input.not-file", message: "这不是普通文件（设备、管道或套接字），不能作为数据文件读取")
        }
        let size = Int(info.st_size)
        guard size <= InputLoader.maximumFileSize else {
            return Refusal(rule: "input.too-large", message: "文件大小 \(size) 字节，超过上限 \(InputLoader.maximumFileSize) 字节")
        }
        return nil
    }
}
