import Ingest
import Testing

/// `date_format:` and `feeds:` in `campaigns.yaml` (DESIGN §3.4): how each feed's files are to be read.
@Suite("Campaign calendar: feed settings")
struct CampaignCalendarFeedsTests {
    static func parse(_ yaml: String) throws(CampaignCalendarError) -> CampaignCalendar {
        try CampaignCalendar.parse(yaml: "timezone: UTC\n" + yaml, file: "campaigns.yaml")
    }

    static func parseError(_ yaml: String) -> CampaignCalendarError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryFeedWithTheDefaultsWhenNothingIsSet() throws {
        #expect(try Self.parse("").feedOptions == [:])
        #expect(try Self.parse("feeds:\n").feedOptions == [:])
    }

    @Test func aRootDateFormatAppliesToEveryFeed() throws {
        let options = try Self.parse("date_format: DD/MM/YYYY\n").feedOptions
        #expect(options.count == Feed.allCases.count)
        #expect(options.values.allSatisfy { $0.dateFormat == .dayMonthYearSlash })
    }

    @Test func aFeedsEntryOverridesTheRootFormatForItsFeedOnly() throws {
        let options = try Self.parse(
            """
            date_format: DD-MM-YYYY
            feeds:
              helpline_calls: { date_format: DD/MM/YYYY }
              hashtag_videos:
                date_format: YYYY-MM-DD
            """
        ).feedOptions
        #expect(options[.helplineCalls]?.dateFormat == .dayMonthYearSlash)
        #expect(options[.hashtagVideos]?.dateFormat == .yearMonthDay)
        #expect(options[.impressions]?.dateFormat == .dayMonthYearDash)
        #expect(options[.clicks]?.dateFormat == .dayMonthYearDash)
    }

    @Test func aFeedsEntryAloneSetsOnlyItsFeed() throws {
        let options = try Self.parse("feeds: { helpline_calls: { date_format: dd/mm/yyyy } }\n").feedOptions
        #expect(options == [.helplineCalls: FeedReadOptions(dateFormat: .dayMonthYearSlash)])
    }

    @Test(arguments: [
        ("date_format: MM/DD/YYYY\n", 2, "date_format"),
        ("feeds:\n  helpline_calls: { date_format: \"31/12/2020\" }\n", 3, "feeds.helpline_calls.date_format"),
    ])
    func refusesAnUnsupportedDateFormatWithItsLine(yaml: String, line: Int, keyPath: String) throws {
        let error = try #require(Self.parseError(yaml))
        #expect(error.line == line)
        #expect(error.keyPath == keyPath)
        #expect(
            error.message.hasSuffix(
                "is not a supported date format (YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD)"))
    }

    @Test(arguments: [
        ("feeds:\n  calls: { date_format: DD/MM/YYYY }\n", 3, "feeds.calls", "unknown key"),
        ("feeds:\n  helpline_calls: { dateformat: DD/MM/YYYY }\n", 3, "feeds.helpline_calls.dateformat", "unknown key"),
        ("feeds: [helpline_calls]\n", 2, "feeds", "expected a mapping, found a list"),
        ("feeds:\n  helpline_calls: DD/MM/YYYY\n", 3, "feeds.helpline_calls", "expected a mapping, found a text value"),
        (
            "feeds:\n  helpline_calls: {date_format: DD/MM/YYYY}\n  helpline_calls: {}\n", 4,
            "feeds.helpline_calls", "duplicate key (first at line 3)"
        ),
    ])
    func namesEachMistakeOfTheFeedsEntry(yaml: String, line: Int, keyPath: String, message: String) throws {
        let error = try #require(Self.parseError(yaml))
        #expect((error.line, error.keyPath, error.message) == (line, keyPath, message))
    }
}
