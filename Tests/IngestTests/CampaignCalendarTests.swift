import Foundation
import Testing
import Yams

@testable import Ingest

/// The specification of `campaigns.yaml` (DESIGN §3.4): what a calendar reads as, and how each mistake is named.
@Suite("Campaign calendar")
struct CampaignCalendarTests {
    static let designExample = """
        timezone: Europe/Paris         # local days and ISO weeks are counted here
        language: fr                   # report language: en or fr
        holidays: FR                   # built-in public-holiday calendar (FR at least); or a list of dates
        campaigns:
          - id: banner-119
            name: "Bannière 119 – Allô Enfance en Danger"
            start: 2020-05-04
            end: 2020-05-17            # inclusive
            helplines: ["119"]
            hashtags: ["#119", "#AlloEnfanceEnDanger", "#EnfanceEnDanger"]
            banners: ["banner-119"]    # campaign ids in the impression/click feeds (default: [id])
            baseline: { start: 2020-04-06, end: 2020-05-03 }   # optional, see 4.1
        context:                       # known events the model must adjust for
          - id: lockdown-1
            name: "Premier confinement"
            start: 2020-03-17
            end: 2020-05-10
        """

    static func day(_ text: String) throws -> CivilDate {
        try #require(CivilDate(iso8601: text))
    }

    static func range(_ start: String, _ end: String) throws -> DayRange {
        try #require(DayRange(start: day(start), end: day(end)))
    }

    /// The error parsing `yaml` gives, or nil when it parses.
    static func parseError(_ yaml: String) -> CampaignCalendarError? {
        do {
            _ = try CampaignCalendar.parse(yaml: yaml, file: "campaigns.yaml")
            return nil
        } catch {
            return error
        }
    }
}

// MARK: - Reading valid calendars

extension CampaignCalendarTests {
    @Test func readsTheDesignExampleIntoTypedValues() throws {
        let calendar = try CampaignCalendar.parse(yaml: Self.designExample, file: "campaigns.yaml")
        let expected = CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris",
            language: .fr,
            holidays: .builtIn(country: "FR"),
            confidenceLevel: 0.95,
            delimiter: nil,
            knownHelplines: ["119", "3018", "3020", "3919"],
            campaigns: [
                Campaign(
                    id: "banner-119",
                    name: "Bannière 119 – Allô Enfance en Danger",
                    window: try Self.range("2020-05-04", "2020-05-17"),
                    helplines: ["119"],
                    hashtags: ["#119", "#AlloEnfanceEnDanger", "#EnfanceEnDanger"],
                    banners: ["banner-119"],
                    baseline: try Self.range("2020-04-06", "2020-05-03"))
            ],
            context: [
                ContextEvent(
                    id: "lockdown-1", name: "Premier confinement", window: try Self.range("2020-03-17", "2020-05-10"))
            ])
        #expect(calendar == expected)
        #expect(calendar.campaign(id: "banner-119")?.window.dayCount == 14)
        #expect(calendar.campaign(id: "banner-120") == nil)
    }

    @Test func loadsTheDesignExampleFromAFile() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let path = fixtures.appendingPathComponent("campaigns/design-example.yaml").path
        let calendar = try CampaignCalendar.load(contentsOf: path)
        #expect(calendar == (try CampaignCalendar.parse(yaml: Self.designExample, file: path)))
    }

    @Test func appliesTheDefaultsWhenOnlyTheTimeZoneIsGiven() throws {
        let calendar = try CampaignCalendar.parse(yaml: "timezone: UTC\n", file: "campaigns.yaml")
        #expect(calendar.timeZoneIdentifier == "UTC")
        #expect(calendar.language == .en)
        #expect(calendar.holidays == .builtIn(country: "FR"))
        #expect(calendar.confidenceLevel == 0.95)
        #expect(calendar.delimiter == nil)
        #expect(calendar.knownHelplines == ["119", "3018", "3020", "3919"])
        #expect(calendar.campaigns.isEmpty)
        #expect(calendar.context.isEmpty)
    }

    @Test(arguments: ["campaigns:\ncontext:\n", "campaigns: []\ncontext: []\n", "campaigns: ~\n"])
    func acceptsEmptyOrNullCampaignAndContextLists(lists: String) throws {
        let calendar = try CampaignCalendar.parse(yaml: "timezone: Europe/Paris\n" + lists, file: "campaigns.yaml")
        #expect(calendar.campaigns.isEmpty)
        #expect(calendar.context.isEmpty)
    }

    @Test func givesACampaignItsIdAsNameAndBannerByDefault() throws {
        let yaml = """
            timezone: Europe/Paris
            campaigns:
              - {id: nah-2020, start: 2020-11-05, end: 2020-11-19}
            """
        let campaign = try #require(try CampaignCalendar.parse(yaml: yaml, file: "c.yaml").campaigns.first)
        #expect(campaign == Campaign(id: "nah-2020", window: try Self.range("2020-11-05", "2020-11-19")))
        #expect(campaign.name == "nah-2020")
        #expect(campaign.banners == ["nah-2020"])
        #expect(campaign.helplines.isEmpty)
        #expect(campaign.hashtags.isEmpty)
        #expect(campaign.baseline == nil)
    }

    /// The built-in helplines are no gate: a quitline's own id is a helpline like 119.
    @Test func acceptsAnyHelplineIdAndRemembersTheCampaignsLine() throws {
        let yaml =
            "timezone: UTC\ncampaigns:\n  - id: quit\n    start: 2020-05-04\n    end: 2020-05-17\n"
            + "    helplines: [\"quitline\", \"Allô 119\"]\n"
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "c.yaml")
        #expect(calendar.campaigns.first?.helplines == ["quitline", "Allô 119"])
        #expect(calendar.campaigns.first?.line == 3)
    }

    @Test func readsOptionalSettingsAndExtraHelplines() throws {
        let yaml = """
            timezone: America/Montreal
            language: en
            holidays: [2020-12-25, "2020-01-01", 2020-12-25]
            confidence: 0.9
            delimiter: "\\t"
            helplines: ["116111", "119"]
            campaigns:
              - id: kids.help_1
                start: 2020-01-01
                end: 2020-01-01
                helplines: [116111, 3020]
            """
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "c.yaml")
        #expect(calendar.holidays == .dates([try Self.day("2020-01-01"), try Self.day("2020-12-25")]))
        #expect(calendar.confidenceLevel == 0.9)
        #expect(calendar.delimiter == UInt8(ascii: "\t"))
        #expect(calendar.knownHelplines == ["119", "3018", "3020", "3919", "116111"])
        #expect(calendar.campaigns.first?.helplines == ["116111", "3020"])
        #expect(calendar.campaigns.first?.window.dayCount == 1)
    }

    @Test(arguments: [("\",\"", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\"\\t\"", UInt8(ascii: "\t"))])
    func readsTheForcedDelimiter(written: String, byte: UInt8) throws {
        let calendar = try CampaignCalendar.parse(yaml: "timezone: UTC\ndelimiter: \(written)\n", file: "c.yaml")
        #expect(calendar.delimiter == byte)
    }

    @Test func acceptsSmallAnchorsAndAliases() throws {
        let yaml = """
            timezone: Europe/Paris
            campaigns:
              - id: a
                start: 2020-05-04
                end: 2020-05-17
                hashtags: &tags ["#119", "#EnfanceEnDanger"]
              - id: b
                start: 2020-06-04
                end: 2020-06-17
                hashtags: *tags
            """
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "c.yaml")
        #expect(calendar.campaigns.map(\.hashtags) == [["#119", "#EnfanceEnDanger"], ["#119", "#EnfanceEnDanger"]])
    }
}

// MARK: - Naming mistakes

/// One broken calendar and the error it must give.
struct BrokenCalendar: CustomTestStringConvertible, Sendable {
    let yaml: String
    let line: Int?
    let keyPath: String
    let message: String
    var testDescription: String { "\(keyPath): \(message)" }
}

extension CampaignCalendarTests {
    static let campaignHeader = """
        timezone: Europe/Paris
        campaigns:
          - id: banner-119
            start: 2020-05-04
            end: 2020-05-17

        """

    static let brokenCalendars: [BrokenCalendar] = [
        BrokenCalendar(
            yaml: campaignHeader + "  - id: nah\n    start: 2020-11-05\n    end: 2020-11-31\n",
            line: 8, keyPath: "campaigns[1].end", message: "\"2020-11-31\" is not a date"),
        BrokenCalendar(
            yaml: "timezone: Europe/Parid\n", line: 1, keyPath: "timezone",
            message: "\"Europe/Parid\" is not a known time zone"),
        BrokenCalendar(
            yaml: "language: fr\n", line: 1, keyPath: "",
            message: "missing required key \"timezone\" (an IANA time zone such as Europe/Paris)"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - id: a\n    start: 2020-05-04\n    end: 2020-05-01\n",
            line: 5, keyPath: "campaigns[0]", message: "end 2020-05-01 is before start 2020-05-04"),
        BrokenCalendar(
            yaml: campaignHeader + "    baseline: {start: 2020-04-10, end: 2020-04-01}\n",
            line: 6, keyPath: "campaigns[0].baseline", message: "end 2020-04-01 is before start 2020-04-10"),
        BrokenCalendar(
            yaml: campaignHeader + "    baseline: {start: 2020-04-10, end: 2020-05-04}\n",
            line: 6, keyPath: "campaigns[0].baseline",
            message: "baseline 2020-04-10 to 2020-05-04 overlaps the campaign window 2020-05-04 to 2020-05-17"),
        BrokenCalendar(
            yaml: campaignHeader + "helplines: [\"119\"]\n",
            line: 6, keyPath: "helplines",
            message:
                "\"helplines\" is at the root, after the campaigns: if it belongs to the campaign above it, indent it "
                + "like that campaign's other keys (helplines need no root list: any helpline in the data can be "
                + "named)"),
        BrokenCalendar(
            yaml: campaignHeader + "  - id: banner-119\n    start: 2020-06-01\n    end: 2020-06-02\n",
            line: 6, keyPath: "campaigns[1].id",
            message: "duplicate campaign id \"banner-119\" (first declared at line 3)"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncontext:\n  - {id: x, start: 2020-01-01, end: 2020-01-02}\n"
                + "  - {id: x, start: 2020-02-01, end: 2020-02-02}\n",
            line: 4, keyPath: "context[1].id", message: "duplicate context id \"x\" (first declared at line 3)"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - id: a\n    strt: 2020-05-04\n    end: 2020-05-17\n",
            line: 4, keyPath: "campaigns[0].strt", message: "unknown key"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaign: []\n", line: 2, keyPath: "campaign", message: "unknown key"),
        BrokenCalendar(
            yaml: campaignHeader + "    baseline: {start: 2020-04-01, ende: 2020-04-02}\n",
            line: 6, keyPath: "campaigns[0].baseline.ende", message: "unknown key"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - id: a\n    end: 2020-05-17\n",
            line: 3, keyPath: "campaigns[0]", message: "missing required key \"start\""),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns: banner-119\n", line: 2, keyPath: "campaigns",
            message: "expected a list, found a text value"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - banner-119\n", line: 3, keyPath: "campaigns[0]",
            message: "expected a mapping, found a text value"),
        BrokenCalendar(
            yaml: campaignHeader + "    hashtags: \"#119\"\n", line: 6, keyPath: "campaigns[0].hashtags",
            message: "expected a list, found a text value"),
        BrokenCalendar(
            yaml: campaignHeader + "    name: [a, b]\n", line: 6, keyPath: "campaigns[0].name",
            message: "expected a text value, found a list"),
        BrokenCalendar(
            yaml: "- timezone: UTC\n", line: 1, keyPath: "", message: "expected a mapping, found a list"),
        BrokenCalendar(
            yaml: "timezone: UTC\nlanguage: de\n", line: 2, keyPath: "language",
            message: "\"de\" is not a supported language (en, fr)"),
        BrokenCalendar(
            yaml: "timezone: UTC\nholidays: DE\n", line: 2, keyPath: "holidays",
            message: "\"DE\" is not a built-in holiday calendar (built in: FR); give FR or a list of dates"),
        BrokenCalendar(
            yaml: "timezone: UTC\nholidays:\n  - 2020-12-25\n  - 2020-02-30\n", line: 4, keyPath: "holidays[1]",
            message: "\"2020-02-30\" is not a date"),
        BrokenCalendar(
            yaml: "timezone: UTC\nconfidence: 1.5\n", line: 2, keyPath: "confidence",
            message: "1.5 is not between 0.5 and 1 (both excluded)"),
        BrokenCalendar(
            yaml: "timezone: UTC\nconfidence: high\n", line: 2, keyPath: "confidence",
            message: "\"high\" is not a number"),
        BrokenCalendar(
            yaml: "timezone: UTC\ndelimiter: \"|\"\n", line: 2, keyPath: "delimiter",
            message: "\"|\" is not a supported delimiter (\",\", \";\" or \"\\t\")"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - id: ../../etc/x\n    start: 2020-05-04\n    end: 2020-05-17\n",
            line: 3, keyPath: "campaigns[0].id",
            message: "\"../../etc/x\" is not a valid id (letters, digits, \".\", \"_\" and \"-\", starting with a "
                + "letter or digit, at most 100 characters, no \"..\")"),
        BrokenCalendar(
            yaml: campaignHeader + "    hashtags: [\"#\"]\n", line: 6, keyPath: "campaigns[0].hashtags[0]",
            message: "\"#\" is not a hashtag"),
        BrokenCalendar(
            yaml: "timezone: UTC\ncampaigns:\n  - id: a\n    start: 2020-05-04\n    end: 2020-05-17\n    id: b\n",
            line: 6, keyPath: "campaigns[0].id", message: "duplicate key (first at line 3)"),
        BrokenCalendar(
            yaml: "timezone: UTC\nlanguage: en\ntimezone: Europe/Paris\n",
            line: 3, keyPath: "timezone", message: "duplicate key (first at line 1)"),
        BrokenCalendar(
            yaml: campaignHeader + "    baseline: {start: 2020-04-01, start: 2020-04-02}\n",
            line: 6, keyPath: "campaigns[0].baseline.start", message: "duplicate key (first at line 6)"),
    ]

    @Test(arguments: brokenCalendars)
    func namesEachMistakeWithItsKeyPathAndLine(broken: BrokenCalendar) throws {
        let error = try #require(Self.parseError(broken.yaml))
        #expect(error.message == broken.message)
        #expect(error.keyPath == broken.keyPath)
        #expect(error.line == broken.line)
        #expect(error.file == "campaigns.yaml")
        #expect(!error.isIOError)
    }

    @Test func printsErrorsAsFileLineColumnKeyPathAndMessage() throws {
        let yaml = "timezone: UTC\ncampaigns:\n  - id: nah\n    start: 2020-11-05\n    end: 2020-11-31\n"
        let error = try #require(Self.parseError(yaml))
        #expect(error.description == "campaigns.yaml:5:10: campaigns[0].end: \"2020-11-31\" is not a date")
        let whole = CampaignCalendarError(file: "c.yaml", line: nil, column: nil, keyPath: "", message: "empty")
        #expect(whole.description == "c.yaml: empty")
    }

    @Test func rejectsAPathTraversalCampaignId() throws {
        let yaml = "timezone: UTC\ncampaigns:\n  - {id: ../../etc/x, start: 2020-05-04, end: 2020-05-17}\n"
        let error = try #require(Self.parseError(yaml))
        #expect(error.keyPath == "campaigns[0].id")
        #expect(!CampaignCalendarReader.isSafeIdentifier("a/b"))
        #expect(!CampaignCalendarReader.isSafeIdentifier(".hidden"))
        #expect(!CampaignCalendarReader.isSafeIdentifier("a..b"))
        #expect(!CampaignCalendarReader.isSafeIdentifier(""))
        #expect(CampaignCalendarReader.isSafeIdentifier("banner-119.v2_fr"))
    }

    @Test func reportsAnEmptyDocument() throws {
        let error = try #require(Self.parseError("# nothing yet\n"))
        #expect(error.message == "the document is empty (it must give at least \"timezone\")")
        #expect(error.line == nil)
    }

    @Test func turnsTabIndentationIntoASyntaxErrorWithItsLine() throws {
        let error = try #require(Self.parseError("timezone: UTC\ncampaigns:\n\t- id: a\n"))
        #expect(error.line == 3)
        #expect(error.column != nil)
        #expect(error.keyPath == "")
        #expect(error.message.hasPrefix("invalid YAML: "))
    }

    @Test func turnsAnUndefinedAliasIntoASyntaxErrorWithItsLine() throws {
        let error = try #require(Self.parseError("timezone: UTC\nlanguage: *lang\n"))
        #expect(error.line == 2)
        #expect(error.message.hasPrefix("invalid YAML: found undefined alias"))
    }

    @Test func rejectsBillionLaughsWithoutExpandingIt() throws {
        let yaml = Self.billionLaughs + "campaigns: *l9\n"
        let error = try #require(Self.parseError(yaml))
        #expect(error.line == 2)
        #expect(error.keyPath == "lol0")
        #expect(error.message == "unknown key")
    }

    /// Nine levels of ten aliases: 10⁹ scalars if expanded, written in under 1 kB.
    static let billionLaughs: String = {
        var yaml = "timezone: UTC\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "lol\(level): &l\(level) [\(previous)]\n"
        }
        return yaml
    }()

    @Test(arguments: [
        ("? *l9\n: x\n", 12, 1, "explicit keys (\"? \") are not supported: keys are plain text"),
        ("*l9 : x\n", 12, 1, "an alias (*l9) cannot be used as a key: keys are plain text"),
        ("other: {*l9: x}\n", 12, 9, "an alias (*l9) cannot be used as a key: keys are plain text"),
        (
            "[a, [*l9]]: x\n", 12, 10,
            "a list or mapping holding an alias cannot be used as a key: keys are plain text"
        ),
    ])
    func refusesBillionLaughsUsedAsAKeyBeforeComposingIt(key: String, line: Int, column: Int, message: String) throws {
        // Yams hashes mapping keys to find duplicates; hashing this key would visit 10⁹ nodes.
        let error = try #require(Self.parseError(Self.billionLaughs + key))
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == column)
    }

    @Test func acceptsQuestionMarksAndStarsInsideText() throws {
        let yaml = """
            timezone: UTC
            campaigns:
              - id: a   # *not an alias: just a comment
                name: "Harcelé ? Appelle le 3020 *maintenant*"
                start: 2020-05-04
                end: 2020-05-17
            """
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "c.yaml")
        #expect(calendar.campaigns.first?.name == "Harcelé ? Appelle le 3020 *maintenant*")
    }

    @Test func readsTheSameSmallListThroughAnAlias() throws {
        var yaml = "timezone: UTC\nhelplines: &l0 [\"119\", \"119\", \"119\", \"119\", \"119\"]\n"
        yaml += "campaigns:\n  - id: a\n    start: 2020-05-04\n    end: 2020-05-17\n    helplines: *l0\n"
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "c.yaml")
        #expect(calendar.campaigns.first?.helplines.count == 5)
    }

    @Test func stopsWalkingPastTheNodeBudget() throws {
        let yaml = "timezone: UTC\nholidays: &days [2020-01-01, 2020-05-01, 2020-05-08]\nhelplines: [\"116111\"]\n"
        let root = try #require(try Yams.compose(yaml: yaml))
        var generous = CampaignCalendarReader(file: "c.yaml", nodeBudget: 100)
        #expect(throws: Never.self) { try generous.calendar(from: root) }
        var tight = CampaignCalendarReader(file: "c.yaml", nodeBudget: 5)
        do {
            _ = try tight.calendar(from: root)
            Issue.record("the walk went past its budget")
        } catch {
            #expect(
                error.message == "the document expands to more than 5 nodes (aliases expanded); refusing to read it")
            #expect(error.line == 2)
        }
    }

    @Test func reportsAMissingFileAsAnIOError() throws {
        do {
            _ = try CampaignCalendar.load(contentsOf: "/nonexistent/campaigns.yaml")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.isIOError)
            #expect(error.file == "/nonexistent/campaigns.yaml")
            #expect(error.message.hasPrefix("cannot read the file"))
        }
    }
}
