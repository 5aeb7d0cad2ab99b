import Foundation

extension RangeRollup {
    /// The rollup as the JSON text `awareness rollup` writes (DESIGN §3.5): one key per line in a fixed order,
    /// then one line per count and per reject, so that the same range always gives the same bytes and a rollup
    /// can be read, diffed and summed by any tool.
    public var jsonText: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// `jsonText` as UTF-8 bytes, built without a string per count: a range holds up to a few hundred thousand.
    public var jsonBytes: [UInt8] {
        var lines = ["{"]
        func field(_ key: String, _ value: String) { lines.append("\(Self.json(key)): \(value),") }
        field("format", Self.json(Self.format))
        field("feed", Self.json(feed.rawValue))
        field("file", Self.json(file))
        field("file_size", String(fileSize))
        field("start", String(start))
        field("end", String(end))
        field("stop", String(stop))
        field("line_ends", String(lineEnds))
        field("ranges", String(ranges))
        field("level", Self.json(level.rawValue))
        field("delimiter", Self.json(String(UnicodeScalar(delimiter))))
        field("rows_read", String(rowsRead))
        field("rows_accepted", String(rowsAccepted))
        field("rows_rejected", String(rowsRejected))
        if let refusal {
            let location =
                "\"line\": \(refusal.line.map(String.init) ?? "null"), "
                + "\"column\": \(refusal.column.map(String.init) ?? "null")"
            field(
                "refusal",
                "{\"io\": \(refusal.isIOError), \(location), \"reason\": \(RollupReasonJSON.text(refusal.reason))}")
        } else {
            field("refusal", "null")
        }
        field("unknown_columns", "[" + unknownColumns.map(Self.json).joined(separator: ", ") + "]")
        if let ignored = ignoredInvalidText {
            // Written only when there is such a row, so that the rollups of clean text keep their bytes.
            field(
                "ignored_invalid_text",
                "{\"rows\": \(ignored.rows), \"first_line\": \(ignored.firstLine), \"columns\": ["
                    + ignored.columns.map(Self.json).joined(separator: ", ") + "]}")
        }
        lines.append("\"counts\": [")
        var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        bytes.reserveCapacity(bytes.count + counts.count * 96)
        // Counts are sorted by date: each date is written once as text.
        var date = (day: Int.min, text: [UInt8]())
        for (index, count) in counts.enumerated() {
            if count.date.daysSinceEpoch != date.day {
                date = (count.date.daysSinceEpoch, Array(Self.json(count.date.description).utf8))
            }
            bytes.append(UInt8(ascii: "["))
            bytes += date.text
            for value in [count.campaign, count.banner, count.placement, count.region] {
                bytes += [UInt8(ascii: ","), UInt8(ascii: " ")]
                Self.appendJSON(value, to: &bytes)
            }
            bytes += [UInt8(ascii: ","), UInt8(ascii: " ")]
            bytes += String(count.count).utf8
            bytes.append(UInt8(ascii: "]"))
            if index < counts.count - 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
        }
        lines = ["],", "\"rejects\": ["]
        for (index, reject) in rejects.enumerated() {
            let values = [
                "\"line\": \(reject.line)", "\"column\": \(reject.column.map(String.init) ?? "null")",
                "\"value\": \(Self.json(reject.value))", "\"reason\": \(RollupReasonJSON.text(reject.reason))",
                "\"record\": \(Self.json(reject.record))",
            ]
            lines.append("{" + values.joined(separator: ", ") + "}" + (index < rejects.count - 1 ? "," : ""))
        }
        lines.append("]")
        lines.append("}")
        bytes += (lines.joined(separator: "\n") + "\n").utf8
        return bytes
    }

    /// Appends `text` as a JSON string, escaped as `json(_:)` escapes it, a byte at a time.
    static func appendJSON(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, everything else as it is.
    static func json(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    /// Reads a rollup from its JSON text, checking its format, its keys and that its accounting adds up.
    public init(jsonData data: Data) throws(RollupFormatError) {
        let decoded: RollupJSON
        do {
            decoded = try JSONDecoder().decode(RollupJSON.self, from: data)
        } catch let error as RollupFormatError {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw .missingKey(key.stringValue)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .badValue(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch {
            throw .notJSON
        }
        guard decoded.format == Self.format else { throw .unknownFormat(decoded.format) }
        guard let feed = Feed(rawValue: decoded.feed), feed.acceptsTimestamps else {
            throw .notABannerFeed(decoded.feed)
        }
        guard let level = Level(rawValue: decoded.level) else { throw .badValue("level") }
        guard decoded.delimiter.utf8.count == 1, let delimiter = decoded.delimiter.utf8.first else {
            throw .badValue("delimiter")
        }
        self.init(feed: feed, file: decoded.file, start: decoded.start, end: decoded.end)
        fileSize = decoded.fileSize
        stop = decoded.stop
        lineEnds = decoded.lineEnds
        ranges = decoded.ranges
        self.level = level
        self.delimiter = delimiter
        rowsRead = decoded.rowsRead
        rowsAccepted = decoded.rowsAccepted
        rowsRejected = decoded.rowsRejected
        if let decodedRefusal = decoded.refusal {
            guard (decodedRefusal.line ?? 1) >= 1 else { throw .badValue("refusal.line") }
            guard (decodedRefusal.column ?? 1) >= 1 else { throw .badValue("refusal.column") }
            refusal = FileFailure(
                isIOError: decodedRefusal.io, line: decodedRefusal.line, column: decodedRefusal.column,
                reason: try RollupReasonJSON.refusalReason(decodedRefusal.reason, path: "refusal.reason"))
        }
        unknownColumns = decoded.unknownColumns
        if let ignored = decoded.ignoredInvalidText {
            guard ignored.rows >= 1, ignored.firstLine >= 1, ignored.rows <= decoded.rowsRead
            else { throw .badValue("ignored_invalid_text") }
            ignoredInvalidText = IgnoredInvalidText(
                rows: ignored.rows, firstLine: ignored.firstLine, columns: ignored.columns)
        }
        var counts: [Count] = []
        counts.reserveCapacity(decoded.counts.count)
        for (index, row) in decoded.counts.enumerated() {
            guard let date = CivilDate(iso8601: row.date) else { throw .badValue("counts.\(index)") }
            guard row.count >= 0, !row.campaign.isEmpty else { throw .badValue("counts.\(index)") }
            counts.append(
                Count(
                    date: date, campaign: row.campaign, banner: row.banner, placement: row.placement,
                    region: row.region, count: row.count))
        }
        self.counts = counts
        var rejects: [RejectedRow] = []
        rejects.reserveCapacity(decoded.rejects.count)
        for (index, reject) in decoded.rejects.enumerated() {
            // Lines and columns are 1-based.
            guard reject.line >= 1 else { throw .badValue("rejects.\(index).line") }
            guard (reject.column ?? 1) >= 1 else { throw .badValue("rejects.\(index).column") }
            rejects.append(
                RejectedRow(
                    file: decoded.file, line: reject.line, column: reject.column, value: reject.value,
                    reason: try RollupReasonJSON.rejectReason(reject.reason, path: "rejects.\(index).reason"),
                    record: reject.record))
        }
        self.rejects = rejects
        guard addsUp else { throw .doesNotAddUp(read: rowsRead, accepted: rowsAccepted, rejected: rowsRejected) }
        // Offsets and sizes are bytes of a file: not negative, and short of a petabyte, so that the accounting of
        // many rollups added up stays far from Int.max.
        for (key, value) in [("file_size", fileSize), ("start", start), ("end", end), ("stop", stop)]
        where !(0...RangeRollup.maximumFileSize).contains(value) {
            throw .badValue(key)
        }
        guard ranges >= 1 else { throw .badValue("ranges") }
    }
}

/// Why a rollup file cannot be read.
public enum RollupFormatError: Error, Sendable, Equatable {
    /// The text is not JSON.
    case notJSON
    /// The `format` key names another format or version.
    case unknownFormat(String)
    /// A key every rollup has is missing.
    case missingKey(String)
    /// A key's value has the wrong type or is out of range (its key path).
    case badValue(String)
    /// The feed is not one whose files can be event-level.
    case notABannerFeed(String)
    /// Rows read is not accepted + rejected.
    case doesNotAddUp(read: Int, accepted: Int, rejected: Int)
    /// The rollup is of a feed other than the folder it lies in.
    case feedMismatch(folder: Feed, rollup: Feed)
    /// The rollup does not hold event-level counts.
    case notEvents(RangeRollup.Level)
    /// The rollup's `file` is not the file its own name says it rolls up: `expected`, the rollup's name without
    /// `.rollup.json`, in its feed folder (a rollup names no file of another folder, `../../etc/passwd` included).
    case fileNameMismatch(file: String, expected: String)
    /// The file rolled up (or its `.gz`) is in the feed folder beside its rollup: read, it would be counted twice.
    case fileBesideRollup(String)
    /// Another rollup in the folder (`other`, its suffix in other letter case) rolls up the same file.
    case anotherRollupOfTheFile(other: String)
    /// The rollup does not cover its whole file: it must start at 0 and end and stop at `file_size`, its ranges
    /// joined.
    case partialCoverage(start: Int, end: Int, stop: Int, fileSize: Int)
    /// The rollup counts more rows than its file has bytes: every row takes at least one.
    case moreRowsThanBytes(rows: Int, fileSize: Int)
}

/// The JSON keys of a rollup, as decoded.
private struct RollupJSON: Decodable {
    struct Refusal: Decodable {
        let io: Bool
        let line: Int?
        let column: Int?
        let reason: JSONValue
    }

    struct CountRow: Decodable {
        let date: String
        let campaign: String
        let banner: String
        let placement: String
        let region: String
        let count: Int64

        init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            date = try row.decode(String.self)
            campaign = try row.decode(String.self)
            banner = try row.decode(String.self)
            placement = try row.decode(String.self)
            region = try row.decode(String.self)
            count = try row.decode(Int64.self)
            guard row.isAtEnd else { throw RollupFormatError.badValue("counts") }
        }
    }

    struct IgnoredText: Decodable {
        let rows: Int
        let firstLine: Int
        let columns: [String]

        enum CodingKeys: String, CodingKey {
            case rows, columns
            case firstLine = "first_line"
        }
    }

    struct Reject: Decodable {
        let line: Int
        let column: Int?
        let value: String
        let reason: JSONValue
        let record: String
    }

    let format: String
    let feed: String
    let file: String
    let fileSize: Int
    let start: Int
    let end: Int
    let stop: Int
    let lineEnds: Int
    let ranges: Int
    let level: String
    let delimiter: String
    let rowsRead: Int
    let rowsAccepted: Int
    let rowsRejected: Int
    let refusal: Refusal?
    let unknownColumns: [String]
    let ignoredInvalidText: IgnoredText?
    let counts: [CountRow]
    let rejects: [Reject]

    enum CodingKeys: String, CodingKey {
        case format, feed, file, start, end, stop, ranges, level, delimiter, refusal, counts, rejects
        case fileSize = "file_size"
        case lineEnds = "line_ends"
        case rowsRead = "rows_read"
        case rowsAccepted = "rows_accepted"
        case rowsRejected = "rows_rejected"
        case unknownColumns = "unknown_columns"
        case ignoredInvalidText = "ignored_invalid_text"
    }
}
