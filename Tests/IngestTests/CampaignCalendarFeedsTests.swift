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
        ("date_format: M/D/YYYY\n", 2, "date_format"),
        ("feeds:\n  helpline_calls: { date_format: \"31/12/2020\" }\n", 3, "feeds.helpline_calls.date_format"),
    ])
    func refusesAnUnsupportedDateFormatWithItsLine(yaml: String, line: Int, keyPath: String) throws {
        let error = try #require(Self.parseError(yaml))
        #expect(error.line == line)
        #expect(error.keyPath == keyPath)
        #expect(
            error.message.hasSuffix(
                "is not a supported date format (YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD, "
                    + "MM/DD/YYYY, MM-DD-YYYY, MM.DD.YYYY)"))
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

// MARK: - Per-file settings

extension CampaignCalendarFeedsTests {
    @Test func readsTheSettingsOfFilesByPatternInTheOrderWritten() throws {
        let options = try Self.parse(
            """
            feeds:
              helpline_calls:
                date_format: YYYY-MM-DD
                files:
                  "historique_*.csv": { date_format: DD/MM/YYYY, encoding: windows-1252 }
                  "us/*.csv": { date_format: MM/DD/YYYY }
                  export.csv: { encoding: latin-1 }
            """
        ).feedOptions
        #expect(
            options[.helplineCalls]
                == FeedReadOptions(
                    dateFormat: .yearMonthDay,
                    files: [
                        .init(pattern: "historique_*.csv", dateFormat: .dayMonthYearSlash, encoding: .windows1252),
                        .init(pattern: "us/*.csv", dateFormat: .monthDayYearSlash),
                        .init(pattern: "export.csv", encoding: .latin1),
                    ]))
        #expect(options[.hashtagVideos] == nil)
    }

    @Test(arguments: [
        (
            "feeds:\n  helpline_calls:\n    files: [a.csv]\n", 4, "feeds.helpline_calls.files",
            "expected a mapping of file-name patterns to settings, found a list; write files: { \"historique_*.csv\": "
                + "{ date_format: DD/MM/YYYY } }"
        ),
        (
            "feeds:\n  helpline_calls:\n    files: { a.csv: { date_format: D/M/Y } }\n", 4,
            "feeds.helpline_calls.files.a.csv.date_format",
            "\"D/M/Y\" is not a supported date format (YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD, "
                + "MM/DD/YYYY, MM-DD-YYYY, MM.DD.YYYY)"
        ),
        (
            "feeds:\n  helpline_calls:\n    files: { a.csv: { delimiter: \";\" } }\n", 4,
            "feeds.helpline_calls.files.a.csv.delimiter", "unknown key"
        ),
        (
            "feeds:\n  helpline_calls:\n    files: { a.csv: {} }\n", 4, "feeds.helpline_calls.files.a.csv",
            "expected date_format or encoding for the files the pattern matches"
        ),
        (
            "feeds:\n  helpline_calls:\n    files:\n      a.csv: { encoding: utf-8 }\n      a.csv: { encoding: latin-1 }\n",
            6, "feeds.helpline_calls.files.a.csv", "duplicate key (first at line 5)"
        ),
    ])
    func namesEachMistakeOfAFilesEntry(yaml: String, line: Int, keyPath: String, message: String) throws {
        let error = try #require(Self.parseError(yaml))
        #expect((error.line, error.keyPath, error.message) == (line, keyPath, message))
    }
}

// MARK: - Column names

extension CampaignCalendarFeedsTests {
    @Test func readsAFeedsColumnNames() throws {
        let options = try Self.parse(
            """
            feeds:
              helpline_calls:
                date_format: DD/MM/YYYY
                columns: { date: "Date", helpline: "Ligne d'écoute", calls: "Appels reçus" }
            """
        ).feedOptions
        #expect(
            options == [
                .helplineCalls: FeedReadOptions(
                    dateFormat: .dayMonthYearSlash,
                    columns: ["date": "Date", "helpline": "Ligne d'écoute", "calls": "Appels reçus"])
            ])
    }

    @Test func aFeedsColumnsKeepTheRootDateFormat() throws {
        let options = try Self.parse("date_format: DD-MM-YYYY\nfeeds: { clicks: { columns: { clicks: Clics } } }\n")
            .feedOptions
        #expect(options[.clicks] == FeedReadOptions(dateFormat: .dayMonthYearDash, columns: ["clicks": "Clics"]))
        #expect(options[.impressions] == FeedReadOptions(dateFormat: .dayMonthYearDash))
    }

    @Test(arguments: [
        (
            "feeds:\n  helpline_calls:\n    columns: { \"Appels reçus\": calls }\n", 4,
            "feeds.helpline_calls.columns.Appels reçus",
            "\"Appels reçus\" is not a column of helpline_calls (date, helpline, calls, answered); write <column>: "
                + "<header name in the export>, such as calls: \"Appels reçus\""
        ),
        (
            "feeds:\n  hashtag_videos:\n    columns: { timestamp: Heure }\n", 4,
            "feeds.hashtag_videos.columns.timestamp",
            "\"timestamp\" is not a column of hashtag_videos (date, hashtag, videos, views); write <column>: "
                + "<header name in the export>, such as calls: \"Appels reçus\""
        ),
        (
            "feeds:\n  helpline_calls:\n    columns:\n      calls: Appels\n      answered: APPELS\n", 6,
            "feeds.helpline_calls.columns.answered",
            "\"APPELS\" is already the header name of calls; each column needs its own"
        ),
        (
            "feeds:\n  helpline_calls:\n    columns: [date]\n", 4, "feeds.helpline_calls.columns",
            "expected a mapping, found a list"
        ),
        (
            "feeds:\n  helpline_calls:\n    columns: { calls: \"\" }\n", 4, "feeds.helpline_calls.columns.calls",
            "expected a non-empty text value"
        ),
    ])
    func namesEachMistakeOfTheColumnNames(yaml: String, line: Int, keyPath: String, message: String) throws {
        let error = try #require(Self.parseError(yaml))
        #expect((error.line, error.keyPath, error.message) == (line, keyPath, message))
    }
}

// MARK: - Encodings

extension CampaignCalendarFeedsTests {
    @Test func readsTheRootEncodingAndAFeedsOwn() throws {
        let options = try Self.parse("encoding: latin-1\nfeeds: { helpline_calls: { encoding: Windows-1252 } }\n")
            .feedOptions
        #expect(options[.helplineCalls]?.encoding == .windows1252)
        #expect(options[.clicks] == FeedReadOptions(encoding: .latin1))
    }

    @Test(arguments: [("utf-8", TextEncoding.utf8), ("CP1252", .windows1252), ("iso-8859-1", .latin1)])
    func acceptsTheUsualNamesOfEachEncoding(name: String, encoding: TextEncoding) throws {
        #expect(try Self.parse("encoding: \(name)\n").feedOptions[.impressions]?.encoding == encoding)
    }

    @Test func refusesAnUnsupportedEncodingWithItsLine() throws {
        let error = try #require(Self.parseError("feeds:\n  clicks:\n    encoding: utf-16\n"))
        #expect(
            (error.line, error.keyPath, error.message)
                == (4, "feeds.clicks.encoding", "\"utf-16\" is not a supported encoding (utf-8, windows-1252, latin-1)")
        )
    }
}
