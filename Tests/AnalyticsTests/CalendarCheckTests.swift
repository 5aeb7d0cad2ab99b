import Foundation
import Ingest
import Testing

@testable import Analytics

@Suite("What campaigns.yaml names against what the data holds")
struct CalendarCheckTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }

    static func series(_ name: String, days: [String]) throws -> DailySeries {
        let parsed = try #require(SeriesName(parsing: name))
        return DailySeries(name: parsed, values: Dictionary(uniqueKeysWithValues: try days.map { (try day($0), 5.0) }))
    }

    @Test func namesWhatNoFeedHasAProbableTypoAndACampaignAfterTheData() throws {
        let window = try #require(DayRange(start: try Self.day("2020-05-04"), end: try Self.day("2020-05-17")))
        let later = try #require(DayRange(start: try Self.day("2021-01-04"), end: try Self.day("2021-01-10")))
        let calendar = CampaignCalendar(
            timeZoneIdentifier: "UTC",
            campaigns: [
                Campaign(id: "a", window: window, helplines: ["119", "quitline"], banners: [], line: 3),
                Campaign(id: "b", window: later, helplines: ["119"], banners: [], line: 9),
            ])
        let data = [
            try Self.series("calls:119", days: ["2020-05-04"]),
            try Self.series("calls:Allô 119", days: ["2020-05-05"]),
            try Self.series("calls:3919", days: ["2020-05-05"]),
        ]
        let warnings = CalendarWarning.check(calendar: calendar, series: data)
        #expect(
            warnings == [
                .seriesNotInData(campaign: "a", line: 3, series: "calls:quitline"),
                .campaignAfterData(
                    campaign: "b", line: 9, start: try Self.day("2021-01-04"), lastDay: try Self.day("2020-05-05")),
                .probableTypo(series: "calls:Allô 119", near: "calls:119"),
            ])
    }

    @Test(arguments: [
        ("Allô 119", "119", true), ("119 ", "119", true), ("3919", "119", false), ("3020", "3919", false),
        ("banner-119", "banner_119", true), ("banner-119", "banner-118", true), ("116006", "119", false),
    ])
    func keysAreCloseOnlyAsAMisspellingWouldBe(first: String, second: String, close: Bool) {
        #expect(CalendarWarning.isClose(first, second) == close)
    }
}
