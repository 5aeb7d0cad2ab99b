import Dispatch
import Foundation

extension FeedFileReader {
    /// Reads a gzip file's text in parts as it is decompressed: this thread decompresses, one part of at least
    /// `parallelism.minimumPartSize` bytes at a time, each part ending at a line end (a line longer than a part makes
    /// the part longer), and every part is parsed on another core as soon as it is decompressed, with its own libcsv
    /// parser, then added to the file's outcome in file order as the parts of an uncompressed file are. At most a few
    /// parts per core are held in memory at a time, whatever the size of the file.
    ///
    /// Returns nil when the file must be read whole instead, which gives its outcome as always: its text fits in one
    /// part, a cut falls inside a quoted field, a part is refused, the gzip data is cut short or corrupt (the whole
    /// read refuses the file at the line where its readable text stops), or the parts cannot be merged.
    func readGzipInParts(
        _ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism,
        head: CSVFileReader.Head
    ) -> Outcome? {
        guard let layout = try? header(of: input, head: head), let source = try? GzipByteSource(input: input) else {
            return nil
        }
        let partSize = max(1, parallelism.minimumPartSize)
        var report = FileReport(feed: feed, file: name)
        report.byteCount = head.byteCount
        report.delimiter = head.delimiter
        report.isEventLevel = layout.timestamp != nil
        report.unknownColumns = unknownColumns(layout)
        var outcome = Outcome(report: report)
        outcome.batch = CountTable(keepsDetails: !report.isEventLevel)
        let merge = PartMerge([], outcome: outcome, interner: interner, isGzip: true)
        let inFlight = DispatchSemaphore(value: 2 * ProcessInfo.processInfo.activeProcessorCount + 2)
        let parsing = DispatchGroup()
        var tally = ProgressTally(progress)
        // The bytes after the last line end decompressed so far, which start the next part.
        var carried: [UInt8] = []
        var offset = head.dataStart
        var partStart = head.dataStart
        var isEnded = false
        while !isEnded, !merge.lock.withLock({ merge.isAbandoned }) {
            let capacity = carried.count + partSize
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
            carried.withUnsafeBytes { buffer.copyMemory(from: $0) }
            var filled = carried.count
            do {
                while filled < capacity {
                    let count = try source.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: offset)
                    if count == 0 {
                        isEnded = true
                        break
                    }
                    filled += count
                    offset += count
                }
            } catch {
                buffer.deallocate()
                merge.lock.withLock { merge.isAbandoned = true }
                break
            }
            tally.update(bytes: source.compressedOffset, rows: 0)
            if isEnded && merge.lock.withLock({ merge.parts.isEmpty }) {
                // The whole text fits in one part: read whole, as a small file always was.
                buffer.deallocate()
                merge.lock.withLock { merge.isAbandoned = true }
                break
            }
            var partEnd = filled
            if !isEnded {
                guard let newline = UnsafeRawBufferPointer(rebasing: buffer[..<filled]).lastIndex(of: 0x0A) else {
                    // No line end yet: the next part is read on after these bytes.
                    carried = Array(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
                    buffer.deallocate()
                    continue
                }
                partEnd = newline + 1
            }
            carried = Array(UnsafeRawBufferPointer(rebasing: buffer[partEnd..<filled]))
            let part = FilePart(start: partStart, end: partStart + partEnd, report: report)
            part.isLast = isEnded
            partStart += partEnd
            let index: Int = merge.lock.withLock {
                merge.append(part)
                return merge.parts.count - 1
            }
            let job = GzipPartJob(
                reader: self, part: part, index: index, buffer: buffer, count: partEnd, merge: merge, layout: layout,
                path: input.path, delimiter: head.delimiter, fileIndex: fileIndex)
            inFlight.wait()
            parsing.enter()
            DispatchQueue.global().async {
                job.run()
                inFlight.signal()
                parsing.leave()
            }
        }
        parsing.wait()
        return finishMerge(merge, input: input)
    }

    /// Parses one part of a gzip file's text, held in `text`, into the part's outcome (or its failure).
    fileprivate func readPart(
        _ part: FilePart, isFirst: Bool, text: UnsafeRawBufferPointer, path: String, delimiter: UInt8,
        layout: Layout, fileIndex: Int32
    ) {
        let reader = CSVSegmentReader(textOf: path, delimiter: delimiter, firstLine: 1, toleratesInvalidText: true)
        part.reader = reader
        let handler = rowHandler(for: part, skipsHeader: isFirst, layout: layout, fileIndex: fileIndex)
        var tally = ProgressTally(progress)
        do {
            try reader.read(bytes: text, onRecord: handler)
            if part.isLast { try reader.finish(onRecord: handler) }
            part.outcome.finishCounts()
        } catch {
            part.failure = error
        }
        tally.update(bytes: 0, rows: part.outcome.report.rowsRead)
    }
}

/// One decompressed part of a gzip file handed to another thread: it is parsed there, its text freed, and it is
/// merged under the merge's lock. Its part is touched by that thread alone until it is merged.
private final class GzipPartJob: @unchecked Sendable {
    let reader: FeedFileReader
    let part: FilePart
    let index: Int
    let buffer: UnsafeMutableRawBufferPointer
    let count: Int
    let merge: PartMerge
    let layout: FeedFileReader.Layout
    let path: String
    let delimiter: UInt8
    let fileIndex: Int32

    init(
        reader: FeedFileReader, part: FilePart, index: Int, buffer: UnsafeMutableRawBufferPointer, count: Int,
        merge: PartMerge, layout: FeedFileReader.Layout, path: String, delimiter: UInt8, fileIndex: Int32
    ) {
        self.reader = reader
        self.part = part
        self.index = index
        self.buffer = buffer
        self.count = count
        self.merge = merge
        self.layout = layout
        self.path = path
        self.delimiter = delimiter
        self.fileIndex = fileIndex
    }

    func run() {
        if !merge.lock.withLock({ merge.isAbandoned }) {
            reader.readPart(
                part, isFirst: index == 0, text: UnsafeRawBufferPointer(rebasing: buffer[..<count]), path: path,
                delimiter: delimiter, layout: layout, fileIndex: fileIndex)
        }
        buffer.deallocate()
        merge.lock.withLock {
            merge.isRead[index] = true
            reader.mergeReadParts(merge, layout: layout, fileIndex: fileIndex)
        }
    }
}
