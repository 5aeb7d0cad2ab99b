import Foundation

/// Reads one byte range of an event-level file into a `RangeRollup`, with the reader and row rules of a direct
/// read (DESIGN §3.5): libcsv in strict mode, the same rejects, local days in the calendar's time zone.
///
/// A range is line-aligned: its first byte starts a line. A record that crosses the range's end is completed
/// (the bytes after the end are read one line at a time until the parser is between two records), and the
/// rollup says where the read stopped and how many line ends it covered, so that whoever cut the file can check
/// that the next range starts there. A range that started inside a quoted field reads wrong rows or is refused;
/// the check is what finds it, and the range is read again from where the one before stopped.
public struct RangeRollupReader: Sendable {
    /// The feed of the file (`impressions` or `clicks`).
    public let feed: Feed
    /// The zone whose local days timestamps are counted in.
    public let localDays: LocalDayTable
    /// The delimiter to use, or nil to detect it from the header line.
    public let delimiter: UInt8?
    /// How the feed's exports are read (encoding, column names).
    public let options: FeedReadOptions

    /// Creates a reader.
    public init(feed: Feed, localDays: LocalDayTable, delimiter: UInt8? = nil, options: FeedReadOptions = .init()) {
        self.feed = feed
        self.localDays = localDays
        self.delimiter = delimiter
        self.options = options
    }

    /// Where a range's bytes come from.
    public enum Input: Sendable, Equatable {
        /// The file itself, read at the range's offsets (`pread`); its header is read from its start.
        case file(path: String)
        /// A stream (file descriptor, standard input is 0) whose first byte is the range's first byte, and the
        /// file's header line, which the stream holds only when the range starts at offset 0.
        case stream(descriptor: Int32, header: String)
    }

    /// A range that could not be read for a reason that another try may not meet: the file could not be opened or
    /// read, or the stream ended before the range did. Bad data is never such a failure: it is in the rollup.
    public struct ReadFailure: Error, Sendable, Equatable {
        /// The file as named.
        public let file: String
        /// What failed, as data; Reporting words it.
        public let reason: Reason

        /// What failed.
        public enum Reason: Sendable, Equatable {
            /// An input/output problem of the reader (no such file, a read that failed, zlib out of memory).
            case csv(CSVProblem)
            /// The whole-file read refused the file for an input/output reason that is not the reader's.
            case refused(FileRefusalReason)
            /// The stream ended at byte `position`, before the range's end at byte `end`.
            case streamEnded(position: Int, end: Int)
            /// An error no case foresees, as the system or library describes it.
            case unexpected(String)
        }

        public init(file: String, reason: Reason) {
            self.file = file
            self.reason = reason
        }

        /// The failure of reading `file` for an I/O refusal of the whole-file read.
        init(file: String, refusal: FileRefusalReason) {
            if case .csv(let problem) = refusal {
                self.init(file: file, reason: .csv(problem))
            } else {
                self.init(file: file, reason: .refused(refusal))
            }
        }
    }

    /// Reads bytes `start..<end` of the file named `name` (its path relative to the data folder), or from `start`
    /// to the end of the file when `end` is nil.
    public func read(_ input: Input, name: String, start: Int, end: Int?) throws(ReadFailure) -> RangeRollup {
        do {
            return try readRange(input, name: name, start: max(0, start), end: end)
        } catch let error as ReadFailure {
            throw error
        } catch {
            throw ReadFailure(file: name, reason: .unexpected("\(error)"))
        }
    }

    private func readRange(_ input: Input, name: String, start: Int, end requestedEnd: Int?) throws -> RangeRollup {
        var reader = FeedFileReader(feed: feed, localDays: localDays, delimiter: delimiter, options: options)
        var rollup = RangeRollup(feed: feed, file: name, start: start, end: requestedEnd ?? start)
        var outcome = FeedFileReader.Outcome(report: FileReport(feed: feed, file: name))
        let header: CSVSegmentReader
        let segment: CSVSegmentReader
        let headerStart: Int
        var dataStart = 0
        var fileSize = Int.max
        var stream: StreamByteSource?
        var opened: OpenedInput?
        switch input {
        case .file(let path):
            let head: CSVFileReader.Head
            let input: OpenedInput
            do {
                // Opened once: the head, the range and a whole-file read are all of the file that was opened.
                input = try OpenedInput.open(path: path)
                opened = input
                // A file that is UTF-8 although its feed is declared otherwise is read as UTF-8, as a direct read
                // reads it (DESIGN §3.2).
                if options.encoding != .utf8, FeedFileReader.utf8Text(of: input) != .notUTF8 {
                    reader.options.encoding = .utf8
                }
                head = try CSVFileReader(delimiter: delimiter, encoding: reader.options.encoding).head(of: input)
            } catch let error as CSVFileError {
                if error.kind == .io { throw ReadFailure(file: name, reason: .csv(error.problem)) }
                rollup.refusal = FileFailure(
                    isIOError: false, line: error.line, column: error.column, reason: .csv(error.problem))
                rollup.end = rollup.start
                return rollup
            }
            fileSize = head.byteCount
            rollup.fileSize = head.byteCount
            rollup.delimiter = head.delimiter
            if head.isGzip || head.encoding != .utf8 {
                return try readWhole(input, name: name, start: start, size: head.byteCount, reader: reader)
            }
            dataStart = head.dataStart
            headerStart = head.dataStart
            // Bytes that are not text are the rows' business, as in a direct read: in a column the feed reads they
            // refuse the file at their line, in one it ignores the row is kept and counted. The header's first
            // block may hold rows with such bytes: they must not stop the header from being read.
            header = try CSVSegmentReader(
                input: input, delimiter: head.delimiter, firstLine: 1, blockSize: 1 << 16, toleratesInvalidText: true)
            segment = try CSVSegmentReader(
                input: input, delimiter: head.delimiter, firstLine: 1, blockSize: 1 << 20, toleratesInvalidText: true)
        case .stream(let descriptor, let headerLine):
            var bytes = Array(headerLine.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            let detected = bytes.withUnsafeBytes { CSVFileReader.detectDelimiter($0) }
            let used = delimiter ?? detected
            rollup.delimiter = used
            bytes.append(0x0A)
            headerStart = 0
            header = CSVSegmentReader(
                source: MemoryByteSource(bytes: bytes, path: name), delimiter: used, firstLine: 1, blockSize: 1 << 16,
                toleratesInvalidText: true)
            let source = StreamByteSource(descriptor: descriptor, path: name, baseOffset: start)
            stream = source
            segment = CSVSegmentReader(
                source: source, delimiter: used, firstLine: 1, blockSize: 1 << 20, toleratesInvalidText: true)
        }
        let end = min(requestedEnd ?? fileSize, fileSize)
        rollup.end = max(end, start)
        rollup.stop = rollup.end
        do {
            let layout = try Self.layout(of: header, from: headerStart, reader: reader)
            outcome.report.isEventLevel = layout.timestamp != nil
            rollup.unknownColumns = reader.unknownColumns(layout)
            guard layout.timestamp != nil else {
                rollup.level = .daily
                return rollup
            }
            outcome.batch = CountTable(keepsDetails: false)
            let interner = KeyInterner()
            // The range at the file's start holds the header record, which is no row.
            var skipsHeader = start <= dataStart
            let handler: (CSVRecord) throws -> Void = { record in
                if skipsHeader {
                    skipsHeader = false
                    return
                }
                if !record.invalidText.isEmpty {
                    try reader.noteInvalidText(record, layout: layout, in: &outcome.report)
                }
                outcome.report.rowsRead += 1
                reader.readRow(record, layout: layout, into: &outcome, fileIndex: 0, interner: interner)
            }
            try segment.read(from: max(start, dataStart), to: end, onRecord: handler)
            var reachedEnd = end >= fileSize
            if let stream, let requestedEnd, stream.position < requestedEnd {
                throw ReadFailure(file: name, reason: .streamEnded(position: stream.position, end: requestedEnd))
            }
            if let stream, requestedEnd == nil {
                rollup.end = stream.position
                reachedEnd = true
            }
            var stop = rollup.end
            if !reachedEnd && !segment.isAtRecordBoundary {
                stop = try segment.readOn(from: end, onRecord: handler)
                reachedEnd = !segment.isAtRecordBoundary
            }
            if reachedEnd { try segment.finish(onRecord: handler) }
            outcome.finishCounts()
            rollup.stop = stop
            rollup.lineEnds = segment.line - 1
            rollup.counts = Self.counts(outcome.batch, interner: interner)
        } catch let failure as ReadFailure {
            throw failure
        } catch let error as CSVFileError {
            if error.kind == .io { throw ReadFailure(file: name, reason: .csv(error.problem)) }
            reader.refuse(&outcome, isIO: false, line: error.line, column: error.column, reason: .csv(error.problem))
        } catch let refusal as FeedFileReader.FileRefusal {
            reader.refuse(&outcome, isIO: false, line: refusal.line, column: refusal.column, reason: refusal.reason)
        }
        Self.account(outcome, into: &rollup)
        // A file written to or cut short while its range was read gave bytes of no one version: read it again.
        do {
            try opened?.checkUnchanged()
        } catch {
            throw ReadFailure(file: name, reason: .csv(error.problem))
        }
        return rollup
    }

    /// A gzip-compressed or converted file is read from start to end by the range at offset 0; any other range of
    /// it reads nothing.
    private func readWhole(
        _ input: OpenedInput, name: String, start: Int, size: Int, reader: FeedFileReader
    ) throws -> RangeRollup {
        var rollup = RangeRollup(feed: feed, file: name, start: start, end: size)
        rollup.fileSize = size
        rollup.stop = size
        guard start == 0 else {
            rollup.level = .wholeFileOnly
            return rollup
        }
        let interner = KeyInterner()
        let outcome = reader.settled(
            reader.readWhole(input, name: name, fileIndex: 0, interner: interner), input: input)
        if let failure = outcome.report.failure, failure.isIOError {
            throw ReadFailure(file: name, refusal: failure.reason)
        }
        rollup.delimiter = outcome.report.delimiter
        rollup.unknownColumns = outcome.report.unknownColumns
        if outcome.report.failure == nil && !outcome.report.isEventLevel {
            rollup.level = .daily
            return rollup
        }
        rollup.counts = Self.counts(outcome.batch, interner: interner)
        Self.account(outcome, into: &rollup)
        return rollup
    }

    /// The layout of the header record `header` reads first, or the refusal of a header that has none.
    private static func layout(
        of header: CSVSegmentReader, from start: Int, reader: FeedFileReader
    ) throws -> FeedFileReader.Layout {
        var layout: FeedFileReader.Layout?
        do {
            let take: (CSVRecord) throws -> Void = { record in
                // A header with bytes that are not text refuses the file at them, as in a direct read.
                if let invalid = record.invalidText.first {
                    throw FeedFileReader.FileRefusal(
                        line: invalid.line, column: invalid.column, reason: .csv(invalid.csvProblem))
                }
                layout = try reader.makeLayout(record)
            }
            try header.read(from: start, to: .max) { record in
                try take(record)
                throw HeaderFound()
            }
            try header.finish(onRecord: take)
        } catch is HeaderFound {}
        guard let layout else {
            throw CSVFileError(
                kind: .empty, file: header.path, line: nil, column: nil, problem: .noHeaderLine)
        }
        return layout
    }

    private struct HeaderFound: Error {}

    /// The rows, rejects and refusal of `outcome` into `rollup`.
    private static func account(_ outcome: FeedFileReader.Outcome, into rollup: inout RangeRollup) {
        rollup.rowsRead = outcome.report.rowsRead
        rollup.rowsAccepted = outcome.report.rowsAccepted
        rollup.rowsRejected = outcome.report.rowsRejected
        rollup.refusal = outcome.report.failure
        rollup.rejects = outcome.rejects
        rollup.ignoredInvalidText = outcome.report.ignoredInvalidText
        if rollup.refusal != nil { rollup.counts = [] }
    }

    /// The counts of `table` by full key, sorted (`RangeRollup.Count.<`). Keys are few beside their days: each
    /// key's names are made once, and the keys ranked once, so that the sort compares integers.
    private static func counts(_ table: CountTable, interner: KeyInterner) -> [RangeRollup.Count] {
        var names: [[String]?] = Array(repeating: nil, count: interner.values.count)
        var entries: [(key: RowKey, count: Int64)] = []
        entries.reserveCapacity(table.count)
        for (key, value) in table {
            if names[Int(key.dimensions)] == nil {
                names[Int(key.dimensions)] = interner.components(of: key.dimensions) + ["", "", "", ""]
            }
            entries.append((key, value.main))
        }
        let used = names.indices.filter { names[$0] != nil }
        var rank = [Int](repeating: 0, count: names.count)
        let ranked = used.sorted { left, right in
            let lhs = names[left] ?? []
            let rhs = names[right] ?? []
            for (a, b) in zip(lhs.prefix(4), rhs.prefix(4)) where a != b {
                return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
            return false
        }
        for (position, id) in ranked.enumerated() { rank[id] = position }
        entries.sort { ($0.key.day, rank[Int($0.key.dimensions)]) < ($1.key.day, rank[Int($1.key.dimensions)]) }
        return entries.map { entry in
            let key = names[Int(entry.key.dimensions)] ?? ["", "", "", ""]
            return RangeRollup.Count(
                date: CivilDate(daysSinceEpoch: Int(entry.key.day)), campaign: key[0], banner: key[1],
                placement: key[2], region: key[3], count: entry.count)
        }
    }
}
