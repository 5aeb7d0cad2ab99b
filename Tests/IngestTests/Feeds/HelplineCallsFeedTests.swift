import Foundation
import Ingest
import Testing

@Suite("Helpline calls feed")
struct HelplineCallsFeedTests {
    @Test func readsDailyCallsAsTypedRows() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls,answered\n2020-05-04,119,812,700\n2020-05-04,3919,230,\n"
        ]).read()
        #expect(
            data.helplineCalls == [
                HelplineDay(
                    date: try #require(CivilDate(iso8601: "2020-05-04")), helpline: "119", calls: 812, answered: 700),
                HelplineDay(
                    date: try #require(CivilDate(iso8601: "2020-05-04")), helpline: "3919", calls: 230, answered: nil),
            ])
        #expect(data.files.map(\.rowsAccepted) == [2])
    }

    @Test(arguments: [
        ("-5", CountProblem.negative), ("abc", .notACount), ("5.0", .decimals), ("1e3", .scientific),
        ("1 200", .digitSeparator), ("1_200", .digitSeparator), ("99999999999999999999", .tooLarge), ("", .empty),
    ])
    func rejectsBadCountsWithTheirLineColumnAndReason(value: String, problem: CountProblem) throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,\(value)\n"
        ]).read()
        let reject = try #require(data.rejects.first)
        #expect(
            reject.placed
                == PlacedReject(
                    "helpline_calls/a.csv:3:3", .notACount(column: "calls", value: value, problem: problem)))
        #expect(reject.value == value)
        #expect(reject.record == "2020-05-05,119,\(value)")
        #expect((data.files[0].rowsRead, data.files[0].rowsAccepted, data.files[0].rowsRejected) == (2, 1, 1))
    }

    @Test func rejectsAnImpossibleDate() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n2020-02-30,119,700\n"]).read()
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:2:1", .notADate(value: "2020-02-30", format: .yearMonthDay))
            ])
    }

    @Test func rejectsAnsweredAboveCalls() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls,answered\n2020-05-04,119,700,701\n"
        ]).read()
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:2:4", .answeredOverCalls(answered: 701, calls: 700))
            ])
    }

    @Test func rejectsRowsWithTooManyOrTooFewFields() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700,9\n2020-05-05,119\n"
        ]).read()
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:2:4", .fieldCount(expected: 3, found: 4)),
                PlacedReject("helpline_calls/a.csv:3:3", .fieldCount(expected: 3, found: 2)),
            ])
    }

    @Test func rejectsTheSecondOfTwoRowsWithTheSameKeyInOneFile() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,710\n2020-05-04,119,720\n"
        ]).read()
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:4:1", .duplicate(firstLine: 2, columns: ["helpline"]))
            ])
        #expect(data.helplineCalls.map(\.calls) == [700, 710])
    }

    @Test func aLaterFileRestatesADayAndTheRevisionIsListed() throws {
        let data = try DataFolderFixture([
            "helpline_calls/2020-05-05.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,710\n",
            "helpline_calls/2020-05-06.csv": "date,helpline,calls\n2020-05-05,119,715\n2020-05-06,119,690\n",
        ]).read()
        #expect(data.helplineCalls.map(\.calls) == [700, 715, 690])
        let revision = try #require(data.revisions.first)
        #expect(revision.key == "helpline=119")
        #expect(revision.date.description == "2020-05-05")
        #expect(revision.previous == [710, nil] && revision.restated == [715, nil])
        #expect("\(revision.previousFile):\(revision.previousLine)" == "helpline_calls/2020-05-05.csv:3")
        #expect("\(revision.file):\(revision.line)" == "helpline_calls/2020-05-06.csv:2")
        #expect(data.rejects.isEmpty)
    }

    @Test func refusesAFileWithoutARequiredColumnAndStillReadsTheOthers() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,answered\n2020-05-04,119,700\n",
            "helpline_calls/b.csv": "date,helpline,calls\n2020-05-04,119,700\n",
        ]).read()
        let failure = try #require(data.files[0].failure)
        #expect(failure.reason == .missingColumns([.named("calls")], header: ["date", "helpline", "answered"]))
        #expect(failure.line == 1)
        #expect(data.files[1].rowsAccepted == 1)
        #expect(data.helplineCalls.count == 1)
    }

    @Test func aFileRefusedHalfWayContributesNoCountsAndItsRowsAreRejected() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,\"710\n"
        ]).read()
        let report = data.files[0]
        #expect(report.failure?.reason == .csv(.unclosedQuote(openedOnLine: 3)))
        #expect((report.rowsRead, report.rowsAccepted, report.rowsRejected) == (1, 0, 1))
        #expect(data.helplineCalls.isEmpty)
    }

    @Test func acceptsAHeaderOnlyFileAndRefusesAnEmptyOne() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n",
            "helpline_calls/b.csv": "",
        ]).read()
        #expect(data.files[0].failure == nil && data.files[0].rowsRead == 0)
        #expect(data.files[1].failure?.reason == .csv(.empty))
    }

    @Test func readsSemicolonsCRLFAndAByteOrderMarkAndListsUnknownColumns() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Data([0xEF, 0xBB, 0xBF] + Array(" Date ;HELPLINE;Calls;Source\r\n2020-05-04;119;700;press\r\n".utf8)))
        let data = try fixture.read()
        #expect(data.helplineCalls.map(\.calls) == [700])
        #expect(data.files[0].unknownColumns == ["source"])
        #expect(data.files[0].delimiter == UInt8(ascii: ";"))
    }
}
