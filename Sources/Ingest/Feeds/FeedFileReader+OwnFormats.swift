import CByteScan

extension FeedFileReader {
    /// Reads `input` in its own formats (DESIGN §3.2): the date format its dates tell (or the one set for it, when
    /// its dates agree), and UTF-8 when it is valid UTF-8 although its feed is declared in a single-byte encoding.
    /// Rows dated more than a day after the file's modification time are rejected.
    ///
    /// The file is read once in the format set for it, or in the default one; the formats that read each date are
    /// noted on the way. When they tell another format, the file is read again in it (a day-first export with no
    /// setting); when they tell none (dates in several formats, every date fitting both day-first and month-first
    /// with no setting, or dates not in the format set), the file is refused with the formats that fit.
    func readInOwnFormats(
        _ input: OpenedInput, name: String, fileIndex: Int32, interner: KeyInterner, parallelism: IngestParallelism
    ) -> Outcome {
        var reader = self
        reader.dateFormat = options.dateFormat ?? .yearMonthDay
        if let seconds = input.snapshot?.modified.seconds {
            // A day of margin: an export written late in the evening may date its rows by another zone's day.
            let modified = Int64(seconds)
            reader.modified = modified
            reader.latestSecond = modified + 86_400
            reader.latestDay = localDays.localDay(atUTC: modified + 86_400).daysSinceEpoch
        }
        var note: ReadAsUTF8?
        if options.encoding != .utf8 {
            switch Self.utf8Text(of: input) {
            case .ascii:
                // The same text in either encoding: read as UTF-8, in parts when large.
                reader.options.encoding = .utf8
            case .utf8(let line):
                reader.options.encoding = .utf8
                note = ReadAsUTF8(declared: options.encoding, firstLine: line)
            case .notUTF8:
                break
            }
        }
        var outcome = reader.readInParts(
            input, name: name, fileIndex: fileIndex, interner: interner, parallelism: parallelism)
        if outcome.report.failure == nil {
            let decision = outcome.dates.decision(
                feed: feed, file: pathInFeedFolder(name), configured: options.dateFormat, readWith: reader.dateFormat)
            switch decision {
            case .keep:
                break
            case .readAgain(let format):
                reader.dateFormat = format
                // Its bytes were counted once already.
                reader.progress = nil
                outcome = reader.readInParts(
                    input, name: name, fileIndex: fileIndex, interner: interner, parallelism: parallelism)
            case .refuse(let line, let column, let conflict):
                refuse(&outcome, isIO: false, line: line, column: column, reason: .dateFormat(conflict))
            }
        }
        if outcome.report.failure == nil && outcome.dates.hasDates {
            outcome.report.dateFormat = reader.dateFormat
        }
        outcome.report.readAsUTF8 = note
        return outcome
    }

    /// `name` (the file's path relative to the data folder) inside its feed folder.
    func pathInFeedFolder(_ name: String) -> String {
        let prefix = feed.rawValue + "/"
        return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// What the text of a file is, as UTF-8.
    enum UTF8Text: Equatable {
        /// Not UTF-8 (an invalid sequence, or a NUL byte): read in the encoding declared.
        case notUTF8
        /// ASCII only: the same text in every encoding the feeds take.
        case ascii
        /// Valid UTF-8 with a character beyond ASCII, the first on this line.
        case utf8(firstLine: Int)
    }

    /// Whether the text of `input` (decompressed, for a gzip file) is valid UTF-8, and with what: a pass over the
    /// text that stops at its first invalid byte, so that a file really in Windows-1252 or Latin-1 (whose first
    /// accented letter is invalid UTF-8, often in the header) costs little more than its first lines.
    static func utf8Text(of input: OpenedInput) -> UTF8Text {
        let block = 1 << 20
        var buffer = [UInt8](repeating: 0, count: block + 4)
        var magic = [UInt8](repeating: 0, count: 2)
        guard let read = try? magic.withUnsafeMutableBytes({ try input.read(into: $0, at: 0) }) else {
            return .notUTF8
        }
        let source: any CSVByteSource
        if read == 2 && magic == GzipByteSource.magic {
            guard let gzip = try? GzipByteSource(input: input) else { return .notUTF8 }
            source = gzip
        } else {
            source = input
        }
        var carried = 0
        var offset = 0
        var lineFeeds = 0
        var firstLine: Int?
        while true {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes {
                    try source.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: $0[carried..<(carried + block)]), at: offset)
                }
            } catch {
                return .notUTF8
            }
            offset += count
            let total = carried + count
            var newlines = 0
            let prefix = buffer.withUnsafeBufferPointer { bytes in
                awareness_utf8_prefix(bytes.baseAddress, total, &newlines)
            }
            if firstLine == nil, let first = buffer[..<prefix].firstIndex(where: { $0 >= 0x80 }) {
                let before = buffer.withUnsafeBufferPointer { awareness_count_newlines($0.baseAddress, first) }
                firstLine = 1 + lineFeeds + before
            }
            lineFeeds += newlines
            if prefix == total {
                if count == 0 { break }
                carried = 0
                continue
            }
            // A sequence the block cuts short is kept for the next block; anything else is not UTF-8.
            let rest = total - prefix
            guard count > 0, rest < 4, awareness_utf8_sequence_length(buffer[prefix]) > rest else { return .notUTF8 }
            for index in 0..<rest { buffer[index] = buffer[prefix + index] }
            carried = rest
        }
        return firstLine.map { .utf8(firstLine: $0) } ?? .ascii
    }
}
