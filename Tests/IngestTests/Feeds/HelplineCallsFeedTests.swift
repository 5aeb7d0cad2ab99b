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
        ("-5", "calls: \"-5\" is negative; counts are non-negative whole numbers"),
        ("abc", "calls: \"abc\" is not a count (a non-negative whole number)"),
        ("5.0", "calls: \"5.0\" is not a whole number; counts have no decimals"),
        ("1e3", "calls: \"1e3\" is in scientific notation; write the whole number with plain digits"),
        ("1 200", "calls: \"1 200\" has a digit separator; write plain digits such as 1200"),
        ("1_200", "calls: \"1_200\" has a digit separator; write plain digits such as 1200"),
        (
            "99999999999999999999",
            "calls: \"99999999999999999999\" is too large for a count (the largest is 9223372036854775807)"
        ),
        ("", "calls: \"\" is empty; a count is required"),
    ])
    func rejectsBadCountsWithTheirLineColumnAndReason(value: String, reason: String) throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,\(value)\n"
        ]).read()
        let reject = try #require(data.rejects.first)
        #expect(reject.diagnostic == "helpline_calls/a.csv:3:3: \(reason)")
        #expect(reject.value == value)
        #expect(reject.record == "2020-05-05,119,\(value)")
        #expect((data.files[0].rowsRead, data.files[0].rowsAccepted, data.files[0].rowsRejected) == (2, 1, 1))
    }

    @Test func rejectsAnImpossibleDate() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n2020-02-30,119,700\n"]).read()
        #expect(
            data.rejects.map(\.diagnostic) == [
                "helpline_calls/a.csv:2:1: date: \"2020-02-30\" is not a date (YYYY-MM-DD)"
            ])
    }

    @Test func rejectsAnsweredAboveCalls() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls,answered\n2020-05-04,119,700,701\n"
        ]).read()
        #expect(
            data.rejects.map(\.diagnostic) == [
                "helpline_calls/a.csv:2:4: answered: 701 is more than calls (700) on the same row"
            ])
    }

    @Test func rejectsRowsWithTooManyOrTooFewFields() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700,9\n2020-05-05,119\n"
        ]).read()
        #expect(
            data.rejects.map(\.diagnostic) == [
                "helpline_calls/a.csv:2:4: expected 3 fields as in the header, found 4",
                "helpline_calls/a.csv:3:3: expected 3 fields as in the header, found 2",
            ])
    }

    @Test func rejectsTheSecondOfTwoRowsWithTheSameKeyInOneFile() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,710\n2020-05-04,119,720\n"
        ]).read()
        #expect(
            data.rejects.map(\.diagnostic) == ["helpline_calls/a.csv:4:1: duplicate of line 2: same helpline and date"])
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
        #expect(failure.message == "missing required column 'calls' (header has: date, helpline, answered)")
        #expect(failure.line == 1)
        #expect(data.files[1].rowsAccepted == 1)
        #expect(data.helplineCalls.count == 1)
    }

    @Test func aFileRefusedHalfWayContributesNoCountsAndItsRowsAreRejected() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,700\n2020-05-05,119,\"710\n"
        ]).read()
        let report = data.files[0]
        #expect(report.failure?.message == "quoted field opened on line 3 is never closed")
        #expect((report.rowsRead, report.rowsAccepted, report.rowsRejected) == (1, 0, 1))
        #expect(data.helplineCalls.isEmpty)
    }

    @Test func acceptsAHeaderOnlyFileAndRefusesAnEmptyOne() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n",
            "helpline_calls/b.csv": "",
        ]).read()
        #expect(data.files[0].failure == nil && data.files[0].rowsRead == 0)
        #expect(data.files[1].failure?.message == "the file is empty")
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
