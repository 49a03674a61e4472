import BudgetCore
import Foundation
import Yams

/// Stage 1's entry: reads a department's YAML file into a `BudgetInput`, or says exactly why not.
public enum InputLoader {
    /// Files above this size are refused before parsing: no budget file comes near it.
    public static let maximumFileSize = 4 * 1024 * 1024

    public struct Outcome: Sendable {
        /// What could be read; when `diagnostics` has errors, the parts in error are missing from it.
        public let input: BudgetInput?
        public let diagnostics: [Diagnostic]
        /// Every text typed in the file (not last year's), in runs that stand contiguously in the
        /// source, each located at its first character: for checks on the characters themselves
        /// (can a font print them?) without reading the file again.
        public let texts: [Located<String>]

        public init(input: BudgetInput?, diagnostics: [Diagnostic], texts: [Located<String>] = []) {
            self.input = input
            self.diagnostics = diagnostics
            self.texts = texts
        }

        /// The input, only if it was read without errors.
        public var completeInput: BudgetInput? { diagnostics.hasErrors ? nil : input }
    }

    /// Reads `path` (and, through `上年`, last year's file beside it; `priorYear` says how far away
    /// that file may be).
    public static func load(path: String, priorYear: PriorYearScope = .dataFolder, defaults: InputDefaults = .none) -> Outcome {
        load(path: path, readingPriorYear: true, priorYear: priorYear, defaults: defaults)
    }

    static func load(path: String, readingPriorYear: Bool, priorYear: PriorYearScope = .dataFolder,
                     defaults: InputDefaults = .none) -> Outcome {
        let origin = SourceLocation.wholeFile(path)
        // Looked at before reading: a directory, a FIFO, a device or a huge file is never read.
        if let refusal = InputFileKind.refusal(path) { return Outcome(input: nil, diagnostics: [.error(refusal.rule, refusal.message, at: origin)]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Outcome(input: nil, diagnostics: [.error("input.unreadable", "无法读取文件（不存在或没有读取权限）", at: origin)])
        }
        return load(data: data, path: path, readingPriorYear: readingPriorYear, priorYear: priorYear, defaults: defaults)
    }

    /// Reads YAML bytes that claim to come from `path` (used for diagnostics and to find 上年 files).
    /// `nodeBudget` bounds the YAML nodes visited (alias expansion included).
    public static func load(data: Data, path: String, readingPriorYear: Bool = true, priorYear: PriorYearScope = .dataFolder,
                            nodeBudget: Int = 200_000, defaults: InputDefaults = .none) -> Outcome {
        switch decodeText(data, path: path) {
        case .failure(let diagnostic):
            return Outcome(input: nil, diagnostics: [diagnostic])
        case .success(let text):
            return load(text: text, path: path, readingPriorYear: readingPriorYear, priorYear: priorYear, nodeBudget: nodeBudget,
                        defaults: defaults)
        }
    }

    static func load(text: String, path: String, readingPriorYear: Bool, priorYear: PriorYearScope = .dataFolder,
                     nodeBudget: Int = 200_000, defaults: InputDefaults = .none) -> Outcome {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        let root: Node
        do {
            // Every scalar is read from its text (money never through Double), so no implicit types:
            // Yams' default resolver runs a regular expression per scalar when it hashes mapping keys.
            // UTF-8 named, or Yams reads the process environment on every call to choose it.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return Outcome(input: nil, diagnostics: [.error("input.empty", "文件为空：应至少写出 名称、年度、格式、金额单位 和 支出", at: origin)])
            }
            root = node
        } catch {
            return Outcome(input: nil, diagnostics: [YAMLErrorTranslation.diagnostic(for: error, text: text, file: path)])
        }
        guard case .mapping(let mapping) = root else {
            return Outcome(input: nil, diagnostics: [.error("input.type", "文件顶层应为“键: 值”映射，如“名称: 高阳县医疗保障局”", at: origin)])
        }
        // A file with none of the data's keys is some other file: say so once, never echo its content.
        guard mapping.contains(where: { key, _ in InputSchema.topLevelKeys.contains(key.string ?? "") }) else {
            return Outcome(input: nil, diagnostics: [.error("input.foreign", "不是数据文件：没有“名称”“年度”“支出”等任何一个数据键", at: origin)])
        }
        var diagnostics: [Diagnostic] = []
        let unit = amountUnit(in: mapping, file: path, diagnostics: &diagnostics)
        var reader = ShapeReader(file: path, unit: unit ?? .wanYuan, source: SourceText(text, file: path), nodeBudget: nodeBudget,
                                 defaults: defaults.values)
        let value = reader.read(root, as: InputSchema.root, path: "")
        diagnostics += unitNoted(reader.diagnostics, unit: unit, in: mapping, file: path)
        guard unit != nil, case .record(let record)? = value else {
            return Outcome(input: nil, diagnostics: dedupe(diagnostics), texts: reader.texts)
        }
        var builder = InputBuilder(file: path, unit: unit!)
        var input = builder.build(record)
        input?.typedDecimals = reader.typedDecimals
        diagnostics += builder.diagnostics
        if var built = input, readingPriorYear, let prior = built.prior, let priorFile = prior.file {
            if let refusal = PriorYearFile.refusal(priorFile.value, from: path, scope: priorYear) {
                diagnostics.append(.error("prior.outside", refusal, at: priorFile.location))
                return Outcome(input: nil, diagnostics: dedupe(diagnostics), texts: reader.texts)
            }
            let resolved = PriorYearFile.resolve(priorFile.value, relativeTo: path)
            if PriorYearFile.sameFile(resolved, path) {
                diagnostics.append(.error("prior.cycle", "上年数据文件“\(priorFile.value)”就是本文件：请指向上一年度的文件", at: priorFile.location))
                return Outcome(input: nil, diagnostics: dedupe(diagnostics), texts: reader.texts)
            }
            let outcome = load(path: resolved, readingPriorYear: false, defaults: defaults.forPriorYear)
            if let back = outcome.input?.prior?.path(relativeTo: resolved), PriorYearFile.sameFile(back, path) {
                diagnostics.append(.error("prior.cycle", "上年数据文件“\(priorFile.value)”又以本文件为上年：两个文件互为上年（循环引用）", at: priorFile.location))
                return Outcome(input: nil, diagnostics: dedupe(diagnostics), texts: reader.texts)
            }
            if let priorInput = outcome.completeInput {
                built.prior?.input = BudgetInputBox(priorInput)
                diagnostics += outcome.diagnostics
            } else if let first = outcome.diagnostics.first, ["input.too-large", "input.not-file", "input.foreign", "input.type", "input.empty"].contains(first.rule) {
                diagnostics.append(.error("prior.invalid", "上年数据文件“\(priorFile.value)”：\(first.message)", at: priorFile.location))
            } else if outcome.diagnostics.first?.rule == "input.unreadable" {
                diagnostics.append(missingPriorYear(priorFile, resolved: resolved))
            } else {
                diagnostics.append(.error("prior.invalid", "上年数据文件“\(priorFile.value)”有错误，见下列诊断", at: priorFile.location))
                diagnostics += outcome.diagnostics
            }
            input = built
        }
        return Outcome(input: input, diagnostics: dedupe(diagnostics), texts: reader.texts)
    }

    /// 金额单位 decides how every amount is read, so it is read first.
    /// 上年 names no file there: say which folder was looked in, and the closest .yaml in it.
    private static func missingPriorYear(_ named: Located<String>, resolved: String) -> Diagnostic {
        let folder = (resolved as NSString).deletingLastPathComponent
        let shown = folder.isEmpty ? "本文件所在的文件夹" : "文件夹 \(folder)/"
        var diagnostic = Diagnostic.error("prior.missing", "找不到上年数据文件“\(named.value)”：\(shown)中没有这个文件", at: named.location)
        let wanted = (named.value as NSString).lastPathComponent
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []).filter { $0.hasSuffix(".yaml") }
        if let closest = KeySuggestion.closest(to: wanted, among: files) {
            diagnostic = diagnostic.hinting("是否想写“\(closest)”？")
        }
        return diagnostic
    }

    /// Several amounts with too many decimals (元 typed as 万元) or too large (万元 typed as 元) mean
    /// the 金额单位 is wrong rather than each amount: the first says so, pointing at the unit.
    private static func unitNoted(_ diagnostics: [Diagnostic], unit: AmountUnit?, in mapping: Node.Mapping, file: String) -> [Diagnostic] {
        guard let unit, let mark = mapping.first(where: { $0.key.string == "金额单位" })?.value.mark else { return diagnostics }
        let other: AmountUnit = unit == .yuan ? .wanYuan : .yuan
        let rule = unit == .yuan ? "amount.decimals" : "amount.too-large"
        guard diagnostics.filter({ $0.rule == rule }).count >= 2, let first = diagnostics.firstIndex(where: { $0.rule == rule }) else { return diagnostics }
        var noted = diagnostics
        noted[first] = noted[first].noting("金额单位写的是“\(unit.rawValue)”：若金额是按\(other.rawValue)填写的，应改为“金额单位: \(other.rawValue)”",
                                           at: SourceLocation(file: file, line: mark.line, column: mark.column))
        return noted
    }

    private static func amountUnit(in mapping: Node.Mapping, file: String, diagnostics: inout [Diagnostic]) -> AmountUnit? {
        for (key, value) in mapping where key.string == "金额单位" {
            if let text = value.scalar?.string, let unit = AmountUnit(rawValue: text) { return unit }
            return nil // the shape reader reports the bad value
        }
        return nil // the shape reader reports the missing key
    }

    /// Strict UTF-8: a byte that is not UTF-8 is reported with its line and column, never replaced.
    static func decodeText(_ data: Data, path: String) -> Result<String, Diagnostic> {
        if data.count > maximumFileSize {
            return .failure(.error("input.too-large", "文件大小 \(data.count) 字节，超过上限 \(maximumFileSize) 字节", at: .wholeFile(path)))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            // Bytes first: walking the text by Character to find none costs a grapheme break per character.
            if bytes.contains(0), let nul = text.firstIndex(of: "\u{0}") {
                return .failure(.error("input.encoding", "文件含有空字符（U+0000），不是文本文件", at: position(of: nul, in: text, file: path)))
            }
            return .success(text)
        }
        let offset = firstInvalidUTF8Offset(bytes)
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = (prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return .failure(.error("input.encoding", "文件不是 UTF-8 编码：第 \(offset + 1) 字节为 0x\(byte)（请以 UTF-8 保存，GBK 文件可用 iconv -f GBK -t UTF-8 转换）", at: SourceLocation(file: path, line: line, column: column)))
    }

    static func position(of index: String.Index, in text: String, file: String) -> SourceLocation {
        let prefix = text[..<index]
        let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = (prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count
                || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }

    private static func dedupe(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

/// How far from the data file its `上年` file may be. A data file must not make gongkai read any
/// file on the machine, so only its own folder by default; `render --prior-anywhere` widens it
/// for one person's files (a county batch never does).
public enum PriorYearScope: Sendable {
    /// Relative to the data file and inside its folder.
    case dataFolder
    /// Anywhere: absolute paths and `..` allowed.
    case anywhere
    /// Relative to the data file, anywhere inside this folder (a county's batch: a department may
    /// name last year's file in a sibling folder, never one outside the county).
    case folder(String)
}

/// Where `上年: 文件.yaml` points: relative to the file that names it, inside its folder.
enum PriorYearFile {
    /// Why a reference may not be followed: an absolute path, or one that climbs out of the data
    /// file's folder (a data file must not make gongkai read, and quote, any file on the machine).
    static func refusal(_ name: String, from path: String, scope: PriorYearScope) -> String? {
        switch scope {
        case .anywhere: return nil
        case .dataFolder: return refusal(name)
        case .folder(let root): return refusal(name, from: path, inside: root)
        }
    }

    /// Inside a county folder: relative, and once resolved still under the folder.
    static func refusal(_ name: String, from path: String, inside root: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("~") {
            return "上年数据文件应写相对于本文件的路径（如“上年: {文件: 2024.yaml}”），不能写绝对路径：\(name)"
        }
        let resolved = URL(fileURLWithPath: resolve(name, relativeTo: path)).standardizedFileURL.path
        let folder = URL(fileURLWithPath: root).standardizedFileURL.path
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            return "批量排版时，上年数据文件应在县文件夹 \(folder) 之内：\(name)"
        }
        return nil
    }

    static func refusal(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("~") {
            return "上年数据文件应写相对于本文件的路径（如“上年: {文件: 2024.yaml}”），不能写绝对路径（确需如此，可加选项 --prior-anywhere）：\(name)"
        }
        var depth = 0
        for part in name.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return "上年数据文件应在本文件所在的文件夹之内，不能用“..”走出去（确需如此，可加选项 --prior-anywhere）：\(name)" }
        }
        return nil
    }

    /// Whether two paths name one file (symbolic links and `..` resolved).
    static func sameFile(_ one: String, _ other: String) -> Bool {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return canonical(one) == canonical(other)
    }

    static func resolve(_ name: String, relativeTo path: String) -> String {
        if name.hasPrefix("/") { return name }
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }
}
