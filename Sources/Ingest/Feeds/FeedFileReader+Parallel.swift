import Dispatch
import Foundation
import Synchronization

/// How a large file is split to be read on several cores.
public struct IngestParallelism: Sendable, Equatable {
    /// The most parts a file is cut into (thirty-two per core by default).
    public var parts: Int
    /// Files are cut only into parts at least this large, so small files are read in one go (but for the last
    /// sixteenth of the parts, cut a quarter of the size of the others).
    public var minimumPartSize: Int

    /// Creates a setting.
    public init(parts: Int, minimumPartSize: Int) {
        self.parts = max(1, parts)
        self.minimumPartSize = max(1, minimumPartSize)
    }

    /// Thirty-two parts per active core, of at least 2 MiB: a clicks export of a few tens of MB is cut into a dozen
    /// parts or more, so that the cores finish it together too.
    /// Cores take the next part as they finish one, so a core slowed by other work on the machine, or a stretch of
    /// the file that is slower to parse (more quoted fields), leaves the other cores idle for at most one part at
    /// the end, and the last parts are the smallest. Parts are merged in file order as they are read, so memory
    /// holds only the parts read ahead of the first one still being read.
    public static let automatic = IngestParallelism(
        parts: 32 * ProcessInfo.processInfo.activeProcessorCount, minimumPartSize: 2 << 20)

    /// One part: every file read start to end on one core.
    public static let sequential = IngestParallelism(parts: 1, minimumPartSize: .max)

    /// Where the `count - 1` cuts of `dataSize` bytes would fall if lines did not matter, as offsets from the data
    /// start: the last sixteenth of the parts are a quarter of the size of the others, so that the cores, taking
    /// the parts in turn, run out of work at nearly the same time.
    public static func cutTargets(dataSize: Int, count: Int) -> [Int] {
        let small = count / 16
        let large = count - small
        let units = 4 * large + small
        return (1..<max(count, 1)).map { index in
            let before = 4 * min(index, large) + max(0, index - large)
            return Int((Double(dataSize) * Double(before) / Double(units)).rounded(.down))
        }
    }
}

/// One part of a file being read on its own core: its own parser, key interner and counts.
///
/// Unchecked `Sendable`, for a reason the compiler cannot see: a part is handed from thread to thread, and touched
/// by one at a time. The thread that reads it (a core of `concurrentPerform`, or the one that took it from the gzip
/// queue) alone writes it until it marks it read under the merge's mutex; from then on the merge alone touches it,
/// under that mutex, and the thread that finishes the merge once every reader is done. The mutex's lock and unlock
/// order each hand-over.
final class FilePart: @unchecked Sendable {
    /// The part's first byte and the byte after its last, as offsets in the file (in its text, for a gzip file).
    let start: Int
    let end: Int
    /// Whether the part ends the file, so that its last record may end without a line end.
    var isLast = false
    /// The part is parsed counting lines from 1; once the parts before it are read, `lineShift` is what turns
    /// those lines into the file's, and `firstLine` the file's line of its first byte.
    var lineShift = 0
    var firstLine: Int { 1 + lineShift }
    /// The part's own line after its last byte, kept when its reader is released.
    var endLine = 1
    var interner = KeyInterner()
    var outcome: FeedFileReader.Outcome
    var reader: CSVSegmentReader?
    var failure: (any Error)?
    /// Whether this part re-parsed the rest of the file because the cut after it split a record.
    var continued = false
    /// The line of the last record delivered, and whether two records started on one line (records ended by a
    /// bare CR, which libcsv accepts): lines then do not identify records, so the parts cannot be merged.
    var lastLine = 0
    var sharesLines = false

    /// Notes the line of a record delivered to this part.
    func noteRecord(at line: Int) {
        if line == lastLine { sharesLines = true }
        lastLine = line
    }

    init(start: Int, end: Int, report: FileReport) {
        self.start = start
        self.end = end
        outcome = FeedFileReader.Outcome(report: report)
        outcome.batch = CountTable(keepsDetails: !report.isEventLevel)
    }
}

/// The parts of one file and the file's outcome they are added to, in file order, as soon as the parts before
/// them are. A part is written by the one thread that reads it; everything else is behind `state`'s mutex.
final class PartMerge: Sendable {
    /// What the threads share: touched under the mutex only.
    struct State {
        private(set) var parts: [FilePart]
        var outcome: FeedFileReader.Outcome
        /// Whether each part has been read.
        var isRead: [Bool]
        /// The number of parts added to `outcome` so far.
        var merged = 0
        /// The parts from this one on are not needed: the part before it re-parsed the rest of the file.
        var end: Int
        /// Set when the parts cannot give the whole read's outcome: the file is read again whole.
        var isAbandoned = false
        /// The lines of the parts merged so far.
        var lineShift = 0
        /// For a daily key an earlier part already gave: the line of the repeat → the line of the first occurrence.
        var crossDuplicates: [Int: Int] = [:]

        /// Adds a part after the others, for a file whose parts are found as it is read.
        mutating func append(_ part: FilePart) {
            parts.append(part)
            isRead.append(false)
            end = parts.count
        }

        /// The parts merged, in file order.
        var mergedParts: ArraySlice<FilePart> { parts[..<merged] }
    }

    let state: Mutex<State>
    /// The interner of the file's keys, which the parts' keys are interned in again. Exempt from the compiler's
    /// check, for a reason it cannot see: the interner is the data folder's, shared with the thread that asked for
    /// the read, which waits for the merge to end before it uses it again; while the parts are read, it is touched
    /// only in `absorb`, under `state`'s mutex.
    nonisolated(unsafe) let interner: KeyInterner
    /// Whether the parts are pieces of a gzip file's text, held in memory only while they are parsed: a part that
    /// does not end between two records cannot then read on, and the file is read again whole.
    let isGzip: Bool

    init(_ parts: [FilePart], outcome: FeedFileReader.Outcome, interner: KeyInterner, isGzip: Bool = false) {
        state = Mutex(
            State(
                parts: parts, outcome: outcome, isRead: Array(repeating: false, count: parts.count),
                end: parts.count))
        self.interner = interner
        self.isGzip = isGzip
    }

    /// Whether part `index` still has to be read.
    func isWanted(_ index: Int) -> Bool {
        state.withLock { !$0.isAbandoned && index < $0.end }
    }

    /// Whether the file is to be read again whole.
    var isAbandoned: Bool {
        state.withLock { $0.isAbandoned }
    }
}

/// Stops reading after the header record.
private struct HeaderRead: Error {}

extension FeedFileReader {
    /// Reads `path` cut into parts at line ends, which the cores take in turn, each part parsed with its own libcsv
    /// parser. A part read is added to the file's outcome as soon as the parts before it are (by whichever thread
    /// completes that run of parts), so memory holds only the parts read ahead of the first one still being read.
    ///
    /// Each cut is verified: a part's parser must end its range exactly between two records. When a quoted
    /// newline sits at a cut, the part before it re-parses the remainder of the file itself and the later
    /// parts are dropped. Each part counts lines from 1; once the parts before it are read, its lines are
    /// shifted by theirs, so every reported line is the one a single-threaded read gives (a refused part makes
    /// the file read again whole, since refusals can name lines, such as the one an unclosed quote opened on). Rows duplicated across
    /// parts are rejected as the single-threaded read rejects them, and rejects are listed in line order.
    func read(
        path: String, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism
    ) -> Outcome {
        opening(path, name: name) { input in
            read(input, name: name, fileIndex: fileIndex, interner: interner, parallelism: parallelism)
        }
    }

    /// Reads `input` as ``read(path:name:fileIndex:interner:parallelism:)`` reads a file: every read, the parts', the
    /// cuts' and the digest's, is of this one opened input.
    func read(
        _ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism
    ) -> Outcome {
        settled(
            readInOwnFormats(input, name: name, fileIndex: fileIndex, interner: interner, parallelism: parallelism),
            input: input)
    }

    /// Reads `input` with the options as they are (date format, encoding), in parts when it is large enough; the
    /// caller decides whether they were the file's own (``readInOwnFormats(_:name:fileIndex:interner:parallelism:)``).
    func readInParts(
        _ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism
    ) -> Outcome {
        let fileReader = CSVFileReader(delimiter: delimiter, encoding: options.encoding)
        if parallelism.parts > 1, let head = try? fileReader.head(of: input), head.isGzip, head.encoding == .utf8,
            let outcome = readGzipInParts(
                input, name: name, fileIndex: fileIndex, interner: interner, parallelism: parallelism, head: head)
        {
            return outcome
        }
        // A gzip file's text is cut as it is decompressed (above), or read whole when it fits in one part; a converted
        // file's cannot be cut without converting what comes before the cut: it is read whole.
        guard parallelism.parts > 1, let head = try? fileReader.head(of: input), !head.isGzip,
            head.encoding == .utf8,
            head.byteCount - head.dataStart >= 2 * parallelism.minimumPartSize,
            let layout = try? header(of: input, head: head)
        else {
            return readWhole(input, name: name, fileIndex: fileIndex, interner: interner)
        }
        let dataSize = head.byteCount - head.dataStart
        let count = min(parallelism.parts, dataSize / parallelism.minimumPartSize)
        guard let cuts = try? Self.cuts(of: input, head: head, count: count), cuts.count > 2 else {
            return readWhole(input, name: name, fileIndex: fileIndex, interner: interner)
        }
        var report = FileReport(feed: feed, file: name)
        report.byteCount = head.byteCount
        report.delimiter = head.delimiter
        report.isEventLevel = layout.timestamp != nil
        report.unknownColumns = unknownColumns(layout)
        let parts = (0..<(cuts.count - 1)).map { index in
            FilePart(start: cuts[index], end: cuts[index + 1], report: report)
        }
        parts.last?.isLast = true
        var outcome = Outcome(report: report)
        outcome.batch = CountTable(keepsDetails: !report.isEventLevel)
        let merge = PartMerge(parts, outcome: outcome, interner: interner)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            guard merge.isWanted(index) else { return }
            readPart(
                parts[index], isFirst: index == 0, isLast: index == parts.count - 1, input: input,
                delimiter: head.delimiter, layout: layout, fileIndex: fileIndex)
            merge.state.withLock { state in
                state.isRead[index] = true
                mergeReadParts(
                    &state, interner: merge.interner, isGzip: merge.isGzip, layout: layout, fileIndex: fileIndex)
            }
        }
        guard let merged = finishMerge(merge, input: input) else {
            // A part was refused, a day's event total overflows only when the parts are added up (which row a whole
            // read rejects for it depends on the order of all rows), or records share lines: the file is read again
            // whole.
            return readWhole(input, name: name, fileIndex: fileIndex, interner: interner)
        }
        return merged
    }

    /// The layout of the header record, or nil (and the sequential read reports why) when it is not usable.
    func header(of input: OpenedInput, head: CSVFileReader.Head) throws -> Layout? {
        let reader = try CSVSegmentReader(
            input: input, delimiter: head.delimiter, firstLine: 1, blockSize: 1 << 16, isGzip: head.isGzip)
        var layout: Layout?
        do {
            try reader.read(from: head.dataStart, to: head.isGzip ? .max : head.byteCount) { record in
                layout = try makeLayout(record)
                throw HeaderRead()
            }
        } catch is HeaderRead {
            return layout
        }
        return nil
    }

    /// Cut offsets: the data start, then the byte after the first line end at or after each cut target, then
    /// the file's end. Cuts that would not advance are dropped.
    private static func cuts(of file: OpenedInput, head: CSVFileReader.Head, count: Int) throws -> [Int] {
        var cuts = [head.dataStart]
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { window.deallocate() }
        for target in IngestParallelism.cutTargets(dataSize: head.byteCount - head.dataStart, count: count) {
            var offset = max(head.dataStart + target, (cuts.last ?? 0) + 1)
            var cut: Int?
            while cut == nil, offset < head.byteCount {
                let read = try file.read(into: window, at: offset)
                if read == 0 { break }
                if let base = window.baseAddress, let newline = memchr(base, 0x0A, read) {
                    cut = offset + base.distance(to: UnsafeMutableRawPointer(newline)) + 1
                }
                offset += read
            }
            if let cut, cut < head.byteCount { cuts.append(cut) }
        }
        cuts.append(head.byteCount)
        return cuts
    }

    /// The record handler of one part: the header (when `skipsHeader`) is passed over, every other record is
    /// a row of the part's outcome.
    func rowHandler(
        for part: FilePart, skipsHeader: Bool, layout: Layout, fileIndex: Int32
    )
        -> (CSVRecord) throws -> Void
    {
        var skipHeader = skipsHeader
        // Taken once: read from the part on every row, the interner (a `var`, let go once the part is merged) would be
        // retained and released each time.
        let interner = part.interner
        return { record in
            part.noteRecord(at: record.line)
            if skipHeader {
                skipHeader = false
                return
            }
            if !record.invalidText.isEmpty {
                try noteInvalidText(record, layout: layout, in: &part.outcome.report)
            }
            part.outcome.report.rowsRead += 1
            readRow(record, layout: layout, into: &part.outcome, fileIndex: fileIndex, interner: interner)
        }
    }

    private func readPart(
        _ part: FilePart, isFirst: Bool, isLast: Bool, input: OpenedInput, delimiter: UInt8, layout: Layout,
        fileIndex: Int32
    ) {
        do {
            let reader = try CSVSegmentReader(
                input: input, delimiter: delimiter, firstLine: 1, blockSize: 1 << 20, toleratesInvalidText: true)
            part.reader = reader
            let handler = rowHandler(for: part, skipsHeader: isFirst, layout: layout, fileIndex: fileIndex)
            var tally = ProgressTally(progress)
            try reader.read(
                from: part.start, to: part.end,
                onProgress: { tally.update(bytes: $0, rows: part.outcome.report.rowsRead) }, onRecord: handler)
            if isLast { try reader.finish(onRecord: handler) }
            part.outcome.finishCounts()
        } catch {
            part.failure = error
        }
    }

    /// Re-parses from `part.end` to the end of the file with the part's own parser (its last record did not end
    /// at the cut).
    private func continueToEnd(_ part: FilePart, isFirst: Bool, fileSize: Int, layout: Layout, fileIndex: Int32) {
        guard let reader = part.reader else { return }
        part.continued = true
        // A header with a quoted newline can straddle the first cut: it is then completed here, and is not a row
        // (found by Fuzz/run csv).
        let handler = rowHandler(
            for: part, skipsHeader: isFirst && reader.recordCount == 0, layout: layout, fileIndex: fileIndex)
        do {
            try reader.read(from: part.end, to: fileSize, onRecord: handler)
            try reader.finish(onRecord: handler)
            part.outcome.finishCounts()
        } catch {
            part.failure = error
        }
    }

    /// Adds to the file's outcome every read part whose predecessors are all added; called under the merge's mutex.
    func mergeReadParts(
        _ merge: inout PartMerge.State, interner: KeyInterner, isGzip: Bool, layout: Layout, fileIndex: Int32
    ) {
        while !merge.isAbandoned, merge.merged < merge.end, merge.isRead[merge.merged] {
            let index = merge.merged
            let part = merge.parts[index]
            if part.failure == nil, !part.isLast, part.reader?.isAtRecordBoundary == false {
                if isGzip {
                    // The text after this part is no longer in memory: the file is read again whole.
                    merge.isAbandoned = true
                    return
                }
                // The parts after this one are dropped, read or not: this part's parser reads their bytes itself.
                continueToEnd(
                    part, isFirst: index == 0, fileSize: merge.outcome.report.byteCount, layout: layout,
                    fileIndex: fileIndex)
            }
            // The lines of the parts before this one are known now: the part's own lines become the file's.
            part.lineShift = merge.lineShift
            part.endLine = part.reader?.line ?? 1
            merge.lineShift += part.endLine - 1
            // A refused file is read again whole, for the refusal to name the line a whole read names (reasons
            // can hold lines, such as the one a quoted field never closed opened on). Refusals are rare.
            if part.failure != nil {
                merge.isAbandoned = true
                return
            }
            merge.outcome.report.rowsRead += part.outcome.report.rowsRead
            guard
                absorb(part, into: &merge.outcome, interner: interner, crossDuplicates: &merge.crossDuplicates)
            else {
                merge.isAbandoned = true
                return
            }
            // Only the part's report, range and lines are used from here on.
            part.outcome = Outcome(report: part.outcome.report)
            part.reader = nil
            part.interner = KeyInterner()
            merge.merged += 1
            if part.continued { merge.end = merge.merged }
        }
    }

    /// The file's outcome once every part is merged, or nil when it must be read again whole.
    func finishMerge(_ merge: PartMerge, input: OpenedInput) -> Outcome? {
        // Every reader is done: the lock is held for the mutex's sake only.
        merge.state.withLock { state in finishMerge(state, isGzip: merge.isGzip, input: input) }
    }

    private func finishMerge(_ merge: borrowing PartMerge.State, isGzip: Bool, input: OpenedInput) -> Outcome? {
        guard !merge.isAbandoned, merge.merged == merge.end else { return nil }
        // Duplicates across parts are matched by line; with records sharing a line they could be mismatched (found
        // by Fuzz/run csv), so such a file is read again whole.
        if merge.mergedParts.contains(where: \.sharesLines) { return nil }
        var outcome = merge.outcome
        let crossDuplicates = merge.crossDuplicates
        if !crossDuplicates.isEmpty {
            outcome.rejects = outcome.rejects.map { Self.pointingPastCrossDuplicates($0, crossDuplicates) }
            outcome.rejects += duplicateRejects(
                crossDuplicates, input: input, name: outcome.report.file, parts: merge.mergedParts, isGzip: isGzip)
        }
        outcome.rejects.sort { $0.line < $1.line }
        if outcome.rejects.count > IngestLimits.rejectsListedPerFile {
            outcome.rejects.removeSubrange(IngestLimits.rejectsListedPerFile...)
        }
        return outcome
    }

    /// Adds a part's counts to the file's, with its keys re-interned; a daily key an earlier part already gave
    /// is recorded in `crossDuplicates` (line → line of the first occurrence) and counted as rejected. Returns
    /// false when an event-level day's total would pass Int64.max.
    private func absorb(
        _ part: FilePart, into outcome: inout Outcome, interner: KeyInterner, crossDuplicates: inout [Int: Int]
    ) -> Bool {
        let mapping = part.interner.values.map { value in
            var value = value
            return value.withUTF8 { interner.intern($0) }
        }
        let report = part.outcome.report
        outcome.report.rowsAccepted += report.rowsAccepted
        outcome.report.rowsRejected += report.rowsRejected
        if let first = report.firstDay, outcome.report.firstDay.map({ first < $0 }) ?? true {
            outcome.report.firstDay = first
        }
        if let last = report.lastDay, outcome.report.lastDay.map({ last > $0 }) ?? true {
            outcome.report.lastDay = last
        }
        let shift = part.lineShift
        outcome.dates.add(part.outcome.dates, lineShift: shift)
        if let noted = report.ignoredInvalidText {
            var merged =
                outcome.report.ignoredInvalidText
                ?? IgnoredInvalidText(rows: 0, firstLine: noted.firstLine + shift, columns: [])
            merged.rows += noted.rows
            for name in noted.columns where !merged.columns.contains(name) { merged.columns.append(name) }
            outcome.report.ignoredInvalidText = merged
        }
        outcome.rejects += part.outcome.rejects.map { Self.shifted($0, by: shift) }
        for (partKey, partCounts) in part.outcome.batch {
            let key = RowKey(dimensions: mapping[Int(partKey.dimensions)], day: partKey.day)
            var counts = partCounts
            counts.line += Int32(truncatingIfNeeded: shift)
            if outcome.report.isEventLevel {
                let initial = RowCounts(main: 0, companion: -1, file: counts.file, line: counts.line)
                if !outcome.batch.add(counts.main, to: key, initial: initial) { return false }
            } else if let earlier = outcome.batch[key] {
                crossDuplicates[Int(counts.line)] = Int(earlier.line)
                outcome.report.rowsAccepted -= 1
                outcome.report.rowsRejected += 1
            } else {
                outcome.batch[key] = counts
            }
        }
        return true
    }

    /// `reject`, read by a part counting lines from 1, with the file's lines: its own and, in a duplicate's
    /// reason, the line it repeats (in the same part).
    private static func shifted(_ reject: RejectedRow, by shift: Int) -> RejectedRow {
        guard shift != 0 else { return reject }
        return RejectedRow(
            file: reject.file, line: reject.line + shift, column: reject.column, value: reject.value,
            reason: reject.reason.movingLine { $0 + shift } ?? reject.reason, record: reject.record)
    }

    /// A part rejects a repeated key as a duplicate of the key's first line in that part; when that line itself
    /// repeats a key of an earlier part, a whole read names the earlier part's line instead (found by
    /// Fuzz/run csv: "duplicate of line 13" where line 13 was already a duplicate of line 7).
    private static func pointingPastCrossDuplicates(
        _ reject: RejectedRow, _ crossDuplicates: [Int: Int]
    )
        -> RejectedRow
    {
        guard let reason = reject.reason.movingLine({ crossDuplicates[$0] }) else { return reject }
        return RejectedRow(
            file: reject.file, line: reject.line, column: reject.column, value: reject.value, reason: reason,
            record: reject.record)
    }

    /// The rejects of rows that repeat a key of an earlier part, with their records read again from the file.
    private func duplicateRejects(
        _ duplicates: [Int: Int], input: OpenedInput, name: String, parts: ArraySlice<FilePart>, isGzip: Bool
    )
        -> [RejectedRow]
    {
        var records: [Int: String] = [:]
        for part in parts {
            let lastLine = part.endLine + part.lineShift
            guard duplicates.keys.contains(where: { $0 >= part.firstLine && $0 < lastLine }),
                let reader = try? CSVSegmentReader(
                    input: input, delimiter: part.outcome.report.delimiter, firstLine: part.firstLine,
                    blockSize: 1 << 20,
                    isGzip: isGzip, toleratesInvalidText: true)
            else { continue }
            // A part that re-parsed the rest of the file holds rows past its own end (found by Fuzz/run csv).
            let end = part.continued ? part.outcome.report.byteCount : part.end
            try? reader.read(from: part.start, to: end) { record in
                if duplicates[record.line] != nil { records[record.line] = Self.rawRecord(record) }
            }
        }
        return duplicates.keys.sorted().compactMap { line in
            guard let first = duplicates[line] else { return nil }
            return RejectedRow(
                file: name, line: line, column: nil, value: "",
                reason: duplicateReason(firstLine: first),
                record: records[line] ?? "")
        }
    }
}
