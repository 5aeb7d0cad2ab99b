import Foundation
import Yams

extension CampaignCalendar {
    /// Reads a campaign calendar from YAML text.
    ///
    /// The text is composed by Yams into a node tree, so that every error can name the 1-based line and column
    /// of the offending node; YAML syntax errors keep the line and column libyaml reports. Keys must be plain
    /// text (see `ComplexKeyScreen`), and aliases may not expand the walked tree past 100,000 nodes, so that a
    /// "billion laughs" document is refused in milliseconds. `file` is only used in errors.
    public static func parse(yaml: String, file: String) throws(CampaignCalendarError) -> CampaignCalendar {
        if let finding = ComplexKeyScreen.firstComplexKey(in: yaml) {
            throw CampaignCalendarError(
                file: file, line: finding.line, column: finding.column, keyPath: "", message: finding.message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error, yaml: yaml, file: file)
        }
        guard let root else {
            throw CampaignCalendarError(
                file: file, line: nil, column: nil, keyPath: "",
                message: "the document is empty (it must give at least \"timezone\")")
        }
        var reader = CampaignCalendarReader(file: file)
        return try reader.calendar(from: root)
    }

    /// Reads the campaign calendar in the file at `path` (UTF-8, with or without a byte-order mark).
    ///
    /// A file that cannot be read gives an error with `isIOError` set; any other problem is a configuration error.
    public static func load(contentsOf path: String) throws(CampaignCalendarError) -> CampaignCalendar {
        try read(contentsOf: path).calendar
    }

    /// Reads the campaign calendar in the file at `path` as ``load(contentsOf:)`` does, with the bytes it was
    /// parsed from: the run manifest's digest of the calendar is taken from them, so that it names what was read
    /// and not the file as it may be a moment later.
    public static func read(
        contentsOf path: String
    ) throws(CampaignCalendarError) -> (
        calendar: CampaignCalendar, bytes: Data
    ) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CampaignCalendarError(
                file: path, line: nil, column: nil, keyPath: "",
                message: "cannot read the file: \(error.localizedDescription)", isIOError: true)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CampaignCalendarError(
                file: path, line: nil, column: nil, keyPath: "", message: "the file is not UTF-8 text")
        }
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        return (try parse(yaml: text, file: path), data)
    }

    // MARK: - YAML syntax errors

    private static func syntaxError(_ error: any Error, yaml: String, file: String) -> CampaignCalendarError {
        func located(_ mark: Mark?, _ message: String) -> CampaignCalendarError {
            CampaignCalendarError(file: file, line: mark?.line, column: mark?.column, keyPath: "", message: message)
        }
        func described(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "invalid YAML: \(problem)" }
            return
                "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        guard let yamlError = error as? YamlError else {
            return located(nil, "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(mark, described(problem, context))
        case .reader(let problem, let offset, _, _):
            let position = offset.map { self.position(atUTF8Offset: $0, in: yaml) }
            return CampaignCalendarError(
                file: file, line: position?.line, column: position?.column, keyPath: "",
                message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyError(key: duplicates.first ?? "", first: context.mark, yaml: yaml, file: file)
        default:
            return located(nil, "invalid YAML: \(yamlError)")
        }
    }

    private static func position(atUTF8Offset offset: Int, in yaml: String) -> (line: Int, column: Int) {
        let prefix = yaml.utf8.prefix(offset)
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.index(after: $0) } ?? prefix.startIndex
        let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = (String(prefix[lineStart...]) ?? "").unicodeScalars.count + 1
        return (line, column)
    }

    // MARK: - Duplicate keys

    /// Yams rejects a mapping that repeats a key, but reports the first occurrence; analysts need the second
    /// one (the line they most likely just added) and its key path. The second occurrence is found in the text,
    /// replaced by a sentinel key, and the document composed again to learn the sentinel's key path.
    private static func duplicateKeyError(
        key: String, first: Mark, yaml: String, file: String
    ) -> CampaignCalendarError {
        let message = "duplicate key (first at line \(first.line))"
        let locator = DuplicateKeyLocator(yaml: yaml)
        guard let second = locator.secondOccurrence(of: key, after: (first.line, first.column)) else {
            return CampaignCalendarError(
                file: file, line: first.line, column: first.column, keyPath: key, message: message)
        }
        let parentPath = DuplicateKeyLocator.keyPathOfSentinel(in: second.yamlWithSentinel)
        let keyPath = parentPath.map { $0.isEmpty ? key : "\($0).\(key)" } ?? key
        return CampaignCalendarError(
            file: file, line: second.line, column: second.column, keyPath: keyPath, message: message)
    }
}
