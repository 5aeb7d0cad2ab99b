import Foundation
import Ingest
import Testing

/// Each file read in its own date format (DESIGN §3.2): told from all its dates when `campaigns.yaml` sets none, read
/// in the one set when its dates agree, refused with the formats that fit otherwise, never read month-first dates
/// day-first.
@Suite("Date formats of the feeds")
struct DateFormatFeedTests {
    static let dayFirst = [Feed.helplineCalls: FeedReadOptions(dateFormat: .dayMonthYearSlash)]

    /// Daily calls to 119 from 1 May 2020, `days` days, with dates written by `write`.
    static func calls(days: Int, from start: Int = 18_383, _ write: (CivilDate) -> String) -> String {
        var text = "date,helpline,calls\n"
        for offset in 0..<days {
            // 1 May 2020 is day 18383 since 1970-01-01.
            text += "\(write(CivilDate(daysSinceEpoch: start + offset))),119,\(700 + offset)\n"
        }
        return text
    }

    static func dayFirst(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return String(format: "%02d/%02d/%04d", day, month, year)
    }

    static func monthFirst(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return String(format: "%02d/%02d/%04d", month, day, year)
    }

    static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }

    /// The conflict a file was refused for, with the refusal's line and column.
    static func conflict(_ report: FileReport?) -> (line: Int?, column: Int?, conflict: DateFormatConflict)? {
        guard let failure = report?.failure, case .dateFormat(let conflict) = failure.reason else { return nil }
        return (failure.line, failure.column, conflict)
    }

    @Test func readsDayFirstDatesWhenTheFeedSaysSo() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,812\n13/05/2020,119,790\n"
        ]).read(options: Self.dayFirst)
        #expect(data.rejects == [])
        #expect(data.helplineCalls.map(\.date) == [try Self.date("2020-05-04"), try Self.date("2020-05-13")])
        #expect(data.files[0].dateFormat == .dayMonthYearSlash)
    }

    @Test func rejectsAnImpossibleDayFirstDateAtItsLineAndColumn() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "helpline,date,calls\n119,28/02/2020,812\n119,31/02/2020,790\n"
        ]).read(options: Self.dayFirst)
        let reject = try #require(data.rejects.first)
        #expect(data.rejects.count == 1)
        #expect((reject.line, reject.column) == (3, 2))
        #expect(reject.reason == .notADate(value: "31/02/2020", format: .dayMonthYearSlash))
        #expect((data.files[0].rowsAccepted, data.files[0].rowsRejected) == (1, 1))
    }

    @Test func theOptionsOfOneFeedLeaveTheOthersAsTheyAre() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,812\n",
            "hashtag_videos/a.csv": "date,hashtag,videos\n2020-05-04,#119,12\n2020-05-05,#119,13\n",
        ]).read(options: Self.dayFirst)
        #expect(data.rejects == [])
        #expect(data.files.map(\.dateFormat) == [.yearMonthDay, .dayMonthYearSlash])
        #expect(data.helplineCalls.map(\.date) == [try Self.date("2020-05-04")])
    }

    // MARK: - Told by the file's dates

    @Test func readsADayFirstFileWithNoSettingFromItsDates() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.calls(days: 40, Self.dayFirst)]).read()
        let file = try #require(data.files.first)
        #expect(file.failure == nil)
        #expect((file.rowsRead, file.rowsAccepted) == (40, 40))
        #expect(file.dateFormat == .dayMonthYearSlash)
        #expect(data.rejects == [])
        #expect(data.helplineCalls.first?.date == (try Self.date("2020-05-01")))
        #expect(data.helplineCalls.last?.date == (try Self.date("2020-06-09")))
    }

    @Test func readsAMonthFirstFileMonthFirst() throws {
        let data = try DataFolderFixture([
            "helpline_calls/us.csv": "date,helpline,calls\n07/01/2018,119,5\n07/13/2018,119,6\n12/31/2018,119,7\n"
        ]).read()
        #expect(data.files[0].dateFormat == .monthDayYearSlash)
        #expect(
            data.helplineCalls.map(\.date) == [
                try Self.date("2018-07-01"), try Self.date("2018-07-13"), try Self.date("2018-12-31"),
            ])
    }

    @Test(arguments: [
        ("2020-05-04", DateFormat.yearMonthDay, "2020-05-04"), ("2020/05/04", .yearMonthDaySlash, "2020-05-04"),
        ("13-05-2020", .dayMonthYearDash, "2020-05-13"), ("13.05.2020", .dayMonthYearDot, "2020-05-13"),
        ("05-13-2020", .monthDayYearDash, "2020-05-13"), ("05.13.2020", .monthDayYearDot, "2020-05-13"),
    ])
    func tellsEachFormatFromOneDateThatOnlyItReads(written: String, format: DateFormat, day: String) throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n\(written),119,1\n"]).read()
        #expect(data.files[0].dateFormat == format)
        #expect(data.helplineCalls.map(\.date) == [try Self.date(day)])
    }

    @Test func refusesAFileWhoseEveryDateFitsDayFirstAndMonthFirst() throws {
        let data = try DataFolderFixture([
            "helpline_calls/2021-01.csv": "date,helpline,calls\n05/01/2021,119,5\n06/01/2021,119,6\n12/11/2021,119,7\n"
        ]).read()
        let refused = try #require(Self.conflict(data.files.first))
        #expect(refused.line == nil && refused.column == nil)
        #expect(refused.conflict.kind == .ambiguous)
        #expect(refused.conflict.fitting == [.dayMonthYearSlash, .monthDayYearSlash])
        #expect(refused.conflict.file == "2021-01.csv" && refused.conflict.feed == .helplineCalls)
        #expect(refused.conflict.dates == 3 && refused.conflict.configured == nil)
        #expect((data.files[0].rowsRead, data.files[0].rowsRejected) == (3, 3))
        #expect(data.helplineCalls.isEmpty && data.rejects.isEmpty)
    }

    @Test func readsAnAmbiguousFileInTheFormatSetForIt() throws {
        let fixture = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n05/01/2021,119,5\n"])
        #expect(try fixture.read(options: Self.dayFirst).helplineCalls.map(\.date) == [try Self.date("2021-01-05")])
        let usFile = FeedReadOptions(files: [.init(pattern: "a.csv", dateFormat: .monthDayYearSlash)])
        #expect(
            try fixture.read(options: [.helplineCalls: usFile]).helplineCalls.map(\.date) == [
                try Self.date("2021-05-01")
            ])
    }

    @Test func neverReadsAMonthFirstFileDayFirstThoughTheFeedIsSetSo() throws {
        // The first two dates read either way; the third is month-first only: the file is refused there, and no
        // row of it is counted with day and month swapped.
        let data = try DataFolderFixture([
            "helpline_calls/us.csv": "date,helpline,calls\n07/01/2018,119,5\n07/02/2018,119,6\n07/13/2018,119,7\n"
        ]).read(options: Self.dayFirst)
        let refused = try #require(Self.conflict(data.files.first))
        #expect(refused.conflict.kind == .notAsConfigured)
        #expect(refused.conflict.configured == .dayMonthYearSlash && refused.conflict.fitting == [.monthDayYearSlash])
        #expect((refused.line, refused.column) == (4, 1))
        #expect(data.helplineCalls.isEmpty)
        #expect(data.files[0].rowsAccepted == 0)
    }

    @Test func refusesAFileWhoseDatesAreNotInTheFormatSet() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.calls(days: 3) { $0.description }])
            .read(options: Self.dayFirst)
        let refused = try #require(Self.conflict(data.files.first))
        #expect(refused.conflict.kind == .notAsConfigured && refused.conflict.fitting == [.yearMonthDay])
        #expect((refused.line, refused.column) == (2, 1))
    }

    @Test func refusesAFileWithDatesInSeveralFormatsAtTheFirstThatBreaksTheRule() throws {
        let text =
            "date,helpline,calls\n13/05/2020,119,1\n14/05/2020,119,2\n2020-05-15,119,3\n16/05/2020,119,4\n"
            + "05/17/2020,119,5\n"
        let data = try DataFolderFixture(["helpline_calls/a.csv": text]).read()
        let refused = try #require(Self.conflict(data.files.first))
        #expect(refused.conflict.kind == .mixed && refused.conflict.fitting.isEmpty)
        #expect(
            refused.conflict.readable == [
                .init(format: .dayMonthYearSlash, dates: 3), .init(format: .yearMonthDay, dates: 1),
                .init(format: .monthDayYearSlash, dates: 1),
            ])
        #expect(refused.conflict.dates == 5)
        // The first date that DD/MM/YYYY, which reads the most, does not read.
        #expect((refused.line, refused.column) == (4, 1))
    }

    @Test func aDateInNoFormatIsRejectedAndLeavesTheFormatToTheOthers() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n13/05/2020,119,1\nmai 2020,119,2\n31/02/2020,119,3\n"
        ]).read()
        #expect(data.files[0].dateFormat == .dayMonthYearSlash)
        #expect(
            data.rejects.map(\.reason) == [
                .notADate(value: "mai 2020", format: .dayMonthYearSlash),
                .notADate(value: "31/02/2020", format: .dayMonthYearSlash),
            ])
        #expect(data.rejects.map(\.line) == [3, 4])
    }

    @Test func aFileWithNoDateThatReadsIsReadInTheDefaultFormat() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\nmai 2020,119,2\n"]).read()
        #expect(data.files[0].failure == nil)
        #expect(data.rejects.map(\.reason) == [.notADate(value: "mai 2020", format: .yearMonthDay)])
    }

    @Test func datesOfRowsRejectedForAnotherReasonStillTellTheFormat() throws {
        // Line 3's count is bad, but its date says the file is not month-first.
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n05/01/2021,119,5\n13/01/2021,119,-1\n"
        ]).read()
        #expect(data.files[0].dateFormat == .dayMonthYearSlash)
        #expect(data.helplineCalls.map(\.date) == [try Self.date("2021-01-05")])
    }

    // MARK: - Per-file settings

    @Test func aPatternSetsTheFormatOfTheFilesItMatches() throws {
        let options = FeedReadOptions(
            dateFormat: .yearMonthDay,
            files: [.init(pattern: "historique_*.csv", dateFormat: .dayMonthYearSlash, encoding: nil)])
        let data = try DataFolderFixture([
            "helpline_calls/historique_2020.csv": "date,helpline,calls\n04/05/2020,119,5\n",
            "helpline_calls/2020-05-05.csv": "date,helpline,calls\n2020-05-05,119,6\n",
        ]).read(options: [.helplineCalls: options])
        #expect(data.rejects == [] && data.files.allSatisfy { $0.failure == nil })
        #expect(data.helplineCalls.map(\.date) == [try Self.date("2020-05-04"), try Self.date("2020-05-05")])
    }

    @Test(arguments: [
        ("historique_*.csv", "historique_2019.csv", true),
        ("historique_*.csv", "dt=2019/historique_2019.csv", true),
        ("historique_*.csv", "historique_2019.csv.gz", false),
        ("dt=*/part-*.csv", "dt=2021-01-05/part-0000.csv", true),
        ("dt=*/part-*.csv", "part-0000.csv", false),
        ("*/part-*.csv", "a/b/part-0000.csv", false),
        ("calls-202[01].csv", "calls-2021.csv", true),
    ])
    func aPatternMatchesTheNameOrWithASlashThePathInTheFeedFolder(pattern: String, path: String, matches: Bool) {
        #expect(FeedReadOptions.FileSettings(pattern: pattern).matches(path) == matches)
    }

    @Test func theFirstPatternThatMatchesWinsAndTheFeedSettingsFillTheRest() {
        let options = FeedReadOptions(
            dateFormat: .dayMonthYearDot, columns: ["calls": "Appels"], encoding: .latin1,
            files: [
                .init(pattern: "us-*.csv", dateFormat: .monthDayYearSlash),
                .init(pattern: "*.csv", dateFormat: .yearMonthDay, encoding: .utf8),
            ])
        #expect(
            options.resolved(forFile: "us-1.csv")
                == FeedReadOptions(dateFormat: .monthDayYearSlash, columns: ["calls": "Appels"], encoding: .latin1))
        #expect(options.resolved(forFile: "x.csv").encoding == .utf8)
        #expect(
            options.resolved(forFile: "x.txt")
                == FeedReadOptions(
                    dateFormat: .dayMonthYearDot, columns: ["calls": "Appels"], encoding: .latin1))
    }

    // MARK: - Parts

    @Test(arguments: [
        IngestParallelism(parts: 4, minimumPartSize: 256), IngestParallelism(parts: 9, minimumPartSize: 64),
    ])
    func aFileReadInPartsGivesTheSameDatesAndRefusals(parallelism: IngestParallelism) throws {
        var mixed = Self.calls(days: 150, Self.dayFirst)
        mixed += (0..<50).map { "\(CivilDate(daysSinceEpoch: 18_600 + $0)),3919,\($0)\n" }.joined()
        let fixture = try DataFolderFixture([
            "helpline_calls/day-first.csv": Self.calls(days: 200, Self.dayFirst),
            "helpline_calls/month-first.csv": Self.calls(days: 200, from: 18_800, Self.monthFirst),
            "helpline_calls/mixed.csv": mixed,
            "hashtag_videos/iso.csv": "date,hashtag,videos\n"
                + (0..<200).map { "\(CivilDate(daysSinceEpoch: 18_300 + $0)),#119,\($0)\n" }.joined(),
        ])
        for options in [[:], Self.dayFirst] {
            let whole = try fixture.read(options: options, parallelism: .sequential)
            let parts = try fixture.read(options: options, parallelism: parallelism)
            #expect(parts == whole)
        }
        let read = try fixture.read(parallelism: parallelism)
        #expect(read.files.map(\.dateFormat) == [.yearMonthDay, .dayMonthYearSlash, nil, .monthDayYearSlash])
        let refused = try #require(Self.conflict(read.files.first { $0.file.hasSuffix("mixed.csv") }))
        #expect(refused.line == 152 && refused.conflict.kind == .mixed)
    }
}
