import Foundation

/// Numbers in cairo attribute strings: two decimals with a point whatever the locale, so the
/// same document gives the same bytes everywhere.
enum PDFNumber {
    static func text(_ value: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), value.isFinite ? value : 0)
    }
}
