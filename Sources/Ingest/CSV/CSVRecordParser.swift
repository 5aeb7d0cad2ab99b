import CByteScan
import CLibCSV
import CRecordBatch
import Foundation

/// One CSV record as libcsv delivered it: the physical line it starts on and its fields as bytes.
///
/// The field bytes live in the parser's buffer and are valid only during the handler call that
/// receives the record; copy what must outlive it (`string(at:)` does).
public struct CSVRecord {
    /// The 1-based physical line where the record starts (a quoted newline does not move it).
    public let line: Int
    /// The 1-based physical line where the record ends (greater than `line` after quoted newlines).
    public let endLine: Int
    /// The delimiter of the file the record comes from.
    public let delimiter: UInt8
    /// The parser's field bytes, in which this record's fields start at `start`.
    private let bytes: UnsafePointer<UInt8>
    private let start: Int
    /// For each field, the offset in `bytes` of the NUL that follows it.
    private let fieldEnds: UnsafeBufferPointer<Int>
    /// The fields that hold bytes that are not UTF-8, each once, in field order: set only by a reader that keeps
    /// such records (`CSVFileReader.toleratesInvalidText`), empty otherwise.
    public internal(set) var invalidText: [CSVInvalidText] = []

    init(
        line: Int, endLine: Int, delimiter: UInt8, bytes: UnsafePointer<UInt8>, start: Int,
        fieldEnds: UnsafeBufferPointer<Int>
    ) {
        self.line = line
        self.delimiter = delimiter
        self.endLine = endLine
        self.bytes = bytes
        self.start = start
        self.fieldEnds = fieldEnds
    }

    /// The number of fields.
    public var count: Int { fieldEnds.count }

    /// The bytes of field `index` (0-based), without quotes and with `""` unescaped.
    @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        fields(index, through: index)
    }

    /// The bytes of fields `first` through `last`, each followed by a NUL but the last: the fields are stored
    /// that way, so that consecutive fields can be taken together without a copy.
    @inline(__always)
    public func fields(_ first: Int, through last: Int) -> UnsafeBufferPointer<UInt8> {
        let from = first == 0 ? start : fieldEnds[first - 1] + 1
        return UnsafeBufferPointer(start: bytes + from, count: fieldEnds[last] - from)
    }

    /// Field `index` decoded as UTF-8 (invalid sequences replaced; the file reader has validated them).
    public func string(at index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// Every field as a string.
    public var strings: [String] { (0..<count).map(string(at:)) }
}

/// A field of a record whose bytes are not valid UTF-8, and where in the file its first invalid sequence is.
public struct CSVInvalidText: Sendable, Equatable {
    /// The field's 0-based position in the record.
    public let field: Int
    /// Where the sequence is and what it is, worded when asked.
    let problem: UTF8LineValidator.Problem

    /// The 1-based line and character column of the field's first invalid sequence in the file.
    public var line: Int { problem.line }
    public var column: Int { problem.column }
    /// What is wrong with the bytes (``CSVProblem/invalidUTF8(bytes:)``, with the sequence's first bytes).
    public var csvProblem: CSVProblem { problem.problem }
}

/// A syntax error libcsv reported in strict mode.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// The 1-based physical line of the offending byte.
    public let line: Int
    /// The 1-based character position of the offending byte within `line`.
    public let column: Int
    /// The 1-based line where the record being parsed started.
    public let recordLine: Int
    /// What went wrong.
    public let problem: CSVProblem
}

/// An incremental strict CSV parser over libcsv that knows the physical lines of every record.
///
/// libcsv's callbacks are C functions (`Sources/CRecordBatch`) that collect fields and record ends; the records
/// collected are handed over in one loop each time libcsv returns from a block.
///
/// Lines are counted from what libcsv reports: with `CSV_REPALL_NL` every carriage return and line feed outside a
/// quoted field ends a record (or is an empty record, on a blank line or after the CR of a CRLF), and every line
/// feed inside a quoted field is in that field's bytes. So a record ends on its start line plus the line feeds of
/// its fields, and the next record starts one line later when the terminator was a line feed. The line feeds of a
/// block that ended no record are in fields: only when there are some are the records' bytes searched for them.
///
/// libcsv runs with `CSV_STRICT | CSV_STRICT_FINI` and its default space handling: spaces and tabs around an
/// unquoted field, and around the quotes of a quoted one, are dropped; inside quotes every byte is kept. Fields
/// are copied once into a reusable buffer, each followed by a NUL (which a file cannot hold: the reader refuses
/// it); no per-field allocation.
public final class CSVRecordParser {
    private static let quote = UInt8(ascii: "\"")
    private let parser: UnsafeMutablePointer<csv_parser>
    private var initialized = false
    private let batch: UnsafeMutablePointer<awareness_record_batch>
    /// The line of the next byte fed.
    private var currentLine: Int
    /// The line the record being parsed (or the next one) starts on.
    private var recordStartLine: Int
    /// Line feeds fed that are inside the fields of the record being parsed.
    private var pendingFieldFeeds = 0
    private var atLineStart = true
    /// Characters after the last line feed fed (the column of the next byte, less one).
    private var charactersAfterNewline = 0

    /// The delimiter this parser splits fields on.
    public let delimiter: UInt8

    /// The number of records delivered so far.
    public private(set) var recordCount = 0

    /// Creates a parser for `delimiter`, counting lines from `firstLine` (1 for a whole file; the
    /// line of the first byte for a part of one).
    public init(delimiter: UInt8, firstLine: Int = 1) {
        self.delimiter = delimiter
        currentLine = firstLine
        recordStartLine = firstLine
        batch = .allocate(capacity: 1)
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        guard awareness_record_batch_init(batch, parser) == 0 else { return }
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else { return }
        initialized = true
        csv_set_delim(parser, delimiter)
        csv_set_blk_size(parser, 4096)
    }

    deinit {
        if initialized { csv_free(parser) }
        awareness_record_batch_free(batch)
        batch.deallocate()
        parser.deallocate()
    }

    /// The physical line the next byte fed belongs to.
    public var line: Int { currentLine }

    /// The 1-based character column of the next byte fed on its line.
    public var column: Int { charactersAfterNewline + 1 }

    /// Whether the bytes fed so far end exactly between two records, at the start of a line: where a file
    /// may be cut for parallel reading.
    public var isAtRecordBoundary: Bool { atLineStart && parser.pointee.pstate == 0 }

    /// Parses `bytes`, calling `onRecord` for every record completed. Records that straddle the end of
    /// `bytes` complete on a later call. Throws `CSVSyntaxError` on malformed input, or rethrows what
    /// `onRecord` threw (after which the parser must not be fed again). `newlines`, when the caller has
    /// counted them, is the number of line feeds in `bytes`.
    public func feed(
        _ bytes: UnsafeRawBufferPointer, newlines: Int? = nil, onRecord: (CSVRecord) throws -> Void
    )
        throws
    {
        guard initialized else { throw outOfMemory() }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let feeds = newlines ?? Self.countNewlines(bytes)
        let parsed = csv_parse(
            parser, base, bytes.count, awareness_record_batch_field, awareness_record_batch_record, batch)
        guard batch.pointee.out_of_memory == 0 else { throw outOfMemory() }
        // Stopped short by an error, libcsv has not seen every line feed: the records are searched.
        try deliver(onRecord, lineFeeds: parsed == bytes.count ? feeds : nil)
        // After a long record, its memory is given back: at most the record twice (libcsv's field and the batch's copy)
        // is held at a time, never for the rest of the file.
        guard awareness_record_batch_trim(batch, parser) == 0 else { throw outOfMemory() }
        if parsed != bytes.count {
            throw syntaxError(in: bytes, parsed: parsed)
        }
        currentLine += feeds
        atLineStart = bytes[bytes.count - 1] == 0x0A
        if let newline = bytes.lastIndex(of: 0x0A) {
            charactersAfterNewline = Self.characters(UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...]))
        } else {
            charactersAfterNewline += Self.characters(bytes)
        }
    }

    /// Hands the records collected to `onRecord`, and counts the lines they and the line ends between them take.
    /// `lineFeeds` is the number of line feeds libcsv was given since the last call, or nil when unknown.
    private func deliver(_ onRecord: (CSVRecord) throws -> Void, lineFeeds: Int?) throws {
        defer { awareness_record_batch_drop_records(batch) }
        let collected = batch.pointee
        // Line feeds that ended no record are in fields, of the records collected or of one still being parsed.
        var fieldFeeds = lineFeeds.map { pendingFieldFeeds + $0 - collected.line_feed_ends }
        defer { pendingFieldFeeds = fieldFeeds ?? 0 }
        guard collected.record_count > 0, let bytes = collected.bytes, let ends = collected.field_ends else { return }
        let bytesBase = UnsafePointer(bytes)
        let fieldEnds = UnsafeBufferPointer(start: ends, count: collected.field_count)
        var firstField = 0
        for index in 0..<collected.record_count {
            let end = collected.records[index]
            let endsLine = end.terminator == 0x0A ? 1 : 0
            let lastField = end.field_end
            guard lastField > firstField else {
                recordStartLine += endsLine
                continue
            }
            let start = firstField == 0 ? 0 : fieldEnds[firstField - 1] + 1
            var endLine = recordStartLine
            if fieldFeeds != 0 {
                let fields = UnsafeRawBufferPointer(start: bytesBase + start, count: fieldEnds[lastField - 1] - start)
                let found = Self.countNewlines(fields)
                endLine += found
                fieldFeeds = fieldFeeds.map { $0 - found }
            }
            let record = CSVRecord(
                line: recordStartLine, endLine: endLine, delimiter: delimiter, bytes: bytesBase, start: start,
                fieldEnds: UnsafeBufferPointer(rebasing: fieldEnds[firstField..<lastField]))
            recordStartLine = endLine + endsLine
            firstField = lastField
            recordCount += 1
            try onRecord(record)
        }
    }

    private func outOfMemory() -> CSVSyntaxError {
        CSVSyntaxError(line: currentLine, column: 1, recordLine: recordStartLine, problem: .outOfMemory)
    }

    /// Where libcsv stopped in `bytes`, and why.
    private func syntaxError(in bytes: UnsafeRawBufferPointer, parsed: Int) -> CSVSyntaxError {
        let problem: CSVProblem
        if csv_error(parser) != CSV_EPARSE {
            problem = .parserOutOfMemory
        } else if parsed < bytes.count, bytes[parsed] == CSVRecordParser.quote, parser.pointee.quoted == 0 {
            problem = .quoteInUnquotedField
        } else {
            problem = .textAfterClosingQuote
        }
        let before = UnsafeRawBufferPointer(rebasing: bytes[..<parsed])
        let line = currentLine + Self.countNewlines(before)
        let column: Int
        if let lastNewline = before.lastIndex(of: 0x0A) {
            column = Self.characters(UnsafeRawBufferPointer(rebasing: before[(lastNewline + 1)...])) + 1
        } else {
            column = charactersAfterNewline + Self.characters(before) + 1
        }
        return CSVSyntaxError(line: line, column: column, recordLine: recordStartLine, problem: problem)
    }

    /// The number of line feeds in `bytes`.
    static func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return awareness_count_newlines(base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// The number of UTF-8 characters in `bytes` (continuation bytes not counted).
    private static func characters(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Ends the input: completes a last record without a line end, and throws `CSVSyntaxError` for a
    /// quoted field that was never closed.
    public func finish(onRecord: (CSVRecord) throws -> Void) throws {
        guard initialized else { return }
        let status = csv_fini(parser, awareness_record_batch_field, awareness_record_batch_record, batch)
        guard batch.pointee.out_of_memory == 0 else { throw outOfMemory() }
        try deliver(onRecord, lineFeeds: 0)
        if status != 0 {
            throw CSVSyntaxError(
                line: recordStartLine, column: 1, recordLine: recordStartLine,
                problem: .unclosedQuote(openedOnLine: recordStartLine))
        }
    }
}
