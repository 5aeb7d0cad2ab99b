import Foundation

/// Reads one file of a feed into a batch of counts, accepting or rejecting every row with a reason.
struct FeedFileReader {
    let feed: Feed
    let localDays: LocalDayTable
    let delimiter: UInt8?
    /// The date format, encoding and column names of the file's exports, resolved for the file
    /// (``FeedReadOptions/resolved(forFile:)``).
    var options = FeedReadOptions()
    /// The format the `date` column is read in: the one set for the file, else the default until the file's own
    /// dates tell another (``readInOwnFormats(_:name:fileIndex:interner:parallelism:)``).
    var dateFormat = DateFormat.yearMonthDay
    /// The last local day, as days since 1970-01-01, that a date of the file may name: the day of its modification
    /// time plus one day (DESIGN §3.2). No bound for bytes held in memory.
    var latestDay = Int.max
    /// The last instant, in seconds since 1970-01-01T00:00:00Z, that a timestamp of the file may name: its
    /// modification time plus one day.
    var latestSecond = Int64.max
    /// The file's modification time, in seconds since 1970-01-01T00:00:00Z, as the reasons of later dates give it.
    var modified: Int64 = 0
    /// Where the bytes and rows read are counted, if anywhere.
    var progress: ReadProgress? = nil
    /// Whether each file read whole is hashed (`FileReport.sha256`), by a pass over the descriptor it was read from.
    var digestsInput = false

    /// What one file gave: its report, its rejected rows and, unless the file was refused, its counts.
    struct Outcome {
        var report: FileReport
        var rejects: [RejectedRow] = []
        var batch = CountTable()
        /// The time-zone span of the last timestamp read, reused while timestamps stay inside it.
        var zoneSpan = LocalDayTable.Span(start: 0, end: 0, offset: 0)
        /// The UTC date of the last timestamp read, whose later timestamps are read from their time alone.
        var dayCache = TimestampDayCache()
        /// Event counts of the current day, not yet in `batch`: `finishCounts()` puts them there.
        var dayTotals = DayTotals()
        /// The formats that read each date, from which the file's format is told.
        var dates = DateFormatTally()

        /// Puts the event counts still held apart into `batch`; to be called before `batch` is read.
        mutating func finishCounts() {
            dayTotals.flush(into: &batch)
        }
    }

    /// Where each known column sits in the header.
    struct Layout {
        var date: Int?
        var timestamp: Int?
        var dimensions: [Int?]
        /// The column of the first dimension when every dimension column is present and they follow one another
        /// in the feed's order: their fields are then the row's key as they are stored, without a copy.
        var dimensionRun: Int?
        var counts: [Int?]
        var fieldCount: Int
        var names: [String]

        /// Whether the feed reads field `index` (0-based).
        func reads(_ index: Int) -> Bool {
            index == date || index == timestamp || dimensions.contains(index) || counts.contains(index)
        }
    }

    struct FileRefusal: Error {
        let line: Int
        let column: Int?
        let reason: FileRefusalReason
    }

    /// Reads `path`, reported as `name`, start to end on this thread with the options as they are, interning its keys
    /// in `interner`; `fileIndex` is stored with every count so that restatements can name their source.
    func read(path: String, name: String, fileIndex: Int32, interner: KeyInterner) -> Outcome {
        opening(path, name: name) { input in
            settled(readWhole(input, name: name, fileIndex: fileIndex, interner: interner), input: input)
        }
    }

    /// The outcome `read` gives for `path` once opened, or the refusal of a file that cannot be opened (missing, a
    /// directory, a FIFO, a socket or a device: refused without waiting on it).
    func opening(_ path: String, name: String, read: (OpenedInput) -> Outcome) -> Outcome {
        let input: OpenedInput
        do {
            input = try OpenedInput.open(path: path, digesting: digestsInput)
        } catch {
            var outcome = Outcome(report: FileReport(feed: feed, file: name))
            refuse(&outcome, isIO: true, line: nil, column: nil, reason: .csv(error.problem))
            return outcome
        }
        return read(input)
    }

    /// `outcome` once the read of `input` is over: with the digest of the bytes read, or refused when the file
    /// changed while it was read (its size or modification time is no longer what it was at open; DESIGN §3.2). A
    /// file refused for input/output is left as it is: it has no digest.
    func settled(_ outcome: Outcome, input: OpenedInput) -> Outcome {
        var outcome = outcome
        guard outcome.report.failure?.isIOError != true else { return outcome }
        do {
            outcome.report.sha256 = try input.finish(digest: digestsInput)
        } catch {
            refuse(&outcome, isIO: true, line: nil, column: nil, reason: .csv(error.problem))
        }
        return outcome
    }

    /// Reads `input`, reported as `name`, start to end on this thread; the caller settles the outcome.
    func readWhole(_ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner) -> Outcome {
        var outcome = Outcome(report: FileReport(feed: feed, file: name))
        outcome.report.byteCount = input.byteCount
        var layout: Layout?
        var tally = ProgressTally(progress)
        do {
            let summary = try CSVFileReader(
                delimiter: delimiter, encoding: options.encoding, toleratesInvalidText: true
            ).read(
                input, onProgress: { tally.update(bytes: $0, rows: outcome.report.rowsRead) }
            ) { record in
                guard let current = layout else {
                    if let invalid = record.invalidText.first {
                        throw FileRefusal(line: invalid.line, column: invalid.column, reason: .csv(invalid.csvProblem))
                    }
                    // Known from the header on, so that a file refused later still reports the delimiter it was
                    // read with, as a read in parts does (found by Fuzz/run csv).
                    outcome.report.delimiter = record.delimiter
                    layout = try makeLayout(record)
                    if let layout {
                        outcome.report.isEventLevel = layout.timestamp != nil
                        outcome.batch = CountTable(keepsDetails: !outcome.report.isEventLevel)
                        outcome.report.unknownColumns = unknownColumns(layout)
                    }
                    return
                }
                if !record.invalidText.isEmpty { try noteInvalidText(record, layout: current, in: &outcome.report) }
                outcome.report.rowsRead += 1
                readRow(record, layout: current, into: &outcome, fileIndex: fileIndex, interner: interner)
            }
            outcome.report.byteCount = summary.byteCount
            outcome.report.delimiter = summary.delimiter
            outcome.finishCounts()
        } catch let error as CSVFileError {
            refuse(
                &outcome, isIO: error.kind == .io, line: error.line, column: error.column, reason: .csv(error.problem))
        } catch let refusal as FileRefusal {
            refuse(&outcome, isIO: false, line: refusal.line, column: refusal.column, reason: refusal.reason)
        } catch {
            refuse(&outcome, isIO: false, line: nil, column: nil, reason: .unexpected("\(error)"))
        }
        return outcome
    }

    /// Refuses the file at the first bytes that are not text in a column the feed reads; otherwise counts the row in
    /// `report.ignoredInvalidText`, to be kept.
    func noteInvalidText(_ record: CSVRecord, layout: Layout, in report: inout FileReport) throws {
        if let used = record.invalidText.first(where: { layout.reads($0.field) }) {
            throw FileRefusal(line: used.line, column: used.column, reason: .csv(used.csvProblem))
        }
        let names = record.invalidText.map { invalid in
            invalid.field < layout.names.count
                ? (layout.names[invalid.field].isEmpty ? "\"\"" : layout.names[invalid.field])
                : "field \(invalid.field + 1)"
        }
        var noted = report.ignoredInvalidText ?? IgnoredInvalidText(rows: 0, firstLine: record.line, columns: [])
        noted.rows += 1
        for name in names where !noted.columns.contains(name) { noted.columns.append(name) }
        report.ignoredInvalidText = noted
    }

    func refuse(_ outcome: inout Outcome, isIO: Bool, line: Int?, column: Int?, reason: FileRefusalReason) {
        if isIO { outcome.report.sha256 = nil }
        outcome.report.failure = FileFailure(isIOError: isIO, line: line, column: column, reason: reason)
        outcome.report.rowsAccepted = 0
        outcome.report.rowsRejected = outcome.report.rowsRead
        outcome.report.firstDay = nil
        outcome.report.lastDay = nil
        // The refusal stands for every row of the file; rows rejected before it are not listed one by one.
        outcome.rejects = []
        outcome.batch = CountTable()
        outcome.dayTotals = DayTotals()
        outcome.report.dateFormat = nil
        outcome.report.ignoredInvalidText = nil
    }

    /// The header names of the feed's columns, lowercased: each column's own name, or the name `columns:` maps it to
    /// (which wins when it is another column's own name).
    var headerNames: [String: String] {
        var names: [String: String] = [:]
        for column in feed.knownColumns where options.columns[column] == nil {
            names[column] = column
        }
        for (column, name) in options.columns {
            names[name.lowercased()] = column
        }
        return names
    }

    /// The header's names that are no column of the feed (an empty name shown as `""`).
    func unknownColumns(_ layout: Layout) -> [String] {
        let known = headerNames
        return layout.names.filter { known[$0] == nil }.map { $0.isEmpty ? "\"\"" : $0 }
    }

    func makeLayout(_ header: CSVRecord) throws -> Layout {
        let names = (0..<header.count).map {
            String(decoding: FieldValue.trimmed(header[$0]), as: UTF8.self).lowercased()
        }
        let known = headerNames
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard let column = known[name] else { continue }
            if let first = positions[column] {
                throw FileRefusal(
                    line: header.line, column: index + 1,
                    reason: .duplicateColumn(name: name, first: first + 1, second: index + 1))
            }
            positions[column] = index
        }
        // A name `columns:` gives must be in the header, whether the column is required or not: a mapping that
        // finds nothing is a misspelt name or an export that changed.
        for column in feed.knownColumns.sorted() where positions[column] == nil {
            guard let mapped = options.columns[column] else { continue }
            throw FileRefusal(
                line: header.line, column: nil,
                reason: .missingMappedColumn(name: mapped, column: column, feed: feed, header: names))
        }
        var layout = Layout(
            date: positions["date"], timestamp: positions["timestamp"],
            dimensions: feed.dimensionColumns.map { positions[$0] }, counts: feed.countColumns.map { positions[$0] },
            fieldCount: header.count, names: names)
        var missing: [FileRefusalReason.RequiredColumn] = []
        if layout.date == nil && layout.timestamp == nil {
            missing.append(feed.acceptsTimestamps ? .dateOrTimestamp : .named("date"))
        }
        if layout.dimensions[0] == nil { missing.append(.named(feed.dimensionColumns[0])) }
        if layout.counts[0] == nil && !feed.mainCountIsOptional { missing.append(.named(feed.countColumns[0])) }
        if feed.companionIsRequired && layout.counts[1] == nil { missing.append(.named(feed.countColumns[1])) }
        if !missing.isEmpty {
            throw FileRefusal(line: header.line, column: nil, reason: .missingColumns(missing, header: names))
        }
        if layout.date != nil && layout.timestamp != nil {
            throw FileRefusal(line: header.line, column: nil, reason: .dateAndTimestamp)
        }
        if layout.timestamp != nil { layout.date = nil }
        if let first = layout.dimensions[0],
            layout.dimensions.enumerated().allSatisfy({ $0.element == first + $0.offset })
        {
            layout.dimensionRun = first
        }
        return layout
    }

    func readRow(
        _ record: CSVRecord, layout: Layout, into outcome: inout Outcome, fileIndex: Int32, interner: KeyInterner
    ) {
        func reject(_ column: Int?, _ reason: RejectReason) {
            outcome.report.rowsRejected += 1
            guard outcome.rejects.count < IngestLimits.rejectsListedPerFile else { return }
            let value = column.map { $0 <= record.count ? Self.shown(record[$0 - 1]) : "" } ?? ""
            outcome.rejects.append(
                RejectedRow(
                    file: outcome.report.file, line: record.line, column: column, value: value, reason: reason,
                    record: Self.rawRecord(record)))
        }
        guard record.count == layout.fieldCount else {
            let column = min(record.count, layout.fieldCount) + 1
            reject(column, .fieldCount(expected: layout.fieldCount, found: record.count))
            return
        }
        let day: CivilDate
        if let index = layout.date {
            let text = FieldValue.trimmed(record[index])
            // The default format is parsed as before options existed: files in it read exactly as they did.
            let format = dateFormat
            guard
                let parsed = format == .yearMonthDay ? CivilDate(iso8601Bytes: text) : format.date(text)
            else {
                outcome.dates.note(DateFormat.fitting(text), line: record.line, column: index + 1)
                reject(index + 1, .notADate(value: Self.shown(text), format: format))
                return
            }
            outcome.dates.note(format.fitting(readAs: parsed), line: record.line, column: index + 1)
            if parsed.daysSinceEpoch > latestDay {
                reject(index + 1, .laterThanFile(column: "date", value: Self.shown(text), modified: modified))
                return
            }
            day = parsed
        } else if let index = layout.timestamp {
            // A timestamp the day cache takes has no spaces around it: it is tried before trimming.
            let seconds: Int64
            if let cached = outcome.dayCache.seconds(record[index]) {
                seconds = cached
            } else {
                let text = FieldValue.trimmed(record[index])
                switch Timestamp.secondsSince1970(text) {
                case .success(let parsed):
                    seconds = parsed
                    outcome.dayCache.remember(text, seconds: parsed)
                case .failure(.missingZone):
                    reject(index + 1, .timestampWithoutZone(value: Self.shown(text)))
                    return
                case .failure:
                    reject(index + 1, .notATimestamp(value: Self.shown(text)))
                    return
                }
            }
            if seconds > latestSecond {
                reject(
                    index + 1,
                    .laterThanFile(
                        column: "timestamp", value: Self.shown(FieldValue.trimmed(record[index])), modified: modified))
                return
            }
            if !(outcome.zoneSpan.start <= seconds && seconds < outcome.zoneSpan.end) {
                outcome.zoneSpan = localDays.span(atUTC: seconds)
            }
            day = LocalDayTable.localDay(atUTC: seconds, offset: outcome.zoneSpan.offset)
        } else {
            return
        }
        let id: Int32
        switch Self.keyID(record, layout: layout, interner: interner) {
        case .success(let value):
            id = value
        case .failure(let error):
            switch error.problem {
            case .firstEmpty:
                reject(layout.dimensions[0].map { $0 + 1 }, .emptyKey(column: feed.dimensionColumns[0]))
            case .tooLong(let position):
                let column = layout.dimensions[position]
                let length = column.map { FieldValue.trimmed(record[$0]).count } ?? 0
                reject(
                    column.map { $0 + 1 },
                    .valueTooLong(
                        column: feed.dimensionColumns[position], length: length,
                        maximum: KeyInterner.maximumValueBytes))
            case .controlCharacter(let position):
                let column = layout.dimensions[position]
                reject(
                    column.map { $0 + 1 },
                    .controlCharacter(
                        column: feed.dimensionColumns[position],
                        value: column.map { Self.shown(FieldValue.trimmed(record[$0])) } ?? ""))
            }
            return
        }
        let key = RowKey(dimensions: id, day: Int32(truncatingIfNeeded: day.daysSinceEpoch))
        var counts: (main: Int64, companion: Int64) = (1, -1)
        for (position, column) in layout.counts.enumerated() {
            guard let column else { continue }
            let text = FieldValue.trimmed(record[column])
            if position == 1 && text.isEmpty && !feed.companionIsRequired { continue }
            switch FieldValue.count(text) {
            case .success(let value):
                if position == 0 { counts.main = value } else { counts.companion = value }
            case .failure(let problem):
                reject(
                    column + 1,
                    .notACount(column: feed.countColumns[position], value: Self.shown(text), problem: problem))
                return
            }
        }
        if feed == .helplineCalls, counts.companion > counts.main, let column = layout.counts[1] {
            reject(column + 1, .answeredOverCalls(answered: counts.companion, calls: counts.main))
            return
        }
        if layout.timestamp != nil {
            // Event counts are summed per day; a sum past Int64.max would trap, so the row that overflows it is
            // rejected instead (two rows of 9223372036854775807 impressions on one day).
            let added = outcome.dayTotals.add(
                counts.main, to: key, in: &outcome.batch,
                initial: RowCounts(
                    main: 0, companion: -1, file: fileIndex, line: Int32(truncatingIfNeeded: record.line)))
            guard added else {
                reject(
                    layout.counts[0].map { $0 + 1 }, .dayTotalOverflow(column: feed.countColumns[0], count: counts.main)
                )
                return
            }
        } else {
            if let earlier = outcome.batch[key] {
                reject(nil, duplicateReason(firstLine: Int(earlier.line)))
                return
            }
            outcome.batch[key] = RowCounts(
                main: counts.main, companion: counts.companion, file: fileIndex,
                line: Int32(truncatingIfNeeded: record.line))
        }
        outcome.report.rowsAccepted += 1
        if outcome.report.firstDay.map({ day < $0 }) ?? true { outcome.report.firstDay = day }
        if outcome.report.lastDay.map({ day > $0 }) ?? true { outcome.report.lastDay = day }
    }

    /// The interned id of a row's dimension values, or why they cannot be a series name.
    @inline(__always)
    static func keyID(
        _ record: CSVRecord, layout: Layout, interner: KeyInterner
    ) -> Result<Int32, KeyInterner.KeyProblemError> {
        if let first = layout.dimensionRun {
            // The fields as stored are the key as read.
            return interner.internRow(record.fields(first, through: first + layout.dimensions.count - 1))
        }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        if layout.dimensions.contains(where: { $0.map { record[$0].count } ?? 0 > KeyInterner.checkedBeforeInterning }),
            let problem = KeyInterner.problem(ofComponents: layout.dimensions.map { $0.map { record[$0] } ?? empty })
        {
            // Not copied into the interner's key buffer, which would keep its size for the rest of the read.
            return .failure(KeyInterner.KeyProblemError(problem: problem))
        }
        interner.startKey()
        for (position, column) in layout.dimensions.enumerated() {
            interner.appendComponent(
                column.map { record[$0] } ?? UnsafeBufferPointer(start: nil, count: 0), isFirst: position == 0)
        }
        return interner.internRowKey()
    }

    /// Why a row repeating a daily key is rejected; single and parallel reads must give the same reason.
    func duplicateReason(firstLine: Int) -> RejectReason {
        .duplicate(firstLine: firstLine, columns: feed.dimensionColumns)
    }

    /// A value as shown in reasons: at most 60 characters, control characters escaped (``ShownText``).
    ///
    /// Only the first 244 bytes are decoded: 60 characters take at most 240, so a value of hundreds of megabytes
    /// costs no copy of itself; a value longer than 240 bytes has more than 60 characters.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(244)), as: UTF8.self)
        var shown = ""
        for scalar in text.unicodeScalars.prefix(60) {
            shown += ShownText.escaped(scalar)
        }
        return bytes.count > 240 || text.unicodeScalars.count > 60 ? shown + "…" : shown
    }

    /// The bytes of a rejected record kept in its reject: a longer record is cut there and ends with `…`, so that a
    /// record of hundreds of megabytes is not copied whole into the rejects and `rejects.csv` (DESIGN §3.2).
    static let recordBytesKept = 4096

    /// The record as read, written back as one CSV record, quoting fields that need it (the first
    /// ``recordBytesKept`` bytes of it, at a character boundary, then `…`).
    static func rawRecord(_ record: CSVRecord) -> String {
        let delimiter = record.delimiter
        var bytes: [UInt8] = []
        var isCut = false
        for index in 0..<record.count where !isCut {
            if index > 0 { bytes.append(delimiter) }
            let field = record[index]
            let kept = UnsafeBufferPointer(rebasing: field.prefix(max(0, recordBytesKept - bytes.count)))
            isCut = kept.count < field.count
            let needsQuotes = kept.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes { bytes.append(0x22) }
            var end = kept.count
            // Not inside a character: the bytes of the character the cut falls in are left out.
            if isCut {
                while end > 0, field[end] & 0xC0 == 0x80 { end -= 1 }
            }
            for byte in kept[..<end] {
                bytes.append(byte)
                if byte == 0x22 { bytes.append(0x22) }
            }
            if needsQuotes { bytes.append(0x22) }
        }
        return String(decoding: bytes, as: UTF8.self) + (isCut ? "…" : "")
    }
}
