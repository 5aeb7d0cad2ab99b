import Foundation
import Ingest
import Reporting
import Testing

/// Every reason of a rejected row or a refused file, worded in English (the words `rejects.csv` has always held)
/// and in French (no English word, French typography).
@Suite("Wording of rejects and refusals")
struct RejectReasonWordingTests {
    /// A reject reason and its English wording.
    struct Worded<Reason: Sendable>: Sendable, CustomTestStringConvertible {
        let reason: Reason
        let english: String
        var testDescription: String { english }
    }

    static let rejects: [Worded<RejectReason>] = [
        .init(reason: .fieldCount(expected: 4, found: 2), english: "expected 4 fields as in the header, found 2"),
        .init(
            reason: .notADate(value: "2020-02-30", format: .yearMonthDay),
            english: "date: \"2020-02-30\" is not a date (YYYY-MM-DD)"),
        .init(
            reason: .laterThanFile(column: "date", value: "2031-05-04", modified: 1_796_690_040),
            english:
                "date: \"2031-05-04\" is more than a day after the file was last modified (2026-12-08 00:34 UTC); an "
                + "export cannot hold days that had not yet come"),
        .init(
            reason: .laterThanFile(column: "timestamp", value: "2020-05-06T00:00:01Z", modified: 1_588_550_399),
            english:
                "timestamp: \"2020-05-06T00:00:01Z\" is more than a day after the file was last modified "
                + "(2020-05-03 23:59 UTC); an export cannot hold days that had not yet come"),
        .init(
            reason: .timestampWithoutZone(value: "2020-05-04T10:00:00"),
            english: "timestamp: \"2020-05-04T10:00:00\" has no time zone; add Z or an offset such as +01:00"),
        .init(
            reason: .notATimestamp(value: "2020-05-04 10:00"),
            english: "timestamp: \"2020-05-04 10:00\" is not an ISO-8601 timestamp (2020-05-04T09:30:00Z)"),
        .init(reason: .emptyKey(column: "campaign"), english: "campaign: is empty; every row needs one"),
        .init(
            reason: .valueTooLong(column: "banner", length: 300, maximum: 255),
            english: "banner: is 300 bytes long; a value may have at most 255"),
        .init(
            reason: .controlCharacter(column: "helpline", value: "11\\n9"),
            english:
                "helpline: \"11\\n9\" holds a control character (a line break or tab inside quotes); a value may not"),
        .init(
            reason: .notACount(column: "calls", value: "", problem: .empty),
            english: "calls: \"\" is empty; a count is required"),
        .init(
            reason: .notACount(column: "calls", value: "9223372036854775808", problem: .tooLarge),
            english: "calls: \"9223372036854775808\" is too large for a count (the largest is 9223372036854775807)"),
        .init(
            reason: .notACount(column: "calls", value: "-5", problem: .negative),
            english: "calls: \"-5\" is negative; counts are non-negative whole numbers"),
        .init(
            reason: .notACount(column: "calls", value: "1e3", problem: .scientific),
            english: "calls: \"1e3\" is in scientific notation; write the whole number with plain digits"),
        .init(
            reason: .notACount(column: "answered", value: "5.0", problem: .decimals),
            english: "answered: \"5.0\" is not a whole number; counts have no decimals"),
        .init(
            reason: .notACount(column: "calls", value: "1 200", problem: .digitSeparator),
            english: "calls: \"1 200\" has a digit separator; write plain digits such as 1200"),
        .init(
            reason: .notACount(column: "videos", value: "many", problem: .notACount),
            english: "videos: \"many\" is not a count (a non-negative whole number)"),
        .init(
            reason: .answeredOverCalls(answered: 6, calls: 5),
            english: "answered: 6 is more than calls (5) on the same row"),
        .init(
            reason: .dayTotalOverflow(column: "impressions", count: 1),
            english: "impressions: 1 takes the day's total past the largest count (9223372036854775807)"),
        .init(
            reason: .duplicate(firstLine: 2, columns: ["helpline"]),
            english: "duplicate of line 2: same helpline and date"),
        .init(
            reason: .duplicate(firstLine: 7, columns: ["campaign", "banner", "placement", "region"]),
            english: "duplicate of line 7: same campaign, banner, placement, region and date"),
    ]

    /// A day-first history beside ISO rows, in one file.
    static let mixedDates = DateFormatConflict(
        feed: .helplineCalls, file: "historique.csv", configured: nil, fitting: [],
        readable: [
            .init(format: .dayMonthYearSlash, dates: 4346), .init(format: .yearMonthDay, dates: 2900),
            .init(format: .monthDayYearSlash, dates: 1296),
        ],
        dates: 7246)

    /// Three days of January with no day after the 12th and no setting.
    static let ambiguousDates = DateFormatConflict(
        feed: .helplineCalls, file: "2021-01.csv", configured: nil, fitting: [.dayMonthYearSlash, .monthDayYearSlash],
        readable: [.init(format: .dayMonthYearSlash, dates: 3), .init(format: .monthDayYearSlash, dates: 3)], dates: 3)

    /// A month-first export in a feed set to day-first, its name with a quote to escape in the setting.
    static let usDatesSetDayFirst = DateFormatConflict(
        feed: .helplineCalls, file: "dt=2021-01/us \"export\".csv", configured: .dayMonthYearSlash,
        fitting: [.monthDayYearSlash], readable: [.init(format: .monthDayYearSlash, dates: 3)], dates: 3)

    static let refusals: [Worded<FileRefusalReason>] = [
        .init(
            reason: .duplicateColumn(name: "appels reçus", first: 3, second: 4),
            english: "column 'appels reçus' appears twice in the header (fields 3 and 4)"),
        .init(
            reason: .missingMappedColumn(
                name: "Appels décrochés", column: "answered", feed: .helplineCalls,
                header: ["date", "ligne", "", "appels reçus"]),
            english:
                "missing column 'Appels décrochés', which campaigns.yaml names for answered (feeds: helpline_calls: "
                + "columns:) (header has: date, ligne, \"\", appels reçus)"),
        .init(
            reason: .missingColumns([.named("calls")], header: ["date", "helpline", "answered"]),
            english: "missing required column 'calls' (header has: date, helpline, answered)"),
        .init(
            reason: .missingColumns([.dateOrTimestamp, .named("campaign")], header: ["impressions"]),
            english: "missing required column 'date' or 'timestamp', 'campaign' (header has: impressions)"),
        .init(
            reason: .dateAndTimestamp,
            english: "the header has both 'date' and 'timestamp'; a file is either daily or event-level"),
        .init(
            reason: .dateFormat(Self.mixedDates),
            english:
                "the dates are in several formats (of 7246 dates: 4346 DD/MM/YYYY, 2900 YYYY-MM-DD, 1296 MM/DD/YYYY); "
                + "this is the first not DD/MM/YYYY: a file's dates must all be in one format (export it again, or "
                + "split it)"),
        .init(
            reason: .dateFormat(Self.ambiguousDates),
            english:
                "every date fits DD/MM/YYYY and MM/DD/YYYY (no day after the 12th, 3 dates), so the file does not "
                + "tell which it is in; set it for this file in campaigns.yaml: feeds: { helpline_calls: { files: { "
                + "\"2021-01.csv\": { date_format: DD/MM/YYYY } } } } (or MM/DD/YYYY)"),
        .init(
            reason: .dateFormat(Self.usDatesSetDayFirst),
            english:
                "the dates are not DD/MM/YYYY, the format campaigns.yaml sets for the file, but MM/DD/YYYY (all 3 of "
                + "them; this is the first not DD/MM/YYYY); to read them, set for this file: feeds: { helpline_calls: "
                + "{ files: { \"dt=2021-01/us \\\"export\\\".csv\": { date_format: MM/DD/YYYY } } } }"),
        .init(
            reason: .gzipNameWithoutCSV,
            english:
                "not a feed file: a gzip file is read when its name ends in .csv.gz (rename it, or move it out of the "
                + "feed folder)"),
        .init(
            reason: .notAFeedFileName,
            english:
                "not a feed file: only names ending in .csv, .csv.gz or .rollup.json are read (rename it, or move it "
                + "out of the feed folder)"),
        .init(reason: .rollupUnreadable(system: "Permission denied"), english: "cannot be read (Permission denied)"),
        .init(reason: .unexpected("HeaderRead()"), english: "HeaderRead()"),
        .init(reason: .csv(.noSuchFile), english: "no such file"),
        .init(reason: .csv(.isDirectory), english: "is a directory, not a file"),
        .init(
            reason: .csv(.notARegularFile(.fifo)),
            english: "is a named pipe (FIFO), not a regular file: it is not read (reading it could wait for ever)"),
        .init(
            reason: .csv(.changedWhileRead(sizeAtOpen: 4096, sizeAfter: 1024)),
            english:
                "changed while it was read (4096 bytes when opened, 1024 after): it is not read; run again once the "
                + "export has finished"),
        .init(
            reason: .csv(.changedWhileRead(sizeAtOpen: 4096, sizeAfter: 4096)),
            english:
                "was written to while it was read (its modification time changed): it is not read; run again once "
                + "the export has finished"),
        .init(
            reason: .csv(.digestFailed), english: "its SHA-256 could not be computed (libcrypto out of memory)"),
        .init(
            reason: .csv(.cannotOpen(system: "Permission denied")),
            english: "cannot be opened for reading (Permission denied)"),
        .init(
            reason: .csv(.readFailed(offset: 4096, system: "Input/output error")),
            english: "read failed at byte 4096 (Input/output error)"),
        .init(
            reason: .csv(.readBackwards(source: .gzip, offset: 10, position: 20)),
            english: "a gzip file is read forward only (byte 10 asked after byte 20)"),
        .init(
            reason: .csv(.readBackwards(source: .converted, offset: 10, position: 20)),
            english: "a converted file is read forward only (byte 10 asked after byte 20)"),
        .init(
            reason: .csv(.readBackwards(source: .readAhead, offset: 10, position: 20)),
            english: "a read-ahead file is read forward only (byte 10 asked after byte 20)"),
        .init(
            reason: .csv(.readBackwards(source: .stream, offset: 10, position: 20)),
            english: "a stream is read in order: byte 10 asked for, the stream is at byte 20"),
        .init(reason: .csv(.utf16), english: "the file is UTF-16 (byte-order mark found); export it as UTF-8"),
        .init(reason: .csv(.empty), english: "the file is empty"),
        .init(reason: .csv(.noHeaderLine), english: "the file has no header line"),
        .init(reason: .csv(.nulByte), english: "NUL byte in the file; it is not text"),
        .init(
            reason: .csv(.invalidUTF8(bytes: [0xF4, 0x20, 0x31, 0x31])),
            english:
                "invalid UTF-8 (0xF4 0x20 0x31 0x31); the file is not UTF-8 text (Latin-1 or Windows-1252?), export "
                + "it as UTF-8 or set encoding: for its feed in campaigns.yaml"),
        .init(
            reason: .csv(.undefinedByte(0x81, encoding: .windows1252)),
            english:
                "byte 0x81 is no character in Windows-1252; the file is not Windows-1252 text (see encoding: in "
                + "campaigns.yaml)"),
        .init(
            reason: .csv(.undefinedByte(nil, encoding: .latin1)), english: "a byte is no character in Latin-1"),
        .init(
            reason: .csv(.conversionUnavailable(encoding: .windows1252, system: "Invalid argument")),
            english: "iconv cannot convert from WINDOWS-1252 (Invalid argument)"),
        .init(reason: .csv(.conversionBufferTooSmall), english: "a read buffer is too small to convert"),
        .init(
            reason: .csv(.quoteInUnquotedField),
            english: "a quote inside an unquoted field (quote the whole field and double the quote)"),
        .init(reason: .csv(.textAfterClosingQuote), english: "text after the closing quote of a quoted field"),
        .init(
            reason: .csv(.unclosedQuote(openedOnLine: 3)), english: "quoted field opened on line 3 is never closed"),
        .init(reason: .csv(.parserOutOfMemory), english: "the CSV parser ran out of memory"),
        .init(reason: .csv(.outOfMemory), english: "out of memory"),
        .init(reason: .csv(.zlibCouldNotStart), english: "zlib could not start (out of memory)"),
        .init(reason: .csv(.zlibOutOfMemory), english: "zlib ran out of memory"),
        .init(
            reason: .csv(.gzipTruncated(compressedBytes: 120)),
            english: "the gzip data ends before its end marker: the file is truncated (120 compressed bytes)"),
        .init(
            reason: .csv(.gzipTrailingBytes(offset: 64)),
            english: "bytes after the end of the gzip data are not gzip (compressed byte 64)"),
        .init(
            reason: .csv(.gzipCorrupt(offset: 33, zlib: "incorrect data check")),
            english: "the gzip data is corrupt at compressed byte 33 (zlib: incorrect data check)"),
        .init(reason: .rollup(.notJSON), english: "not a rollup: the file is not JSON"),
        .init(
            reason: .rollup(.unknownFormat("awareness-rollup/1")),
            english: "not a rollup of this version: format \"awareness-rollup/1\", expected \"awareness-rollup/2\""),
        .init(reason: .rollup(.missingKey("counts")), english: "the rollup has no 'counts'"),
        .init(reason: .rollup(.badValue("counts.3")), english: "the rollup's 'counts.3' is not a valid value"),
        .init(
            reason: .rollup(.notABannerFeed("helpline_calls")),
            english: "the rollup's feed 'helpline_calls' has no event-level files"),
        .init(
            reason: .rollup(.doesNotAddUp(read: 5, accepted: 3, rejected: 1)),
            english: "the rollup does not add up: 5 rows read ≠ 3 accepted + 1 rejected"),
        .init(
            reason: .rollup(.feedMismatch(folder: .clicks, rollup: .impressions)),
            english: "a rollup of impressions in the clicks folder"),
        .init(
            reason: .rollup(.notEvents(.daily)),
            english: "the rollup holds no event-level counts (level daily): a daily file is read as it is"),
        .init(
            reason: .rollup(.fileNameMismatch(file: "../../etc/passwd", expected: "impressions/a.csv")),
            english: "the rollup is of '../../etc/passwd', not of 'impressions/a.csv' as its name says"),
        .init(
            reason: .rollup(.fileBesideRollup("impressions/a.csv")),
            english:
                "'impressions/a.csv' is in the folder too: read with its rollup, it would be counted twice (remove one)"
        ),
        .init(
            reason: .rollup(.anotherRollupOfTheFile(other: "impressions/a.csv.ROLLUP.JSON")),
            english: "'impressions/a.csv.ROLLUP.JSON' rolls up the same file: neither is read"),
        .init(
            reason: .rollup(.partialCoverage(start: 0, end: 50, stop: 52, fileSize: 100)),
            english: "the rollup does not cover its whole file: bytes 0 to 50 (stopped at 52) of a file of 100 bytes"),
        .init(
            reason: .rollup(.moreRowsThanBytes(rows: 500, fileSize: 100)),
            english: "the rollup counts 500 rows in a file of 100 bytes"),
    ]

    /// English words that no French reason needs (names and values in guillemets, and the settings of
    /// campaigns.yaml, are not prose).
    static let englishWords = [
        "the", "and", "is", "not", "an", "of", "in", "on", "with", "file", "field", "fields", "line", "row", "count",
        "counts", "empty", "read", "byte", "bytes", "header", "missing", "column", "same", "duplicate", "has",
        "quote", "quoted", "rollup", "folder", "text", "expected", "found", "more", "than", "calls", "answered",
    ]

    /// The words of `text` outside guillemets, `feeds: … columns:` and `encoding:`, and file names.
    static func prose(_ text: String) -> String {
        var prose = text
        for pattern in [
            "«\u{00A0}[^»]*\u{00A0}»", "\\(feeds: [^)]*\\)", "feeds: \\{.*\\}", "encoding:",
            "\\b[\\w.-]+\\.(csv|gz|json|yaml)\\b",
            "\\.csv\\.gz|\\.csv|\\.rollup\\.json",
        ] {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return prose
    }

    static func englishIn(_ text: String) -> [String] {
        let prose = prose(text)
        return englishWords.filter { word in
            prose.range(of: "(?<![\\p{L}\\-_])\(word)(?![\\p{L}\\-_])", options: .regularExpression) != nil
        }
    }

    /// French typography: a no-break space before `:` and `»`, a narrow one before `;` and `?`, none ordinary.
    static func typographyProblems(_ text: String) -> [String] {
        var problems: [String] = []
        // `feeds: helpline_calls: columns:`, `feeds: { … }` and `encoding:` are campaigns.yaml's own spelling.
        let checked = prose(text)
        for (mark, space) in [(":", "\u{00A0}"), (";", "\u{202F}"), ("?", "\u{202F}")] {
            for range in checked.ranges(of: mark) where range.lowerBound > checked.startIndex {
                let before = checked[checked.index(before: range.lowerBound)]
                // Times and offsets (09:30, +01:00) and hex are not punctuation.
                if before.isNumber || before.isLetter && mark == ":" && checked[range.upperBound...].first != " " {
                    continue
                }
                if String(before) != space { problems.append("\(mark) after \"\(before)\"") }
            }
        }
        return problems
    }

    // MARK: - Rejects

    @Test(arguments: rejects)
    func aRejectReasonReadsInEnglishAsRejectsCSVHasAlwaysHeldIt(_ worded: Worded<RejectReason>) {
        #expect(worded.reason.text(in: .en) == worded.english)
    }

    @Test(arguments: rejects)
    func aRejectReasonReadsInFrenchWithoutEnglishWords(_ worded: Worded<RejectReason>) {
        let french = worded.reason.text(in: .fr)
        #expect(french != worded.english)
        #expect(Self.englishIn(french).isEmpty, "\(french): \(Self.englishIn(french))")
        #expect(Self.typographyProblems(french).isEmpty, "\(french): \(Self.typographyProblems(french))")
    }

    @Test func theTableHasEveryRejectReasonAndEveryCountProblem() {
        let kinds = Set(Self.rejects.map { Self.kind($0.reason) })
        #expect(kinds.count == 12)
        var problems: Set<CountProblem> = []
        for worded in Self.rejects {
            if case .notACount(_, _, let problem) = worded.reason { problems.insert(problem) }
        }
        #expect(problems == Set(CountProblem.allCases))
    }

    /// The case of `reason`; the switch lists every case, so a new one must be added here, and to the table.
    static func kind(_ reason: RejectReason) -> String {
        switch reason {
        case .fieldCount: "fieldCount"
        case .notADate: "notADate"
        case .laterThanFile: "laterThanFile"
        case .timestampWithoutZone: "timestampWithoutZone"
        case .notATimestamp: "notATimestamp"
        case .emptyKey: "emptyKey"
        case .valueTooLong: "valueTooLong"
        case .controlCharacter: "controlCharacter"
        case .notACount: "notACount"
        case .answeredOverCalls: "answeredOverCalls"
        case .dayTotalOverflow: "dayTotalOverflow"
        case .duplicate: "duplicate"
        }
    }

    @Test func frenchRejectReasonsQuoteNamesAndValuesInGuillemets() {
        #expect(
            RejectReason.notACount(column: "calls", value: "-5", problem: .negative).text(in: .fr)
                == "«\u{00A0}calls\u{00A0}»\u{00A0}: «\u{00A0}-5\u{00A0}» est négatif\u{202F}; les nombres sont des "
                + "entiers positifs ou nuls")
        #expect(
            RejectReason.duplicate(firstLine: 2, columns: ["helpline"]).text(in: .fr)
                == "doublon de la ligne 2\u{00A0}: mêmes «\u{00A0}helpline\u{00A0}» et «\u{00A0}date\u{00A0}»")
        #expect(
            RejectReason.fieldCount(expected: 4, found: 2).text(in: .fr) == "2 champs au lieu des 4 de l'en-tête")
        #expect(
            RejectReason.answeredOverCalls(answered: 6, calls: 5).text(in: .fr)
                == "«\u{00A0}answered\u{00A0}»\u{00A0}: 6 dépasse «\u{00A0}calls\u{00A0}» (5) sur la même ligne")
    }

    // MARK: - Refusals

    @Test(arguments: refusals)
    func aRefusalReadsInEnglishAsRejectsCSVHasAlwaysHeldIt(_ worded: Worded<FileRefusalReason>) {
        #expect(worded.reason.text(in: .en) == worded.english)
    }

    @Test(arguments: refusals)
    func aRefusalReadsInFrenchWithoutEnglishWords(_ worded: Worded<FileRefusalReason>) {
        let french = worded.reason.text(in: .fr)
        #expect(french != worded.english)
        // What the system or zlib says is quoted as it said it.
        let own = french.replacingOccurrences(
            of: "\\((Permission denied|Input/output error|Invalid argument|HeaderRead\\(\\))\\)|incorrect data check",
            with: " ", options: .regularExpression)
        #expect(Self.englishIn(own).isEmpty, "\(french): \(Self.englishIn(own))")
        #expect(Self.typographyProblems(own).isEmpty, "\(french): \(Self.typographyProblems(own))")
    }

    @Test func theTableHasEveryRefusalCSVProblemAndRollupError() {
        #expect(Set(Self.refusals.map { Self.kind($0.reason) }).count == 11)
        let conflicts = Self.refusals.compactMap { if case .dateFormat(let c) = $0.reason { c.kind } else { nil } }
        #expect(conflicts == [.mixed, .ambiguous, .notAsConfigured])
        let csv = Set(Self.refusals.compactMap { if case .csv(let p) = $0.reason { Self.kind(p) } else { nil } })
        #expect(csv.count == 26)
        var sources: Set<CSVProblem.ForwardSource> = []
        for worded in Self.refusals {
            if case .csv(.readBackwards(let source, _, _)) = worded.reason { sources.insert(source) }
        }
        #expect(sources == Set(CSVProblem.ForwardSource.allCases))
        let rollup = Set(Self.refusals.compactMap { if case .rollup(let e) = $0.reason { Self.kind(e) } else { nil } })
        #expect(rollup.count == 13)
    }

    static func kind(_ reason: FileRefusalReason) -> String {
        switch reason {
        case .duplicateColumn: "duplicateColumn"
        case .missingMappedColumn: "missingMappedColumn"
        case .missingColumns: "missingColumns"
        case .dateAndTimestamp: "dateAndTimestamp"
        case .dateFormat: "dateFormat"
        case .gzipNameWithoutCSV: "gzipNameWithoutCSV"
        case .notAFeedFileName: "notAFeedFileName"
        case .csv: "csv"
        case .rollup: "rollup"
        case .rollupUnreadable: "rollupUnreadable"
        case .unexpected: "unexpected"
        }
    }

    static func kind(_ problem: CSVProblem) -> String {
        switch problem {
        case .noSuchFile: "noSuchFile"
        case .isDirectory: "isDirectory"
        case .notARegularFile: "notARegularFile"
        case .changedWhileRead: "changedWhileRead"
        case .digestFailed: "digestFailed"
        case .cannotOpen: "cannotOpen"
        case .readFailed: "readFailed"
        case .readBackwards: "readBackwards"
        case .utf16: "utf16"
        case .empty: "empty"
        case .noHeaderLine: "noHeaderLine"
        case .nulByte: "nulByte"
        case .invalidUTF8: "invalidUTF8"
        case .undefinedByte: "undefinedByte"
        case .conversionUnavailable: "conversionUnavailable"
        case .conversionBufferTooSmall: "conversionBufferTooSmall"
        case .quoteInUnquotedField: "quoteInUnquotedField"
        case .textAfterClosingQuote: "textAfterClosingQuote"
        case .unclosedQuote: "unclosedQuote"
        case .parserOutOfMemory: "parserOutOfMemory"
        case .outOfMemory: "outOfMemory"
        case .zlibCouldNotStart: "zlibCouldNotStart"
        case .zlibOutOfMemory: "zlibOutOfMemory"
        case .gzipTruncated: "gzipTruncated"
        case .gzipTrailingBytes: "gzipTrailingBytes"
        case .gzipCorrupt: "gzipCorrupt"
        }
    }

    static func kind(_ error: RollupFormatError) -> String {
        switch error {
        case .notJSON: "notJSON"
        case .unknownFormat: "unknownFormat"
        case .missingKey: "missingKey"
        case .badValue: "badValue"
        case .notABannerFeed: "notABannerFeed"
        case .doesNotAddUp: "doesNotAddUp"
        case .feedMismatch: "feedMismatch"
        case .fileNameMismatch: "fileNameMismatch"
        case .fileBesideRollup: "fileBesideRollup"
        case .anotherRollupOfTheFile: "anotherRollupOfTheFile"
        case .partialCoverage: "partialCoverage"
        case .moreRowsThanBytes: "moreRowsThanBytes"
        case .notEvents: "notEvents"
        }
    }

    @Test func frenchRefusalsAreWordedInFrench() {
        #expect(
            FileRefusalReason.missingColumns([.named("calls")], header: ["date", "helpline", "answered"]).text(in: .fr)
                == "colonne obligatoire absente\u{00A0}: «\u{00A0}calls\u{00A0}» (l'en-tête a\u{00A0}: "
                + "«\u{00A0}date\u{00A0}», «\u{00A0}helpline\u{00A0}», «\u{00A0}answered\u{00A0}»)")
        #expect(
            FileRefusalReason.csv(.unclosedQuote(openedOnLine: 3)).text(in: .fr)
                == "le champ entre guillemets ouvert à la ligne 3 n'est jamais fermé")
        #expect(
            FileRefusalReason.csv(.invalidUTF8(bytes: [0xE9])).text(in: .fr).hasPrefix(
                "UTF-8 invalide (0xE9)\u{202F}; le fichier n'est pas du texte UTF-8 (Latin-1 ou Windows-1252\u{202F}?)")
        )
    }
}
