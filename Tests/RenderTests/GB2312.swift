import Foundation

/// The 3,755 level-1 characters of GB 2312 (rows 16–55), decoded with the C library's iconv so
/// the test does not carry them as a literal.
enum GB2312 {
    static func levelOne() throws -> [Character] {
        var bytes: [UInt8] = []
        for row in 0xB0...0xD7 {
            // Row 55 (0xD7) stops at 0xF9: its last five cells are empty.
            for cell in 0xA1...(row == 0xD7 ? 0xF9 : 0xFE) { bytes += [UInt8(row), UInt8(cell)] }
        }
        return Array(try decode(bytes))
    }

    private static func decode(_ bytes: [UInt8]) throws -> String {
        let converter = iconv_open("UTF-8", "GB2312")
        guard converter != iconv_t(bitPattern: -1) else { throw Failure(description: "iconv 不支持 GB2312") }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2)
        var inputLeft = input.count, outputLeft = output.count
        let converted = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var sourcePointer = source.baseAddress, targetPointer = target.baseAddress
                return iconv(converter, &sourcePointer, &inputLeft, &targetPointer, &outputLeft)
            }
        }
        guard converted != -1, inputLeft == 0 else { throw Failure(description: "GB2312 解码失败") }
        return String(decoding: output.prefix(output.count - outputLeft).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
