import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a CSV file could not be read to its end.
public struct CSVFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, which decide the exit status (I/O failures are not data problems).
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case io
        /// The bytes are not UTF-8 text (UTF-16, Latin-1, NUL bytes).
        case encoding
        /// The quoting is malformed.
        case syntax
        /// The file has no header line.
        case empty
        /// The file is gzip-compressed and its compressed data is cut short or corrupt.
        case compression
    }

    /// What failed.
    public let kind: Kind
    /// The path as given to the reader.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based character column within `line`, when known.
    public let column: Int?
    /// What went wrong, as data; Reporting words it.
    public let problem: CSVProblem

    /// Creates an error.
    public init(kind: Kind, file: String, line: Int?, column: Int?, problem: CSVProblem) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// An input/output problem of `file`, which no line or column locates.
    static func io(file: String, problem: CSVProblem) -> CSVFileError {
        CSVFileError(kind: .io, file: file, line: nil, column: nil, problem: problem)
    }

    /// `file:line:column: problem`, leaving out what is unknown (the problem as its case, for debugging).
    public var description: String {
        "\(InputLocation(file: file, line: line, column: column)): \(problem)"
    }
}

/// Reads a CSV file in large blocks through `CSVRecordParser`: strips a UTF-8 byte-order mark,
/// detects the delimiter from the header line, checks the bytes are UTF-8 without NUL, and hands every
/// record (the header first) to a handler. Memory stays at one block plus the longest record.
///
/// A file that starts with the gzip magic bytes (`1f 8b`), whatever its name, is decompressed by zlib as it is
/// read (`GzipByteSource`): its records, line numbers and errors are those of the same text uncompressed.
public struct CSVFileReader: Sendable {
    /// The delimiter to use, or nil to detect it from the header line (`,`, `;` or tab).
    public var delimiter: UInt8?

    /// The size in bytes of the blocks read from disk and fed to libcsv (1 MiB by default).
    public var blockSize: Int

    /// The encoding of the files: any other than UTF-8 is converted to UTF-8 before libcsv
    /// (`TranscodingByteSource`), unless a file starts with a UTF-8 byte-order mark.
    public var encoding: TextEncoding

    /// Whether records holding bytes that are not UTF-8 (or no character of `encoding`) are delivered with
    /// `CSVRecord.invalidText` set rather than ending the read with an error (NUL bytes always end it).
    public var toleratesInvalidText: Bool

    /// Creates a reader; `delimiter` nil means detect.
    public init(
        delimiter: UInt8? = nil, blockSize: Int = 1 << 20, encoding: TextEncoding = .utf8,
        toleratesInvalidText: Bool = false
    ) {
        self.delimiter = delimiter
        self.blockSize = max(1, blockSize)
        self.encoding = encoding
        self.toleratesInvalidText = toleratesInvalidText
    }

    /// What a read found besides the records.
    public struct Summary: Sendable, Equatable {
        /// The delimiter used.
        public var delimiter: UInt8
        /// The number of bytes in the file.
        public var byteCount: Int
        /// The number of records delivered, the header included.
        public var recordCount: Int
    }

    /// What must be known of a file before its records are read or it is split.
    public struct Head: Sendable, Equatable {
        /// The file's size in bytes.
        public var byteCount: Int
        /// The offset of the first byte after a UTF-8 byte-order mark (0 or 3).
        public var dataStart: Int
        /// The delimiter configured or detected from the header line.
        public var delimiter: UInt8
        /// Whether the file is gzip-compressed: `dataStart` is then an offset in its text, which is read from
        /// start to end (never cut into parts).
        public var isGzip = false
        /// The encoding the file is read in: the reader's, or UTF-8 for a file that starts with its byte-order
        /// mark. A file in another encoding is read from start to end, converted (never cut into parts).
        public var encoding = TextEncoding.utf8
    }

    /// Opens `path` and reads its first line: refuses a missing file, a directory, a FIFO, socket or device, an
    /// empty file and a UTF-16 one; skips a UTF-8 byte-order mark; detects the delimiter.
    public func head(path: String) throws -> Head {
        try head(of: OpenedInput.open(path: path))
    }

    /// Reads the first line of `input`: refuses an empty input and a UTF-16 one; skips a UTF-8 byte-order mark;
    /// detects the delimiter.
    func head(of input: OpenedInput) throws -> Head {
        let path = input.path
        let size = input.byteCount
        // The header line decides the delimiter; a header longer than this is judged on its first part.
        var head = [UInt8](repeating: 0, count: min(size, 1 << 16))
        let count = try head.withUnsafeMutableBytes { try input.read(into: $0, at: 0) }
        head.removeSubrange(count...)
        let isGzip = head.starts(with: GzipByteSource.magic)
        if isGzip {
            head = try Self.gzipHead(of: input)
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw CSVFileError(
                kind: .encoding, file: path, line: 1, column: 1,
                problem: .utf16)
        }
        // A byte-order mark says the file is UTF-8, whatever encoding its feed is said to have.
        let dataStart = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard (isGzip ? head.count : size) > dataStart else {
            throw CSVFileError(kind: .empty, file: path, line: nil, column: nil, problem: .empty)
        }
        // Delimiters are ASCII, the same bytes in every encoding read.
        let detected = head[dataStart...].withUnsafeBytes { Self.detectDelimiter($0) }
        return Head(
            byteCount: size, dataStart: dataStart, delimiter: delimiter ?? detected, isGzip: isGzip,
            encoding: dataStart == 0 ? encoding : .utf8)
    }

    /// The first 64 KiB of the text of a gzip file, or as much as decompresses before an error: the read that
    /// follows meets that error again and locates it. An error before any text is thrown, at line 1.
    private static func gzipHead(of input: OpenedInput) throws -> [UInt8] {
        let path = input.path
        let source = try GzipByteSource(input: input)
        var head = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        do {
            while count < head.count {
                let read = try head.withUnsafeMutableBytes {
                    try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...]), at: count)
                }
                if read == 0 { break }
                count += read
            }
        } catch let error as CSVFileError where error.kind == .compression && count > 0 {
            // Read on from here: the records before the error are delivered, then it is thrown with its line.
        } catch let error as CSVFileError where error.kind == .compression {
            throw CSVFileError(kind: .compression, file: path, line: 1, column: nil, problem: error.problem)
        }
        head.removeSubrange(count...)
        return head
    }

    /// Reads `path`, calling `onRecord` for each record in order, and `onProgress` with the number of bytes
    /// read after each block. Errors thrown by `onRecord` are rethrown unchanged.
    @discardableResult
    public func read(
        path: String,
        onProgress: (Int) -> Void = { _ in },
        onRecord: (CSVRecord) throws -> Void
    ) throws -> Summary {
        try read(OpenedInput.open(path: path), onProgress: onProgress, onRecord: onRecord)
    }

    /// Reads `input` as ``read(path:onProgress:onRecord:)`` reads a file.
    @discardableResult
    func read(
        _ input: OpenedInput,
        onProgress: (Int) -> Void = { _ in },
        onRecord: (CSVRecord) throws -> Void
    ) throws -> Summary {
        let path = input.path
        let head = try head(of: input)
        let segment = try CSVSegmentReader(
            input: input, delimiter: head.delimiter, firstLine: 1, blockSize: blockSize, isGzip: head.isGzip,
            encoding: head.encoding, toleratesInvalidText: toleratesInvalidText)
        // The text of a compressed or converted file is read to its end, whose offset is not known beforehand.
        let isText = head.isGzip || head.encoding != .utf8
        try segment.read(
            from: head.dataStart, to: isText ? .max : head.byteCount, onProgress: onProgress, onRecord: onRecord)
        try segment.finish(onRecord: onRecord)
        guard segment.recordCount > 0 else {
            throw CSVFileError(
                kind: .empty, file: path, line: nil, column: nil, problem: .noHeaderLine)
        }
        return Summary(delimiter: head.delimiter, byteCount: head.byteCount, recordCount: segment.recordCount)
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line of `bytes` (`,` when none
    /// occurs; on a tie `,` wins, then `;`).
    public static func detectDelimiter(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == 0x0A || byte == 0x0D) {
                break
            } else if !quoted, let count = counts[byte] {
                counts[byte] = count + 1
            }
        }
        var best: UInt8 = 0x2C
        for candidate: UInt8 in [0x3B, 0x09] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}

/// Where a segment reader takes its bytes from: the file itself, or the text of a gzip file.
protocol CSVByteSource: AnyObject {
    /// The path as given to the reader.
    var path: String { get }
    /// Reads up to `buffer.count` bytes of text at `offset`; returns how many were read (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int
    /// How far through the file on disk a read that has reached text offset `offset` has come, for progress.
    func diskOffset(afterReadingTo offset: Int) -> Int
}

/// The source of a segment reader whose text is handed to it in memory: it has none of its own to read.
private final class TextInMemory: CSVByteSource {
    let path: String
    init(path: String) { self.path = path }
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int { 0 }
    func diskOffset(afterReadingTo offset: Int) -> Int { offset }
}

/// Reads the records of one byte range of a file, the first byte of which starts a record on `firstLine`.
/// A whole file is one range; a large file is split into ranges read on several cores.
final class CSVSegmentReader {
    private let file: any CSVByteSource
    private let parser: CSVRecordParser
    private var validator = UTF8LineValidator()
    /// How many of `validator.tolerated` the records delivered have taken.
    private var toleratedTaken = 0
    private let blockSize: Int
    /// The bytes checked and parsed at a time.
    static let sliceSize = 1 << 16

    /// A reader of `input`'s bytes, or of its text decompressed when `isGzip`, converted from `encoding` when it is
    /// not UTF-8 (either is then read from start to end only). When `toleratesInvalidText`, bytes that are not
    /// UTF-8 (or, converted, no character) do not stop the read: the records holding them are delivered with
    /// `CSVRecord.invalidText` set, for the caller to decide.
    init(
        input: OpenedInput, delimiter: UInt8, firstLine: Int, blockSize: Int, isGzip: Bool = false,
        encoding: TextEncoding = .utf8, toleratesInvalidText: Bool = false
    ) throws {
        // A gzip file is decompressed on a thread of its own, ahead of the parse (`ReadAheadByteSource`).
        let bytes: any CSVByteSource =
            isGzip ? ReadAheadByteSource(base: try GzipByteSource(input: input)) : input
        file =
            encoding == .utf8
            ? bytes
            : try TranscodingByteSource(base: bytes, encoding: encoding, marksUndefinedBytes: toleratesInvalidText)
        parser = CSVRecordParser(delimiter: delimiter, firstLine: firstLine)
        self.blockSize = blockSize
        validator.toleratesInvalidSequences = toleratesInvalidText
    }

    /// A reader of text held in memory and given to ``read(bytes:onRecord:)``, reported as `path`'s; the text's
    /// first byte starts a record on `firstLine`.
    init(textOf path: String, delimiter: UInt8, firstLine: Int, toleratesInvalidText: Bool) {
        file = TextInMemory(path: path)
        parser = CSVRecordParser(delimiter: delimiter, firstLine: firstLine)
        blockSize = Self.sliceSize
        validator.toleratesInvalidSequences = toleratesInvalidText
    }

    /// Checks and parses `bytes`, which follow the bytes given before, a slice at a time, delivering the records
    /// they complete.
    func read(bytes: UnsafeRawBufferPointer, onRecord: (CSVRecord) throws -> Void) throws {
        var sliceStart = 0
        while sliceStart < bytes.count {
            let sliceEnd = min(sliceStart + Self.sliceSize, bytes.count)
            try feed(UnsafeRawBufferPointer(rebasing: bytes[sliceStart..<sliceEnd]), onRecord: onRecord)
            sliceStart = sliceEnd
        }
    }

    /// A reader of the UTF-8 bytes `source` gives (a pipe, or bytes held in memory); `toleratesInvalidText` as
    /// for a file.
    init(
        source: any CSVByteSource, delimiter: UInt8, firstLine: Int, blockSize: Int, toleratesInvalidText: Bool = false
    ) {
        file = source
        parser = CSVRecordParser(delimiter: delimiter, firstLine: firstLine)
        self.blockSize = blockSize
        validator.toleratesInvalidSequences = toleratesInvalidText
    }

    /// The path of the file read, as given.
    var path: String { file.path }
    /// Records delivered so far.
    var recordCount: Int { parser.recordCount }
    /// The line of the next byte.
    var line: Int { parser.line }
    /// Whether the bytes read so far end exactly between two records, at the start of a line.
    var isAtRecordBoundary: Bool { parser.isAtRecordBoundary }

    /// Reads bytes `start..<end`, delivering the records they complete. `onProgress` gets the bytes read
    /// so far in this range after each block.
    func read(
        from start: Int, to end: Int, onProgress: (Int) -> Void = { _ in }, onRecord: (CSVRecord) throws -> Void
    ) throws {
        // No larger than the range: a part of a few hundred bytes (a small file cut for cores, a file held in
        // memory) does not allocate and map a whole block.
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(1, min(blockSize, end - start)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        let diskStart = file.diskOffset(afterReadingTo: start)
        while offset < end {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(blockSize, end - offset)])
            let count: Int
            do {
                count = try file.read(into: wanted, at: offset)
            } catch let error as CSVFileError where error.kind == .compression && error.line == nil {
                // The text delivered so far has been parsed: the readable text stops on the parser's line.
                throw CSVFileError(
                    kind: .compression, file: error.file, line: parser.line, column: nil, problem: error.problem)
            }
            if count == 0 { break }
            offset += count
            // Checked and parsed a slice at a time, so that the records libcsv collects are still in cache when
            // they are visited.
            var sliceStart = 0
            while sliceStart < count {
                let sliceEnd = min(sliceStart + Self.sliceSize, count)
                try feed(UnsafeRawBufferPointer(rebasing: buffer[sliceStart..<sliceEnd]), onRecord: onRecord)
                sliceStart = sliceEnd
            }
            onProgress(file.diskOffset(afterReadingTo: offset) - diskStart)
        }
    }

    /// Reads on from `start`, one line at a time, until the bytes read end between two records or the text ends;
    /// returns the offset after the last byte read. Used after a range whose end fell inside a record: the record
    /// is completed and not one line more is read, so the next range can start exactly there.
    func readOn(from start: Int, onRecord: (CSVRecord) throws -> Void) throws -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while !isAtRecordBoundary {
            let count = try file.read(into: buffer, at: offset)
            if count == 0 { break }
            var lineStart = 0
            while lineStart < count, !isAtRecordBoundary {
                let rest = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<count])
                let lineEnd = rest.firstIndex(of: 0x0A).map { lineStart + $0 + 1 } ?? count
                try feed(UnsafeRawBufferPointer(rebasing: buffer[lineStart..<lineEnd]), onRecord: onRecord)
                lineStart = lineEnd
            }
            offset += lineStart
            // A source that cannot be read at an offset twice (a pipe) has given the rest of its block, unused.
            if lineStart < count { break }
        }
        return offset
    }

    private func feed(_ bytes: UnsafeRawBufferPointer, onRecord: (CSVRecord) throws -> Void) throws {
        let noted = validator.tolerated.count
        if let problem = validator.validate(bytes, firstLine: parser.line, firstColumn: parser.column) {
            // The records before the bad line are still delivered, so that rows read are counted.
            try? parser.feed(UnsafeRawBufferPointer(rebasing: bytes[..<problem.lineStart]), onRecord: onRecord)
            throw CSVFileError(
                kind: .encoding, file: file.path, line: problem.line, column: problem.column,
                problem: problem.problem)
        }
        if validator.tolerated.count > noted, let converter = file as? TranscodingByteSource {
            // In converted text the only invalid bytes are the converter's stand-ins for bytes with no character.
            for index in noted..<validator.tolerated.count {
                let problem = validator.tolerated[index]
                validator.tolerated[index] = UTF8LineValidator.Problem(
                    line: problem.line, column: problem.column, problem: converter.takeUndefinedByteProblem())
            }
        }
        do {
            if toleratedTaken == validator.tolerated.count {
                try parser.feed(bytes, newlines: validator.newlines, onRecord: onRecord)
            } else {
                try parser.feed(bytes, newlines: validator.newlines) { try onRecord(marked($0)) }
            }
        } catch let error as CSVSyntaxError {
            throw CSVFileError(
                kind: .syntax, file: file.path, line: error.line, column: error.column, problem: error.problem)
        }
    }

    /// `record` with the fields that hold the invalid sequences noted on its lines, each located at the first of its
    /// own (the sequences of a record are noted in the order of its fields' bytes).
    private func marked(_ record: CSVRecord) -> CSVRecord {
        var problems: [UTF8LineValidator.Problem] = []
        var took = 0
        while toleratedTaken < validator.tolerated.count, validator.tolerated[toleratedTaken].line <= record.endLine {
            let problem = validator.tolerated[toleratedTaken]
            if problem.line >= record.line { problems.append(problem) }
            toleratedTaken += 1
            took += 1
        }
        if toleratedTaken == validator.tolerated.count {
            // Every noted sequence is taken: the queue starts again, without the cost of removing from its front.
            validator.tolerated.removeAll(keepingCapacity: true)
            toleratedTaken = 0
        }
        guard took > 0 else { return record }
        var marked = record
        var sequencesBefore = 0
        for field in 0..<record.count {
            let invalid = UTF8LineValidator.invalidSequenceCount(record[field])
            guard invalid > 0 else { continue }
            let problem =
                problems.isEmpty
                ? UTF8LineValidator.Problem(line: record.line, column: 1, invalid: record[field])
                : problems[min(sequencesBefore, problems.count - 1)]
            marked.invalidText.append(CSVInvalidText(field: field, problem: problem))
            sequencesBefore += invalid
        }
        return marked
    }

    /// Ends the file: a sequence cut short, a last record without a line end, a quote never closed.
    func finish(onRecord: (CSVRecord) throws -> Void) throws {
        if let problem = validator.finish(lastLine: parser.line, lastColumn: parser.column) {
            throw CSVFileError(
                kind: .encoding, file: file.path, line: problem.line, column: problem.column,
                problem: problem.problem)
        }
        do {
            if toleratedTaken == validator.tolerated.count {
                try parser.finish(onRecord: onRecord)
            } else {
                try parser.finish { try onRecord(marked($0)) }
            }
        } catch let error as CSVSyntaxError {
            throw CSVFileError(kind: .syntax, file: file.path, line: error.line, column: nil, problem: error.problem)
        }
    }
}
