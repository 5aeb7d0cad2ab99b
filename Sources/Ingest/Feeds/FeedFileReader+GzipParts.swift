import Dispatch
import Foundation

extension FeedFileReader {
    /// Reads a gzip file's text in parts as it is decompressed: a thread of its own decompresses, one part of at
    /// least `parallelism.minimumPartSize` bytes at a time, each part ending at a line end (a line longer than a part
    /// makes the part longer), and every part is parsed by one of the cores (this thread among them) as soon as it
    /// is decompressed, with its own libcsv parser, then added to the file's outcome in file order as the parts of an
    /// uncompressed file are. At most a few parts per core are held in memory at a time, whatever the size of the
    /// file: the parts wait in a ``BoundedQueue``.
    ///
    /// Returns nil when the file must be read whole instead, which gives its outcome as always: its text fits in one
    /// part, a cut falls inside a quoted field, a part is refused, the gzip data is cut short or corrupt (the whole
    /// read refuses the file at the line where its readable text stops), the parts cannot be merged, or no thread
    /// could be started.
    func readGzipInParts(
        _ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism,
        head: CSVFileReader.Head
    ) -> Outcome? {
        guard let layout = try? header(of: input, head: head), let source = try? GzipByteSource(input: input) else {
            return nil
        }
        var report = FileReport(feed: feed, file: name)
        report.byteCount = head.byteCount
        report.delimiter = head.delimiter
        report.isEventLevel = layout.timestamp != nil
        report.unknownColumns = unknownColumns(layout)
        var outcome = Outcome(report: report)
        outcome.batch = CountTable(keepsDetails: !report.isEventLevel)
        let merge = PartMerge([], outcome: outcome, interner: interner, isGzip: true)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let queue = BoundedQueue<GzipPartJob>(capacity: 2 * cores + 2)
        let partSize = max(1, parallelism.minimumPartSize)
        let producer: OwnedThread
        do {
            producer = try OwnedThread { [self] in
                decompressParts(
                    source, dataStart: head.dataStart, partSize: partSize, report: report, merge: merge, into: queue)
            }
        } catch {
            return nil
        }
        DispatchQueue.concurrentPerform(iterations: max(1, cores)) { _ in
            while let job = queue.pop() {
                job.run(
                    reader: self, merge: merge, layout: layout, path: input.path, delimiter: head.delimiter,
                    fileIndex: fileIndex)
            }
        }
        producer.join()
        return finishMerge(merge, input: input)
    }

    /// The producer of ``readGzipInParts(_:name:fileIndex:interner:parallelism:head:)``, on its own thread: cuts the
    /// text of `source` into parts as it decompresses it, adds each to `merge` and hands it to the parsers through
    /// `queue`, which it closes when the text ends, the file is to be read whole, or the gzip data fails.
    private func decompressParts(
        _ source: GzipByteSource, dataStart: Int, partSize: Int, report: FileReport, merge: PartMerge,
        into queue: BoundedQueue<GzipPartJob>
    ) {
        defer { queue.close() }
        var tally = ProgressTally(progress)
        // The bytes after the last line end decompressed so far, which start the next part.
        var carried: [UInt8] = []
        var offset = dataStart
        var partStart = dataStart
        var isEnded = false
        while !isEnded, !merge.isAbandoned {
            let capacity = carried.count + partSize
            var isFailed = false
            let text = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
                let buffer = UnsafeMutableRawBufferPointer(buffer)
                carried.withUnsafeBytes { buffer.copyMemory(from: $0) }
                filled = carried.count
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
                    isFailed = true
                }
            }
            tally.update(bytes: source.compressedOffset, rows: 0)
            let isFirst = merge.state.withLock { $0.parts.isEmpty }
            if isFailed || (isEnded && isFirst) {
                // The gzip data failed, or the whole text fits in one part: the file is read whole, which refuses
                // it where its readable text stops, or reads it as a small file always was.
                merge.state.withLock { $0.isAbandoned = true }
                return
            }
            var partEnd = text.count
            if !isEnded {
                guard let newline = text.lastIndex(of: 0x0A) else {
                    // No line end yet: the next part is read on after these bytes.
                    carried = text
                    continue
                }
                partEnd = newline + 1
            }
            carried = Array(text[partEnd...])
            let part = FilePart(start: partStart, end: partStart + partEnd, report: report)
            part.isLast = isEnded
            partStart += partEnd
            let index: Int = merge.state.withLock { state in
                state.append(part)
                return state.parts.count - 1
            }
            guard queue.push(GzipPartJob(part: part, index: index, text: text, count: partEnd)) else { return }
        }
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

/// One decompressed part of a gzip file, handed from the thread that decompresses to one that parses: it is parsed
/// there, and merged under the merge's mutex.
private struct GzipPartJob: Sendable {
    let part: FilePart
    let index: Int
    /// The part's text, in its first `count` bytes.
    let text: [UInt8]
    let count: Int

    func run(
        reader: FeedFileReader, merge: PartMerge, layout: FeedFileReader.Layout, path: String, delimiter: UInt8,
        fileIndex: Int32
    ) {
        if !merge.isAbandoned {
            text.withUnsafeBytes { text in
                reader.readPart(
                    part, isFirst: index == 0, text: UnsafeRawBufferPointer(rebasing: text[..<count]), path: path,
                    delimiter: delimiter, layout: layout, fileIndex: fileIndex)
            }
        }
        merge.state.withLock { state in
            state.isRead[index] = true
            reader.mergeReadParts(
                &state, interner: merge.interner, isGzip: merge.isGzip, layout: layout, fileIndex: fileIndex)
        }
    }
}
