import Foundation

extension FeedFileReader {
    /// Reads a rollup of an event-level file (`events.csv.rollup.json`, DESIGN §3.5) as that file's counts: summed
    /// with the feed's other event-level counts like the file itself, never restating them. The report names the
    /// file rolled up, with the rollup's accounting and refusal; the rejects keep the file's lines and columns. A
    /// rollup that cannot be read, is of another feed, holds no event-level counts or does not add up is refused.
    /// `entries` are every entry of the rollup's feed folder and of the folders inside it, by their paths inside the
    /// feed folder: a rollup stands for its file only when the file is not there too and no other rollup rolls it up
    /// (``RangeRollup/refusal(name:entries:)``).
    func readRollup(
        _ input: OpenedInput, name: String, entries: [String], fileIndex: Int32, interner: KeyInterner
    ) -> Outcome {
        var outcome = Outcome(report: FileReport(feed: feed, file: name))
        var bytes = Data(count: input.byteCount)
        do {
            // The bytes parsed are the bytes hashed: read once from the open file, checked unchanged after.
            let count = try bytes.withUnsafeMutableBytes { try input.read(into: $0, at: 0) }
            bytes.removeSubrange(count...)
            outcome.report.byteCount = count
            outcome.report.sha256 = try input.finish(digest: digestsInput)
        } catch let error as CSVFileError {
            refuse(&outcome, isIO: true, line: nil, column: nil, reason: .csv(error.problem))
            return outcome
        } catch {
            refuse(&outcome, isIO: true, line: nil, column: nil, reason: .unexpected("\(error)"))
            return outcome
        }
        let rollup: RangeRollup
        do {
            rollup = try RangeRollup(jsonData: bytes)
        } catch {
            refuse(&outcome, isIO: false, line: nil, column: nil, reason: .rollup(error))
            return outcome
        }
        let problem: RollupFormatError? =
            rollup.feed != feed
            ? .feedMismatch(folder: feed, rollup: rollup.feed)
            : rollup.level != .events
                ? .notEvents(rollup.level)
                : rollup.refusal(name: pathInFeedFolder(name), entries: entries)
        if let problem {
            refuse(&outcome, isIO: false, line: nil, column: nil, reason: .rollup(problem))
            return outcome
        }
        var report = FileReport(feed: feed, file: rollup.file)
        report.rollupFile = name
        report.rollupByteCount = outcome.report.byteCount
        report.sha256 = outcome.report.sha256
        report.ranges = rollup.ranges
        report.byteCount = rollup.fileSize
        report.isEventLevel = true
        report.delimiter = rollup.delimiter
        report.unknownColumns = rollup.unknownColumns
        report.ignoredInvalidText = rollup.ignoredInvalidText
        report.rowsRead = rollup.rowsRead
        report.rowsAccepted = rollup.rowsAccepted
        report.rowsRejected = rollup.rowsRejected
        report.failure = rollup.refusal
        outcome = Outcome(report: report)
        guard rollup.refusal == nil else { return outcome }
        outcome.batch = CountTable(keepsDetails: false)
        for (index, count) in rollup.counts.enumerated() {
            var joined: [UInt8] = []
            for (position, value) in count.dimensions.enumerated() {
                if position > 0 { joined.append(KeyInterner.separator) }
                joined += value.utf8
            }
            let key = joined.withUnsafeBufferPointer { interner.internRow($0) }
            guard case .success(let id) = key else {
                refuseRollup(&outcome, name: name, .badValue("counts.\(index)"))
                return outcome
            }
            let day = Int32(truncatingIfNeeded: count.date.daysSinceEpoch)
            let initial = RowCounts(main: 0, companion: -1, file: fileIndex, line: 0)
            guard outcome.batch.add(count.count, to: RowKey(dimensions: id, day: day), initial: initial) else {
                refuseRollup(&outcome, name: name, .badValue("counts.\(index)"))
                return outcome
            }
            if outcome.report.firstDay.map({ count.date < $0 }) ?? true { outcome.report.firstDay = count.date }
            if outcome.report.lastDay.map({ count.date > $0 }) ?? true { outcome.report.lastDay = count.date }
        }
        outcome.rejects = Array(rollup.rejects.sorted { $0.line < $1.line }.prefix(IngestLimits.rejectsListedPerFile))
        return outcome
    }

    /// Refuses a rollup found wrong once read: the report is the rollup's own again.
    private func refuseRollup(_ outcome: inout Outcome, name: String, _ problem: RollupFormatError) {
        var report = FileReport(feed: feed, file: name)
        report.byteCount = outcome.report.rollupByteCount ?? outcome.report.byteCount
        report.sha256 = outcome.report.sha256
        outcome = Outcome(report: report)
        refuse(&outcome, isIO: false, line: nil, column: nil, reason: .rollup(problem))
    }
}
