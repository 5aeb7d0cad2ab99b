import Foundation
import Testing

/// Date formats end to end through `awareness validate`: each file read in the format its dates tell, a file whose
/// dates do not tell refused with the formats that fit and the setting that reads it, a day-first export read once
/// the setting names its format.
@Suite("Date formats, end to end")
struct DateFormatCommandTests {
    static let calendar = "timezone: Europe/Paris\nlanguage: en\nholidays: FR\ncampaigns: []\n"

    /// Seven days of calls to 119 written day first, from 1 to 7 May 2020: every date reads month-first too.
    static let dayFirstCalls =
        "date,helpline,calls\n" + (1...7).map { "0\($0)/05/2020,119,\(700 + $0)\n" }.joined()

    /// Data folder `name` holding `calls` as `helpline_calls/calls.csv`, with `calendar` as its campaigns.yaml.
    static func folder(_ name: String, calls: String, calendar: String) throws -> BadInputFolder {
        let folder = try BadInputFolder()
        let feed = folder.root.appendingPathComponent(name).appendingPathComponent("helpline_calls")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        try Data(calendar.utf8).write(
            to: folder.root.appendingPathComponent(name).appendingPathComponent("campaigns.yaml"))
        try Data(calls.utf8).write(to: feed.appendingPathComponent("calls.csv"))
        return folder
    }

    @Test func validateRefusesAFileWhoseDatesFitDayFirstAndMonthFirstNamingTheSetting() throws {
        let folder = try Self.folder("dates", calls: Self.dayFirstCalls, calendar: Self.calendar)
        let result = try folder.validate("dates")
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                Data quality of dates (time zone Europe/Paris)

                impressions: no folder (no data)

                clicks: no folder (no data)

                hashtag_videos: no folder (no data)

                helpline_calls: 1 file, 7 rows read, 0 accepted, 7 rejected
                  helpline_calls/calls.csv: refused (7 read, 0 accepted, 7 rejected)
                    error: dates/helpline_calls/calls.csv: every date fits DD/MM/YYYY and MM/DD/YYYY (no day after the 12th, 7 dates), so the file does not tell which it is in; set it for this file in campaigns.yaml: feeds: { helpline_calls: { files: { "calls.csv": { date_format: DD/MM/YYYY } } } } (or MM/DD/YYYY)

                Total: 7 rows read, 0 accepted, 7 rejected (100.00%; threshold 1.00%).
                Verdict: not usable: 100.00% of rows rejected, over the 1.00% threshold; 1 file refused.

                """)
    }

    @Test func validateReadsADayFirstFileFromItsDatesAndSaysSo() throws {
        let calls = Self.dayFirstCalls + "13/05/2020,119,713\n"
        let folder = try Self.folder("dates", calls: calls, calendar: Self.calendar)
        let result = try folder.validate("dates")
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "  helpline_calls/calls.csv: 8 read, 8 accepted, 0 rejected, 2020-05-01 to 2020-05-13, daily, "
                    + "dates DD/MM/YYYY\n"))
        let french = try folder.validate("dates", language: "fr")
        #expect(french.stdout.contains(", quotidien, dates au format DD/MM/YYYY\n"), "\(french.stdout)")
    }

    @Test(arguments: [
        "feeds:\n  helpline_calls:\n    date_format: DD/MM/YYYY\n", "date_format: DD/MM/YYYY\n",
    ])
    func validateReadsTheDayFirstFileOnceTheSettingNamesItsFormat(setting: String) throws {
        let calls = Self.dayFirstCalls + "31/02/2020,119,700\n"
        let folder = try Self.folder("dates", calls: calls, calendar: Self.calendar + setting)
        let result = try folder.validate("dates")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                """
                  helpline_calls/calls.csv: 8 read, 7 accepted, 1 rejected, 2020-05-01 to 2020-05-07, daily, dates DD/MM/YYYY
                    error: dates/helpline_calls/calls.csv:9:1: date: "31/02/2020" is not a date (DD/MM/YYYY)

                """))
    }

    @Test func validateRefusesAnUnsupportedFormatWithItsLine() throws {
        let folder = try Self.folder(
            "dates", calls: Self.dayFirstCalls,
            calendar: Self.calendar + "feeds:\n  helpline_calls:\n    date_format: D/M/YY\n")
        let result = try folder.validate("dates")
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: dates/campaigns.yaml:7:18: feeds.helpline_calls.date_format: \"D/M/YY\" is not a supported date "
                    + "format (YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD, MM/DD/YYYY, MM-DD-YYYY, "
                    + "MM.DD.YYYY)"))
    }
}
