import Foundation

/// The reasons a rollup stores (DESIGN §3.5), as JSON objects of data: a `kind` and the case's fields in a fixed
/// order, so that the same reason always gives the same bytes and a tool can move a line without reading words.
/// A file refusal's CSV problem is `{"kind": "csv", "problem": "<its kind>", …its fields}`, a rollup's error
/// `{"kind": "rollup", "error": "<its kind>", …}`.
enum RollupReasonJSON {
    /// A field of a reason object: its key and its value as JSON text.
    typealias Field = (key: String, value: String)

    static func string(_ text: String) -> String { RangeRollup.json(text) }
    static func integer(_ value: some BinaryInteger) -> String { String(value) }
    static func strings(_ values: [String]) -> String { "[" + values.map(string).joined(separator: ", ") + "]" }

    static func object(_ kindKey: String, _ kind: String, _ fields: [Field], prefix: [Field] = []) -> String {
        let all = prefix + [(kindKey, string(kind))] + fields
        return "{" + all.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }

    // MARK: - Encoding

    static func text(_ reason: RejectReason) -> String {
        switch reason {
        case .fieldCount(let expected, let found):
            object("kind", "field_count", [("expected", integer(expected)), ("found", integer(found))])
        case .notADate(let value, let format):
            object("kind", "not_a_date", [("value", string(value)), ("format", string(format.rawValue))])
        case .laterThanFile(let column, let value, let modified):
            object(
                "kind", "later_than_file",
                [("column", string(column)), ("value", string(value)), ("modified", integer(modified))])
        case .timestampWithoutZone(let value):
            object("kind", "timestamp_without_zone", [("value", string(value))])
        case .notATimestamp(let value):
            object("kind", "not_a_timestamp", [("value", string(value))])
        case .emptyKey(let column):
            object("kind", "empty_key", [("column", string(column))])
        case .valueTooLong(let column, let length, let maximum):
            object(
                "kind", "value_too_long",
                [("column", string(column)), ("length", integer(length)), ("maximum", integer(maximum))])
        case .controlCharacter(let column, let value):
            object("kind", "control_character", [("column", string(column)), ("value", string(value))])
        case .notACount(let column, let value, let problem):
            object(
                "kind", "not_a_count",
                [("column", string(column)), ("value", string(value)), ("problem", string(problem.rawValue))])
        case .answeredOverCalls(let answered, let calls):
            object("kind", "answered_over_calls", [("answered", integer(answered)), ("calls", integer(calls))])
        case .dayTotalOverflow(let column, let count):
            object("kind", "day_total_overflow", [("column", string(column)), ("count", integer(count))])
        case .duplicate(let firstLine, let columns):
            object("kind", "duplicate", [("first_line", integer(firstLine)), ("columns", strings(columns))])
        }
    }

    static func text(_ reason: FileRefusalReason) -> String {
        switch reason {
        case .duplicateColumn(let name, let first, let second):
            return object(
                "kind", "duplicate_column",
                [("name", string(name)), ("first", integer(first)), ("second", integer(second))])
        case .missingMappedColumn(let name, let column, let feed, let header):
            return object(
                "kind", "missing_mapped_column",
                [
                    ("name", string(name)), ("column", string(column)), ("feed", string(feed.rawValue)),
                    ("header", strings(header)),
                ])
        case .missingColumns(let columns, let header):
            // Each required column as its alternatives: ["date", "timestamp"] or ["helpline"].
            let alternatives = columns.map { column in
                switch column {
                case .dateOrTimestamp: strings(["date", "timestamp"])
                case .named(let name): strings([name])
                }
            }
            return object(
                "kind", "missing_columns",
                [("columns", "[" + alternatives.joined(separator: ", ") + "]"), ("header", strings(header))])
        case .dateAndTimestamp: return object("kind", "date_and_timestamp", [])
        case .dateFormat(let conflict):
            let readable = conflict.readable.map { "[\(string($0.format.rawValue)), \(integer($0.dates))]" }
            return object(
                "kind", "date_format",
                [
                    ("feed", string(conflict.feed.rawValue)), ("file", string(conflict.file)),
                    ("configured", conflict.configured.map { string($0.rawValue) } ?? "null"),
                    ("fitting", strings(conflict.fitting.map(\.rawValue))),
                    ("readable", "[" + readable.joined(separator: ", ") + "]"), ("dates", integer(conflict.dates)),
                ])
        case .gzipNameWithoutCSV: return object("kind", "gzip_name_without_csv", [])
        case .notAFeedFileName: return object("kind", "not_a_feed_file_name", [])
        case .csv(let problem):
            let (kind, fields) = csvFields(problem)
            return object("problem", kind, fields, prefix: [("kind", string("csv"))])
        case .rollup(let error):
            let (kind, fields) = rollupFields(error)
            return object("error", kind, fields, prefix: [("kind", string("rollup"))])
        case .rollupUnreadable(let system):
            return object("kind", "rollup_unreadable", [("system", string(system))])
        case .unexpected(let description):
            return object("kind", "unexpected", [("description", string(description))])
        }
    }

    static func csvFields(_ problem: CSVProblem) -> (String, [Field]) {
        switch problem {
        case .noSuchFile: ("no_such_file", [])
        case .isDirectory: ("is_directory", [])
        case .notARegularFile(let kind): ("not_a_regular_file", [("type", string(kind.rawValue))])
        case .changedWhileRead(let before, let after):
            ("changed_while_read", [("size_at_open", integer(before)), ("size_after", integer(after))])
        case .digestFailed: ("digest_failed", [])
        case .cannotOpen(let system): ("cannot_open", [("system", string(system))])
        case .readFailed(let offset, let system):
            ("read_failed", [("offset", integer(offset)), ("system", string(system))])
        case .readBackwards(let source, let offset, let position):
            (
                "read_backwards",
                [("source", string(source.rawValue)), ("offset", integer(offset)), ("position", integer(position))]
            )
        case .utf16: ("utf16", [])
        case .empty: ("empty", [])
        case .noHeaderLine: ("no_header_line", [])
        case .nulByte: ("nul_byte", [])
        case .invalidUTF8(let bytes):
            ("invalid_utf8", [("bytes", "[" + bytes.map { String($0) }.joined(separator: ", ") + "]")])
        case .undefinedByte(let byte, let encoding):
            ("undefined_byte", [("byte", byte.map { String($0) } ?? "null"), ("encoding", string(encoding.rawValue))])
        case .conversionUnavailable(let encoding, let system):
            ("conversion_unavailable", [("encoding", string(encoding.rawValue)), ("system", string(system))])
        case .conversionBufferTooSmall: ("conversion_buffer_too_small", [])
        case .quoteInUnquotedField: ("quote_in_unquoted_field", [])
        case .textAfterClosingQuote: ("text_after_closing_quote", [])
        case .unclosedQuote(let line): ("unclosed_quote", [("opened_on_line", integer(line))])
        case .parserOutOfMemory: ("parser_out_of_memory", [])
        case .outOfMemory: ("out_of_memory", [])
        case .zlibCouldNotStart: ("zlib_could_not_start", [])
        case .zlibOutOfMemory: ("zlib_out_of_memory", [])
        case .gzipTruncated(let bytes): ("gzip_truncated", [("compressed_bytes", integer(bytes))])
        case .gzipTrailingBytes(let offset): ("gzip_trailing_bytes", [("offset", integer(offset))])
        case .gzipCorrupt(let offset, let zlib):
            ("gzip_corrupt", [("offset", integer(offset)), ("zlib", string(zlib))])
        }
    }

    static func rollupFields(_ error: RollupFormatError) -> (String, [Field]) {
        switch error {
        case .notJSON: ("not_json", [])
        case .unknownFormat(let format): ("unknown_format", [("format", string(format))])
        case .missingKey(let key): ("missing_key", [("key", string(key))])
        case .badValue(let path): ("bad_value", [("path", string(path))])
        case .notABannerFeed(let feed): ("not_a_banner_feed", [("feed", string(feed))])
        case .doesNotAddUp(let read, let accepted, let rejected):
            (
                "does_not_add_up",
                [("read", integer(read)), ("accepted", integer(accepted)), ("rejected", integer(rejected))]
            )
        case .feedMismatch(let folder, let rollup):
            ("feed_mismatch", [("folder", string(folder.rawValue)), ("rollup", string(rollup.rawValue))])
        case .notEvents(let level): ("not_events", [("level", string(level.rawValue))])
        case .fileNameMismatch(let file, let expected):
            ("file_name_mismatch", [("file", string(file)), ("expected", string(expected))])
        case .fileBesideRollup(let file): ("file_beside_rollup", [("file", string(file))])
        case .anotherRollupOfTheFile(let other): ("another_rollup_of_the_file", [("other", string(other))])
        case .partialCoverage(let start, let end, let stop, let fileSize):
            (
                "partial_coverage",
                [
                    ("start", integer(start)), ("end", integer(end)), ("stop", integer(stop)),
                    ("file_size", integer(fileSize)),
                ]
            )
        case .moreRowsThanBytes(let rows, let fileSize):
            ("more_rows_than_bytes", [("rows", integer(rows)), ("file_size", integer(fileSize))])
        }
    }

    // MARK: - Decoding

    /// A reason object's fields as decoded, read by key with the key path of the object for errors.
    struct Fields {
        let values: [String: JSONValue]
        let path: String

        func string(_ key: String) throws(RollupFormatError) -> String {
            guard case .string(let text)? = values[key] else { throw .badValue("\(path).\(key)") }
            return text
        }

        func integer(_ key: String) throws(RollupFormatError) -> Int {
            guard case .int(let value)? = values[key], let int = Int(exactly: value) else {
                throw .badValue("\(path).\(key)")
            }
            return int
        }

        func integer64(_ key: String) throws(RollupFormatError) -> Int64 {
            guard case .int(let value)? = values[key] else { throw .badValue("\(path).\(key)") }
            return Int64(value)
        }

        func strings(_ key: String) throws(RollupFormatError) -> [String] {
            guard case .array(let items)? = values[key] else { throw .badValue("\(path).\(key)") }
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw .badValue("\(path).\(key)") }
                strings.append(text)
            }
            return strings
        }

        func byte(_ value: JSONValue) throws(RollupFormatError) -> UInt8 {
            guard case .int(let number) = value, let byte = UInt8(exactly: number) else {
                throw .badValue(path)
            }
            return byte
        }

        func encoding(_ key: String) throws(RollupFormatError) -> TextEncoding {
            guard let encoding = TextEncoding(rawValue: try string(key)) else { throw .badValue("\(path).\(key)") }
            return encoding
        }

        func feed(_ key: String) throws(RollupFormatError) -> Feed {
            guard let feed = Feed(rawValue: try string(key)) else { throw .badValue("\(path).\(key)") }
            return feed
        }
    }

    /// A `date_format` refusal's conflict, from its fields.
    static func dateFormatConflict(_ f: Fields) throws(RollupFormatError) -> DateFormatConflict {
        func format(_ text: String, at key: String) throws(RollupFormatError) -> DateFormat {
            guard let format = DateFormat(rawValue: text) else { throw .badValue("\(f.path).\(key)") }
            return format
        }
        var configured: DateFormat?
        switch f.values["configured"] {
        case .null?: configured = nil
        case .string(let text)?: configured = try format(text, at: "configured")
        default: throw .badValue("\(f.path).configured")
        }
        var fitting: [DateFormat] = []
        for text in try f.strings("fitting") { fitting.append(try format(text, at: "fitting")) }
        guard case .array(let items)? = f.values["readable"] else { throw .badValue("\(f.path).readable") }
        var readable: [DateFormatConflict.Readable] = []
        for item in items {
            guard case .array(let pair) = item, pair.count == 2, case .string(let text) = pair[0],
                case .int(let count) = pair[1]
            else { throw .badValue("\(f.path).readable") }
            readable.append(DateFormatConflict.Readable(format: try format(text, at: "readable"), dates: count))
        }
        return DateFormatConflict(
            feed: try f.feed("feed"), file: try f.string("file"), configured: configured, fitting: fitting,
            readable: readable, dates: try f.integer("dates"))
    }

    static func fields(_ value: JSONValue, path: String) throws(RollupFormatError) -> Fields {
        guard case .object(let values) = value else { throw .badValue(path) }
        return Fields(values: values, path: path)
    }

    static func rejectReason(_ value: JSONValue, path: String) throws(RollupFormatError) -> RejectReason {
        let f = try fields(value, path: path)
        switch try f.string("kind") {
        case "field_count": return .fieldCount(expected: try f.integer("expected"), found: try f.integer("found"))
        case "not_a_date":
            guard let format = DateFormat(rawValue: try f.string("format")) else { throw .badValue("\(path).format") }
            return .notADate(value: try f.string("value"), format: format)
        case "later_than_file":
            return .laterThanFile(
                column: try f.string("column"), value: try f.string("value"), modified: try f.integer64("modified"))
        case "timestamp_without_zone": return .timestampWithoutZone(value: try f.string("value"))
        case "not_a_timestamp": return .notATimestamp(value: try f.string("value"))
        case "empty_key": return .emptyKey(column: try f.string("column"))
        case "value_too_long":
            return .valueTooLong(
                column: try f.string("column"), length: try f.integer("length"), maximum: try f.integer("maximum"))
        case "control_character":
            return .controlCharacter(column: try f.string("column"), value: try f.string("value"))
        case "not_a_count":
            guard let problem = CountProblem(rawValue: try f.string("problem")) else {
                throw .badValue("\(path).problem")
            }
            return .notACount(column: try f.string("column"), value: try f.string("value"), problem: problem)
        case "answered_over_calls":
            return .answeredOverCalls(answered: try f.integer64("answered"), calls: try f.integer64("calls"))
        case "day_total_overflow":
            return .dayTotalOverflow(column: try f.string("column"), count: try f.integer64("count"))
        case "duplicate":
            return .duplicate(firstLine: try f.integer("first_line"), columns: try f.strings("columns"))
        default: throw .badValue("\(path).kind")
        }
    }

    static func refusalReason(_ value: JSONValue, path: String) throws(RollupFormatError) -> FileRefusalReason {
        let f = try fields(value, path: path)
        switch try f.string("kind") {
        case "duplicate_column":
            return .duplicateColumn(
                name: try f.string("name"), first: try f.integer("first"), second: try f.integer("second"))
        case "missing_mapped_column":
            return .missingMappedColumn(
                name: try f.string("name"), column: try f.string("column"), feed: try f.feed("feed"),
                header: try f.strings("header"))
        case "missing_columns":
            guard case .array(let items)? = f.values["columns"] else { throw .badValue("\(path).columns") }
            var columns: [FileRefusalReason.RequiredColumn] = []
            for item in items {
                guard case .array(let names) = item else { throw .badValue("\(path).columns") }
                if names == [.string("date"), .string("timestamp")] {
                    columns.append(.dateOrTimestamp)
                } else if names.count == 1, case .string(let name) = names[0] {
                    columns.append(.named(name))
                } else {
                    throw .badValue("\(path).columns")
                }
            }
            return .missingColumns(columns, header: try f.strings("header"))
        case "date_and_timestamp": return .dateAndTimestamp
        case "date_format": return .dateFormat(try dateFormatConflict(f))
        case "gzip_name_without_csv": return .gzipNameWithoutCSV
        case "not_a_feed_file_name": return .notAFeedFileName
        case "csv": return .csv(try csvProblem(f))
        case "rollup": return .rollup(try rollupError(f))
        case "rollup_unreadable": return .rollupUnreadable(system: try f.string("system"))
        case "unexpected": return .unexpected(try f.string("description"))
        default: throw .badValue("\(path).kind")
        }
    }

    static func csvProblem(_ f: Fields) throws(RollupFormatError) -> CSVProblem {
        switch try f.string("problem") {
        case "no_such_file": return .noSuchFile
        case "is_directory": return .isDirectory
        case "not_a_regular_file":
            guard let kind = FileSnapshot.Kind(rawValue: try f.string("type")) else {
                throw .badValue("\(f.path).type")
            }
            return .notARegularFile(kind)
        case "changed_while_read":
            return .changedWhileRead(sizeAtOpen: try f.integer("size_at_open"), sizeAfter: try f.integer("size_after"))
        case "digest_failed": return .digestFailed
        case "cannot_open": return .cannotOpen(system: try f.string("system"))
        case "read_failed": return .readFailed(offset: try f.integer("offset"), system: try f.string("system"))
        case "read_backwards":
            guard let source = CSVProblem.ForwardSource(rawValue: try f.string("source")) else {
                throw .badValue("\(f.path).source")
            }
            return .readBackwards(source: source, offset: try f.integer("offset"), position: try f.integer("position"))
        case "utf16": return .utf16
        case "empty": return .empty
        case "no_header_line": return .noHeaderLine
        case "nul_byte": return .nulByte
        case "invalid_utf8":
            guard case .array(let items)? = f.values["bytes"] else { throw .badValue("\(f.path).bytes") }
            var bytes: [UInt8] = []
            for item in items { bytes.append(try f.byte(item)) }
            return .invalidUTF8(bytes: bytes)
        case "undefined_byte":
            let byte: UInt8?
            switch f.values["byte"] {
            case .null?: byte = nil
            case let value?: byte = try f.byte(value)
            case nil: throw .badValue("\(f.path).byte")
            }
            return .undefinedByte(byte, encoding: try f.encoding("encoding"))
        case "conversion_unavailable":
            return .conversionUnavailable(encoding: try f.encoding("encoding"), system: try f.string("system"))
        case "conversion_buffer_too_small": return .conversionBufferTooSmall
        case "quote_in_unquoted_field": return .quoteInUnquotedField
        case "text_after_closing_quote": return .textAfterClosingQuote
        case "unclosed_quote": return .unclosedQuote(openedOnLine: try f.integer("opened_on_line"))
        case "parser_out_of_memory": return .parserOutOfMemory
        case "out_of_memory": return .outOfMemory
        case "zlib_could_not_start": return .zlibCouldNotStart
        case "zlib_out_of_memory": return .zlibOutOfMemory
        case "gzip_truncated": return .gzipTruncated(compressedBytes: try f.integer("compressed_bytes"))
        case "gzip_trailing_bytes": return .gzipTrailingBytes(offset: try f.integer("offset"))
        case "gzip_corrupt": return .gzipCorrupt(offset: try f.integer("offset"), zlib: try f.string("zlib"))
        default: throw .badValue("\(f.path).problem")
        }
    }

    static func rollupError(_ f: Fields) throws(RollupFormatError) -> RollupFormatError {
        switch try f.string("error") {
        case "not_json": return .notJSON
        case "unknown_format": return .unknownFormat(try f.string("format"))
        case "missing_key": return .missingKey(try f.string("key"))
        case "bad_value": return .badValue(try f.string("path"))
        case "not_a_banner_feed": return .notABannerFeed(try f.string("feed"))
        case "does_not_add_up":
            return .doesNotAddUp(
                read: try f.integer("read"), accepted: try f.integer("accepted"), rejected: try f.integer("rejected"))
        case "feed_mismatch": return .feedMismatch(folder: try f.feed("folder"), rollup: try f.feed("rollup"))
        case "not_events":
            guard let level = RangeRollup.Level(rawValue: try f.string("level")) else {
                throw .badValue("\(f.path).level")
            }
            return .notEvents(level)
        case "file_name_mismatch":
            return .fileNameMismatch(file: try f.string("file"), expected: try f.string("expected"))
        case "file_beside_rollup": return .fileBesideRollup(try f.string("file"))
        case "another_rollup_of_the_file": return .anotherRollupOfTheFile(other: try f.string("other"))
        case "partial_coverage":
            return .partialCoverage(
                start: try f.integer("start"), end: try f.integer("end"), stop: try f.integer("stop"),
                fileSize: try f.integer("file_size"))
        case "more_rows_than_bytes":
            return .moreRowsThanBytes(rows: try f.integer("rows"), fileSize: try f.integer("file_size"))
        default: throw .badValue("\(f.path).error")
        }
    }
}
