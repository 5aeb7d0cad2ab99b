import Foundation
import Ingest
import Testing

/// The reasons a rollup stores are data: every reject reason and every refusal reason is written as an object of
/// its kind and fields, and read back to the same value.
@Suite("Reasons in rollup files")
struct RollupReasonTests {
    static let rejectReasons: [RejectReason] =
        [
            .fieldCount(expected: 4, found: 2),
            .notADate(value: "04/05/2020", format: .dayMonthYearSlash),
            .notADate(value: "13/05/2020", format: .monthDayYearDot),
            .laterThanFile(column: "timestamp", value: "2099-05-04T10:00:00Z", modified: 1_796_690_040),
            .timestampWithoutZone(value: "2020-05-04T10:00:00"),
            .notATimestamp(value: "2020-05-04 \"10\"\\n"),
            .emptyKey(column: "campaign"),
            .valueTooLong(column: "banner", length: 300, maximum: 255),
            .controlCharacter(column: "placement", value: "a\\tb"),
            .answeredOverCalls(answered: 6, calls: 5),
            .dayTotalOverflow(column: "impressions", count: Int64.max),
            .duplicate(firstLine: 7, columns: ["campaign", "banner", "placement", "region"]),
        ] + CountProblem.allCases.map { .notACount(column: "impressions", value: "é-1", problem: $0) }

    static let csvProblems: [CSVProblem] =
        [
            .noSuchFile, .isDirectory, .cannotOpen(system: "Permission denied"),
            .readFailed(offset: 4096, system: "Input/output error"), .utf16, .empty, .noHeaderLine, .nulByte,
            .invalidUTF8(bytes: [0xF4, 0x20, 0x31, 0x31]), .undefinedByte(0x81, encoding: .windows1252),
            .undefinedByte(nil, encoding: .latin1),
            .conversionUnavailable(encoding: .windows1252, system: "Invalid argument"), .conversionBufferTooSmall,
            .quoteInUnquotedField, .textAfterClosingQuote, .unclosedQuote(openedOnLine: 3), .parserOutOfMemory,
            .outOfMemory, .zlibCouldNotStart, .zlibOutOfMemory, .gzipTruncated(compressedBytes: 120),
            .gzipTrailingBytes(offset: 64), .gzipCorrupt(offset: 33, zlib: "incorrect data check"),
            .notARegularFile(.fifo), .notARegularFile(.characterDevice),
            .changedWhileRead(sizeAtOpen: 4096, sizeAfter: 1024), .digestFailed,
        ] + CSVProblem.ForwardSource.allCases.map { .readBackwards(source: $0, offset: 10, position: 20) }

    static let refusalReasons: [FileRefusalReason] =
        [
            .duplicateColumn(name: "appels reçus", first: 3, second: 4),
            .missingMappedColumn(
                name: "Appels décrochés", column: "answered", feed: .helplineCalls, header: ["date", "", "ligne"]),
            .missingColumns([.dateOrTimestamp, .named("campaign")], header: ["impressions"]),
            .missingColumns([.named("date")], header: []),
            .dateAndTimestamp, .gzipNameWithoutCSV, .notAFeedFileName,
            .dateFormat(
                DateFormatConflict(
                    feed: .helplineCalls, file: "dt=1/\"us\".csv", configured: .dayMonthYearSlash,
                    fitting: [.monthDayYearSlash], readable: [.init(format: .monthDayYearSlash, dates: 3)], dates: 3)),
            .dateFormat(
                DateFormatConflict(
                    feed: .impressions, file: "a.csv", configured: nil, fitting: [],
                    readable: [.init(format: .yearMonthDay, dates: 2), .init(format: .dayMonthYearDot, dates: 1)],
                    dates: 3)),
            .rollupUnreadable(system: "The file couldn’t be opened."), .unexpected("HeaderRead()"),
            .rollup(.notJSON), .rollup(.unknownFormat("awareness-rollup/1")), .rollup(.missingKey("counts")),
            .rollup(.badValue("counts.3")), .rollup(.notABannerFeed("helpline_calls")),
            .rollup(.doesNotAddUp(read: 5, accepted: 3, rejected: 1)),
            .rollup(.feedMismatch(folder: .clicks, rollup: .impressions)), .rollup(.notEvents(.wholeFileOnly)),
            .rollup(.fileNameMismatch(file: "../../etc/passwd", expected: "impressions/a.csv")),
            .rollup(.fileBesideRollup("impressions/a.csv")),
            .rollup(.anotherRollupOfTheFile(other: "impressions/a.csv.ROLLUP.JSON")),
            .rollup(.partialCoverage(start: 0, end: 50, stop: 52, fileSize: 100)),
            .rollup(.moreRowsThanBytes(rows: 500, fileSize: 100)),
        ] + csvProblems.map { .csv($0) }

    static func rollup() -> RangeRollup {
        var rollup = RangeRollup(feed: .impressions, file: "impressions/a.csv", start: 0, end: 100)
        rollup.stop = 100
        rollup.fileSize = 100
        return rollup
    }

    @Test func everyRejectReasonReadsBackAsItWasWritten() throws {
        var rollup = Self.rollup()
        rollup.rejects = Self.rejectReasons.enumerated().map { index, reason in
            RejectedRow(file: "impressions/a.csv", line: index + 2, column: 1, value: "v", reason: reason, record: "r")
        }
        rollup.rowsRead = rollup.rejects.count
        rollup.rowsRejected = rollup.rejects.count
        let read = try RangeRollup(jsonData: Data(rollup.jsonBytes))
        #expect(read.rejects.map(\.reason) == Self.rejectReasons)
        #expect(read == rollup)
    }

    @Test(arguments: refusalReasons)
    func everyRefusalReasonReadsBackAsItWasWritten(_ reason: FileRefusalReason) throws {
        var rollup = Self.rollup()
        rollup.rowsRead = 2
        rollup.rowsRejected = 2
        rollup.refusal = FileFailure(isIOError: false, line: 3, column: nil, reason: reason)
        let read = try RangeRollup(jsonData: Data(rollup.jsonBytes))
        #expect(read.refusal == rollup.refusal)
        #expect(read.jsonText == rollup.jsonText)
    }

    @Test func reasonsAreObjectsOfTheirKindAndFieldsNotWords() {
        var rollup = Self.rollup()
        rollup.rowsRead = 2
        rollup.rowsRejected = 2
        rollup.refusal = FileFailure(
            isIOError: false, line: 3, column: 1, reason: .csv(.unclosedQuote(openedOnLine: 3)))
        rollup.rejects = [
            RejectedRow(
                file: "impressions/a.csv", line: 2, column: 6, value: "-4",
                reason: .notACount(column: "impressions", value: "-4", problem: .negative), record: "r")
        ]
        let lines = rollup.jsonText.split(separator: "\n")
        #expect(lines.contains("\"format\": \"awareness-rollup/2\","))
        #expect(
            lines.contains(
                "\"refusal\": {\"io\": false, \"line\": 3, \"column\": 1, \"reason\": {\"kind\": \"csv\", \"problem\": "
                    + "\"unclosed_quote\", \"opened_on_line\": 3}},"))
        #expect(
            lines.contains(
                "{\"line\": 2, \"column\": 6, \"value\": \"-4\", \"reason\": {\"kind\": \"not_a_count\", \"column\": "
                    + "\"impressions\", \"value\": \"-4\", \"problem\": \"negative\"}, \"record\": \"r\"}"))
    }

    @Test func aRollupOfTheFirstVersionIsRefusedAsAnotherVersion() throws {
        let text = Self.rollup().jsonText.replacingOccurrences(of: "awareness-rollup/2", with: "awareness-rollup/1")
        #expect(throws: RollupFormatError.unknownFormat("awareness-rollup/1")) {
            try RangeRollup(jsonData: Data(text.utf8))
        }
    }

    @Test func aReasonOfAnUnknownKindOrAsWordsIsABadValue() throws {
        var rollup = Self.rollup()
        rollup.rowsRead = 1
        rollup.rowsRejected = 1
        rollup.rejects = [
            RejectedRow(
                file: "impressions/a.csv", line: 2, column: 1, value: "", reason: .emptyKey(column: "campaign"),
                record: "")
        ]
        let text = rollup.jsonText
        let unknown = text.replacingOccurrences(of: "\"empty_key\"", with: "\"emptied_key\"")
        #expect(throws: RollupFormatError.badValue("rejects.0.reason.kind")) {
            try RangeRollup(jsonData: Data(unknown.utf8))
        }
        let words = text.replacingOccurrences(
            of: "{\"kind\": \"empty_key\", \"column\": \"campaign\"}", with: "\"campaign: is empty\"")
        #expect(throws: RollupFormatError.badValue("rejects.0.reason")) {
            try RangeRollup(jsonData: Data(words.utf8))
        }
    }

    @Test func aDuplicatesLineMovesWithTheReasonAndNothingElseDoes() {
        let duplicate = RejectReason.duplicate(firstLine: 7, columns: ["helpline"])
        #expect(duplicate.movingLine { $0 + 10 } == .duplicate(firstLine: 17, columns: ["helpline"]))
        #expect(duplicate.movingLine { _ in nil } == nil)
        #expect(RejectReason.fieldCount(expected: 4, found: 7).movingLine { $0 + 10 } == nil)
    }
}
