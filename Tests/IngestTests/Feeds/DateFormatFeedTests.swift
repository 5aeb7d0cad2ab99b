import Foundation
import Ingest
import Testing

/// Feeds whose dates are not `YYYY-MM-DD`: read in the format `date_format:` names, and, when none is set, one hint
/// per file whose every date is in another format.
@Suite("Date formats of the feeds")
struct DateFormatFeedTests {
    static let dayFirst = [Feed.helplineCalls: FeedReadOptions(dateFormat: .dayMonthYearSlash)]

    /// Daily calls to 119 from 1 May 2020, `days` days, with dates written by `write`.
    static func calls(days: Int, _ write: (CivilDate) -> String) -> String {
        var text = "date,helpline,calls\n"
        for offset in 0..<days {
            // 1 May 2020 is day 18383 since 1970-01-01.
            text += "\(write(CivilDate(daysSinceEpoch: 18_383 + offset))),119,\(700 + offset)\n"
        }
        return text
    }

    static func dayFirst(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return String(format: "%02d/%02d/%04d", day, month, year)
    }

    @Test func readsDayFirstDatesWhenTheFeedSaysSo() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,812\n13/05/2020,119,790\n"
        ]).read(options: Self.dayFirst)
        #expect(data.rejects == [])
        #expect(
            data.helplineCalls.map(\.date) == [
                try #require(CivilDate(iso8601: "2020-05-04")), try #require(CivilDate(iso8601: "2020-05-13")),
            ])
        #expect(data.files[0].dateFormatHint == nil)
    }

    @Test func rejectsAnImpossibleDayFirstDateAtItsLineAndColumn() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "helpline,date,calls\n119,28/02/2020,812\n119,31/02/2020,790\n"
        ]).read(options: Self.dayFirst)
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:3:2", .notADate(value: "31/02/2020", format: .dayMonthYearSlash))
            ])
        #expect((data.files[0].rowsAccepted, data.files[0].rowsRejected) == (1, 1))
    }

    @Test func theOptionsOfOneFeedLeaveTheOthersAsTheyAre() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,812\n",
            "hashtag_videos/a.csv": "date,hashtag,videos\n2020-05-04,#119,12\n04/05/2020,#119,13\n",
        ]).read(options: Self.dayFirst)
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("hashtag_videos/a.csv:3:1", .notADate(value: "04/05/2020", format: .yearMonthDay))
            ])
        #expect(data.helplineCalls.count == 1)
    }

    @Test func hintsTheFormatThatReadsEveryRejectedDate() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": Self.calls(days: 40, Self.dayFirst)
        ]).read()
        let file = try #require(data.files.first)
        #expect((file.rowsRead, file.rowsRejected) == (40, 40))
        #expect(
            file.dateFormatHint
                == DateFormatHint(
                    feed: .helplineCalls, configured: .yearMonthDay, format: .dayMonthYearSlash, dates: 40))
        #expect(data.rejects.count == 40)
    }

    @Test func hintsTheDefaultFormatToAFeedSetToAnother() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.calls(days: 3) { $0.description }])
            .read(options: Self.dayFirst)
        #expect(data.files[0].dateFormatHint?.format == .yearMonthDay)
        #expect(data.files[0].dateFormatHint?.configured == .dayMonthYearSlash)
    }

    /// Rows whose field count is wrong have no date to judge; the hint is about the dates there are.
    @Test func hintsDespiteRowsRejectedBeforeTheirDate() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,812\n05/05/2020,119\n06/05/2020,119,7\n"
        ]).read()
        #expect(data.files[0].dateFormatHint?.dates == 2)
    }

    @Test(arguments: [
        // One date reads: the others are mistakes of their own.
        "date,helpline,calls\n04/05/2020,119,812\n2020-05-05,119,790\n",
        // The rejected dates are in two formats, or in none.
        "date,helpline,calls\n04/05/2020,119,812\n05-05-2020,119,790\n",
        "date,helpline,calls\n04/05/2020,119,812\n31/02/2020,119,790\n",
        "date,helpline,calls\nmai 2020,119,812\n",
        // A date that reads with a bad count still read.
        "date,helpline,calls\n04/05/2020,119,812\n2020-05-05,119,-1\n",
    ])
    func givesNoHintUnlessEveryDateFailsAndReadsInOneOtherFormat(text: String) throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": text]).read()
        #expect(data.rowsRejected > 0)
        #expect(data.files[0].dateFormatHint == nil)
    }

    @Test func aRefusedFileHasNoHint() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n04/05/2020,119,\"812\n"]).read()
        #expect(data.files[0].failure != nil)
        #expect(data.files[0].dateFormatHint == nil)
    }

    @Test(arguments: [
        IngestParallelism(parts: 4, minimumPartSize: 256), IngestParallelism(parts: 9, minimumPartSize: 64),
    ])
    func aFileReadInPartsGivesTheSameDatesAndHint(parallelism: IngestParallelism) throws {
        let fixture = try DataFolderFixture([
            "helpline_calls/day-first.csv": Self.calls(days: 200, Self.dayFirst),
            "hashtag_videos/iso.csv": "date,hashtag,videos\n"
                + (0..<200).map { "\(CivilDate(daysSinceEpoch: 18_300 + $0)),#119,\($0)\n" }.joined(),
        ])
        for options in [[:], Self.dayFirst] {
            let whole = try fixture.read(options: options, parallelism: .sequential)
            let parts = try fixture.read(options: options, parallelism: parallelism)
            #expect(parts == whole)
        }
        let hinted = try fixture.read(parallelism: parallelism)
        #expect(hinted.files.first { $0.feed == .helplineCalls }?.dateFormatHint?.dates == 200)
        #expect(try fixture.read(options: Self.dayFirst, parallelism: parallelism).helplineCalls.count == 200)
    }
}
