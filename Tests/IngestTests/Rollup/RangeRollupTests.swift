import Foundation
import Ingest
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Rollups of byte ranges of event-level files")
struct RangeRollupTests {
    /// Six rows; line 4 holds a banner whose quotes run over lines 4–6, and line 8 a negative count.
    static let events = """
        timestamp,campaign,banner,placement,region,impressions
        2020-05-04T08:00:00Z,banner-119,b1,search,IDF,2
        2020-05-04T09:00:00Z,banner-119,b1,search,IDF,3
        2020-05-04T10:00:00Z,banner-119,"two
        lines
        here",search,IDF,1
        2020-05-04T22:30:00Z,banner-119,b1,search,IDF,5
        2020-05-05T08:00:00Z,banner-119,b1,search,IDF,-4
        2020-05-05T09:00:00Z,banner-119,b2,discover,IDF,7

        """

    static func reader() throws -> RangeRollupReader {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        return RangeRollupReader(feed: .impressions, localDays: paris)
    }

    /// The byte offset just after the line end that ends line `line` (1-based).
    static func offset(afterLine line: Int) -> Int {
        let bytes = Array(events.utf8)
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            seen += 1
            if seen == line { return index + 1 }
        }
        return bytes.count
    }

    static func fixture() throws -> DataFolderFixture {
        try DataFolderFixture(["impressions/events.csv": events])
    }

    @Test func finishesARecordThatCrossesTheRangesEndAndSaysWhereItStopped() throws {
        let folder = try Self.fixture()
        let path = folder.root.appendingPathComponent("impressions/events.csv").path
        // The range ends after line 4, inside the quoted banner: the record is read on to the end of line 6.
        let first = try Self.reader().read(
            .file(path: path), name: "impressions/events.csv", start: 0, end: Self.offset(afterLine: 4))
        #expect(first.stop == Self.offset(afterLine: 6))
        #expect(first.lineEnds == 6)
        #expect(first.rowsRead == 3 && first.rowsRejected == 1 && first.rowsAccepted == 2)
        #expect(first.rejects.map(\.line) == [4])
        let second = try Self.reader().read(
            .file(path: path), name: "impressions/events.csv", start: first.stop, end: nil)
        #expect(second.start == first.stop)
        // Lines are the range's: the negative count on the file's line 8 is the range's line 2.
        #expect(second.rejects.map(\.line) == [2])
        #expect(
            second.rejects.map(\.reason) == [.notACount(column: "impressions", value: "-4", problem: .negative)])
        #expect(second.rowsRead == 3 && second.rowsRead == second.rowsAccepted + second.rowsRejected)
        let whole = try Self.reader().read(.file(path: path), name: "impressions/events.csv", start: 0, end: nil)
        #expect(whole.rowsRead == first.rowsRead + second.rowsRead)
        #expect(whole.lineEnds == first.lineEnds + second.lineEnds)
        var summed: [String: Int64] = [:]
        for count in first.counts + second.counts {
            summed["\(count.date) \(count.dimensions)", default: 0] += count.count
        }
        #expect(
            summed == Dictionary(uniqueKeysWithValues: whole.counts.map { ("\($0.date) \($0.dimensions)", $0.count) }))
        #expect(whole.counts.map(\.count) == [5, 5, 7])
    }

    @Test func aRangeStartingInsideAQuotedFieldDoesNotJoinTheOneBefore() throws {
        let folder = try Self.fixture()
        let path = folder.root.appendingPathComponent("impressions/events.csv").path
        let first = try Self.reader().read(
            .file(path: path), name: "impressions/events.csv", start: 0, end: Self.offset(afterLine: 4))
        let misplaced = try Self.reader().read(
            .file(path: path), name: "impressions/events.csv", start: Self.offset(afterLine: 4), end: nil)
        // The driver's check: the second range must start where the first stopped; this one does not, and what it
        // read from inside the quotes is wrong ("lines" is no timestamp).
        #expect(misplaced.start != first.stop)
        #expect(misplaced.rejects.first?.line == 1 || misplaced.refusal != nil)
    }

    @Test func readsTheSameRangeFromAStreamWithTheHeaderGiven() throws {
        let folder = try Self.fixture()
        let path = folder.root.appendingPathComponent("impressions/events.csv").path
        let start = Self.offset(afterLine: 6)
        let direct = try Self.reader().read(.file(path: path), name: "impressions/events.csv", start: start, end: nil)
        let pipe = Pipe()
        let bytes = Data(Self.events.utf8)[start...]
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        var streamed = try Self.reader().read(
            .stream(
                descriptor: pipe.fileHandleForReading.fileDescriptor,
                header: "timestamp,campaign,banner,placement,region,impressions"),
            name: "impressions/events.csv", start: start, end: nil)
        streamed.fileSize = direct.fileSize
        #expect(streamed == direct)
    }

    @Test func aDailyFileIsNotRolledUp() throws {
        let folder = try DataFolderFixture(["impressions/daily.csv": "date,campaign,impressions\n2020-05-04,c,3\n"])
        let rollup = try Self.reader().read(
            .file(path: folder.root.appendingPathComponent("impressions/daily.csv").path),
            name: "impressions/daily.csv", start: 0, end: nil)
        #expect(rollup.level == .daily && rollup.counts.isEmpty && rollup.rowsRead == 0)
    }

    @Test func aRefusedRangeCountsEveryRowItReadAsRejected() throws {
        let text = Self.events + "2020-05-05T10:00:00Z,banner-119,b\"3,search,IDF,1\n"
        let folder = try DataFolderFixture(["impressions/events.csv": text])
        let rollup = try Self.reader().read(
            .file(path: folder.root.appendingPathComponent("impressions/events.csv").path),
            name: "impressions/events.csv", start: Self.offset(afterLine: 6), end: nil)
        #expect(rollup.refusal?.line == 4)
        #expect(rollup.rowsRead == 3 && rollup.rowsRejected == 3 && rollup.rowsAccepted == 0)
        #expect(rollup.counts.isEmpty && rollup.rejects.isEmpty)
    }

    @Test func aMissingFileIsAFailureWorthRetryingNotARefusal() throws {
        #expect(throws: RangeRollupReader.ReadFailure(file: "impressions/x.csv", reason: .csv(.noSuchFile))) {
            try Self.reader().read(
                .file(path: "/nonexistent/events.csv"), name: "impressions/x.csv", start: 0, end: nil)
        }
    }
}

@Suite("Rollup files")
struct RollupFileTests {
    static func rollup(file: String, count: Int64) -> RangeRollup {
        var rollup = RangeRollup(feed: .impressions, file: file, start: 0, end: 100)
        rollup.stop = 100
        rollup.fileSize = 100
        rollup.rowsRead = 3
        rollup.rowsAccepted = 2
        rollup.rowsRejected = 1
        rollup.counts = [
            RangeRollup.Count(
                date: CivilDate(daysSinceEpoch: 18386), campaign: "banner-119", banner: "B \"119\"",
                placement: "search", region: "IDF", count: count)
        ]
        rollup.rejects = [
            RejectedRow(
                file: file, line: 7, column: 6, value: "-1",
                reason: .notACount(column: "impressions", value: "-1", problem: .negative),
                record: "2020-05-04T10:00:00Z,banner-119,b,search,IDF,-1")
        ]
        return rollup
    }

    @Test func roundTripsThroughItsJSONText() throws {
        var rollup = Self.rollup(file: "impressions/a.csv", count: 30)
        rollup.refusal = nil
        rollup.unknownColumns = ["note"]
        let read = try RangeRollup(jsonData: Data(rollup.jsonText.utf8))
        #expect(read == rollup)
    }

    @Test func refusesARollupWhoseRowsDoNotAddUp() throws {
        var rollup = Self.rollup(file: "impressions/a.csv", count: 30)
        rollup.rowsRead = 4
        #expect(throws: RollupFormatError.doesNotAddUp(read: 4, accepted: 2, rejected: 1)) {
            try RangeRollup(jsonData: Data(rollup.jsonText.utf8))
        }
    }

    @Test func rollupsAreSummedLikeEventFilesNeverRestatedLikeDailyFiles() throws {
        let folder = try DataFolderFixture([
            "impressions/a.csv.rollup.json": Self.rollup(file: "impressions/a.csv", count: 30).jsonText,
            "impressions/b.csv.rollup.json": Self.rollup(file: "impressions/b.csv", count: 3).jsonText,
        ])
        let data = try folder.read()
        // Read as daily files, the second would restate the first: 3.
        #expect(data.impressions.map(\.count) == [33])
        #expect(data.revisions.isEmpty)
        #expect(data.files.map(\.file) == ["impressions/a.csv", "impressions/b.csv"])
        #expect(data.files.map(\.rollupFile) == ["impressions/a.csv.rollup.json", "impressions/b.csv.rollup.json"])
        #expect(data.rowsRead == 6 && data.rowsAccepted == 4 && data.rowsRejected == 2)
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject(
                    "impressions/a.csv:7:6", .notACount(column: "impressions", value: "-1", problem: .negative)),
                PlacedReject(
                    "impressions/b.csv:7:6", .notACount(column: "impressions", value: "-1", problem: .negative)),
            ])
    }

    @Test func aRefusedRollupCarriesTheFilesRefusalAndAccounting() throws {
        var rollup = Self.rollup(file: "clicks/a.csv", count: 1)
        rollup.feed = .clicks
        rollup.refusal = FileFailure(
            isIOError: false, line: 41, column: 3, reason: .csv(.quoteInUnquotedField))
        rollup.rowsAccepted = 0
        rollup.rowsRejected = 3
        rollup.counts = []
        rollup.rejects = []
        let data = try DataFolderFixture(["clicks/a.csv.rollup.json": rollup.jsonText]).read()
        #expect(data.files.first?.failure?.line == 41)
        #expect(data.files.first?.rowsRejected == 3)
        #expect(data.clicks.isEmpty)
    }

    @Test func aRollupInTheWrongFeedFolderIsRefused() throws {
        let data = try DataFolderFixture([
            "clicks/a.csv.rollup.json": Self.rollup(file: "impressions/a.csv", count: 1).jsonText
        ]).read()
        #expect(data.files.first?.failure?.reason == .rollup(.feedMismatch(folder: .clicks, rollup: .impressions)))
    }
}

/// A rollup stands for its file only when it is that file's whole rollup and the file is not read besides it
/// (DESIGN §3.5); its accounting is checked without overflow.
@Suite("Rollups checked against their file")
struct RollupCheckTests {
    static func refusal(_ data: IngestedData, _ file: String) -> RollupFormatError? {
        guard
            case .rollup(let error)? = data.files.first(where: { ($0.rollupFile ?? $0.file) == file })?.failure?.reason
        else { return nil }
        return error
    }

    @Test func aRollupInAPartitionFolderStandsForTheFileOfItsNameThere() throws {
        let data = try DataFolderFixture([
            "impressions/dt=1/a.csv.rollup.json": RollupFileTests.rollup(file: "impressions/dt=1/a.csv", count: 30)
                .jsonText,
            "impressions/dt=2/a.csv.rollup.json": RollupFileTests.rollup(file: "impressions/dt=1/a.csv", count: 3)
                .jsonText,
            "impressions/dt=3/a.csv": "timestamp,campaign\n2020-05-04T10:00:00Z,c\n",
            "impressions/dt=3/a.csv.rollup.json": RollupFileTests.rollup(file: "impressions/dt=3/a.csv", count: 3)
                .jsonText,
        ]).read()
        #expect(data.files.first?.failure == nil)
        #expect(data.files.first?.rollupFile == "impressions/dt=1/a.csv.rollup.json")
        #expect(
            Self.refusal(data, "impressions/dt=2/a.csv.rollup.json")
                == .fileNameMismatch(file: "impressions/dt=1/a.csv", expected: "impressions/dt=2/a.csv"))
        #expect(
            Self.refusal(data, "impressions/dt=3/a.csv.rollup.json") == .fileBesideRollup("impressions/dt=3/a.csv"))
    }

    @Test func aFileBesideItsOwnRollupIsNotCountedTwice() throws {
        let data = try DataFolderFixture([
            "impressions/a.csv.rollup.json": RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText,
            "impressions/a.csv":
                "timestamp,campaign,banner,placement,region\n2020-05-04T10:00:00Z,banner-119,B,s,IDF\n",
        ]).read()
        #expect(Self.refusal(data, "impressions/a.csv.rollup.json") == .fileBesideRollup("impressions/a.csv"))
        #expect(data.impressions.map(\.count) == [1])
    }

    @Test func aCompressedFileBesideItsRollupIsNotCountedTwiceEither() throws {
        let fixture = try DataFolderFixture([
            "impressions/a.csv.rollup.json": RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText
        ])
        try fixture.write(
            "impressions/a.csv.gz",
            Data(
                try InMemoryReadTests.gzip(
                    "timestamp,campaign,banner,placement,region\n2020-05-04T10:00:00Z,banner-119,B,s,IDF\n")))
        let data = try fixture.read()
        #expect(Self.refusal(data, "impressions/a.csv.rollup.json") == .fileBesideRollup("impressions/a.csv.gz"))
        #expect(data.impressions.map(\.count) == [1])
    }

    @Test func twoRollupsOfOneFileAreBothRefused() throws {
        let text = RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText
        let data = try DataFolderFixture([
            "impressions/a.csv.rollup.json": text, "impressions/a.csv.ROLLUP.JSON": text,
        ]).read()
        #expect(
            Self.refusal(data, "impressions/a.csv.rollup.json")
                == .anotherRollupOfTheFile(other: "impressions/a.csv.ROLLUP.JSON"))
        #expect(
            Self.refusal(data, "impressions/a.csv.ROLLUP.JSON")
                == .anotherRollupOfTheFile(other: "impressions/a.csv.rollup.json"))
        #expect(data.impressions.isEmpty)
    }

    @Test(arguments: ["../../etc/passwd", "impressions/b.csv", "clicks/a.csv", "a.csv"])
    func aRollupNamingAnotherFileThanItsOwnNameIsRefused(file: String) throws {
        let data = try DataFolderFixture([
            "impressions/a.csv.rollup.json": RollupFileTests.rollup(file: file, count: 30).jsonText
        ]).read()
        #expect(
            Self.refusal(data, "impressions/a.csv.rollup.json")
                == .fileNameMismatch(file: file, expected: "impressions/a.csv"))
        #expect(data.impressions.isEmpty)
    }

    @Test(arguments: [(0, 50, 52), (10, 100, 100), (0, 100, 90), (0, 90, 100)])
    func aRollupCoveringPartOfItsFileIsRefused(start: Int, end: Int, stop: Int) throws {
        var rollup = RollupFileTests.rollup(file: "impressions/a.csv", count: 30)
        rollup.start = start
        rollup.end = end
        rollup.stop = stop
        let data = try DataFolderFixture(["impressions/a.csv.rollup.json": rollup.jsonText]).read()
        #expect(
            Self.refusal(data, "impressions/a.csv.rollup.json")
                == .partialCoverage(start: start, end: end, stop: stop, fileSize: 100))
        #expect(data.impressions.isEmpty)
    }

    @Test func aRefusedRollupStoppingAtItsRefusalStillRefusesTheFileWithItsOwnReason() throws {
        var rollup = RollupFileTests.rollup(file: "impressions/a.csv", count: 30)
        rollup.stop = 60
        rollup.refusal = FileFailure(isIOError: false, line: 4, column: 3, reason: .csv(.quoteInUnquotedField))
        rollup.rowsAccepted = 0
        rollup.rowsRejected = 3
        rollup.counts = []
        rollup.rejects = []
        let data = try DataFolderFixture(["impressions/a.csv.rollup.json": rollup.jsonText]).read()
        #expect(data.files.first?.failure?.reason == .csv(.quoteInUnquotedField))
        #expect(data.files.first?.failure?.line == 4)
        rollup.start = 10
        let shifted = try DataFolderFixture(["impressions/a.csv.rollup.json": rollup.jsonText]).read()
        #expect(
            Self.refusal(shifted, "impressions/a.csv.rollup.json")
                == .partialCoverage(start: 10, end: 100, stop: 60, fileSize: 100))
    }

    @Test func aRollupOfMoreRowsThanItsFileHasBytesIsRefused() throws {
        var rollup = RollupFileTests.rollup(file: "impressions/a.csv", count: 30)
        rollup.rowsRead = 1001
        rollup.rowsAccepted = 1000
        let data = try DataFolderFixture(["impressions/a.csv.rollup.json": rollup.jsonText]).read()
        #expect(Self.refusal(data, "impressions/a.csv.rollup.json") == .moreRowsThanBytes(rows: 1001, fileSize: 100))
    }

    @Test(arguments: [
        ("\"line\": 7", "\"line\": -7", "rejects.0.line"), ("\"column\": 6", "\"column\": 0", "rejects.0.column"),
    ])
    func rejectLinesAndColumnsArePositive(original: String, changed: String, path: String) throws {
        let text = RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText
        #expect(text.contains(original))
        let changedText = text.replacingOccurrences(of: original, with: changed)
        #expect(throws: RollupFormatError.badValue(path)) { try RangeRollup(jsonData: Data(changedText.utf8)) }
    }

    @Test func accountingNearInt64MaxIsRefusedNotATrap() throws {
        var text = RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText
        text = text.replacingOccurrences(of: "\"rows_read\": 3", with: "\"rows_read\": 9223372036854775807")
        text = text.replacingOccurrences(of: "\"rows_accepted\": 2", with: "\"rows_accepted\": 9223372036854775807")
        #expect(throws: RollupFormatError.doesNotAddUp(read: .max, accepted: .max, rejected: 1)) {
            try RangeRollup(jsonData: Data(text.utf8))
        }
        let data = try DataFolderFixture(["impressions/a.csv.rollup.json": text]).read()
        #expect(
            Self.refusal(data, "impressions/a.csv.rollup.json")
                == .doesNotAddUp(read: .max, accepted: .max, rejected: 1))
    }

    @Test(arguments: ["file_size", "start", "end", "stop"])
    func offsetsAreBytesOfAFileOfAtMostAPetabyte(key: String) throws {
        let text = RollupFileTests.rollup(file: "impressions/a.csv", count: 30).jsonText
        for bad in ["-1", "9223372036854775807"] {
            let changed = text.split(separator: "\n").map { line in
                line.hasPrefix("\"\(key)\":") ? "\"\(key)\": \(bad)," : String(line)
            }.joined(separator: "\n")
            #expect(throws: RollupFormatError.badValue(key)) { try RangeRollup(jsonData: Data(changed.utf8)) }
        }
    }
}
