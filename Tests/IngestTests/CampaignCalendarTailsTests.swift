import Ingest
import Testing

/// `carryover:` of a campaign and `ends_over:`/`return:` of a context event (DESIGN §3.4).
@Suite("Campaign calendar: carry-over and gradual returns")
struct CampaignCalendarTailsTests {
    static let head = """
        timezone: Europe/Paris
        campaigns:
          - id: a
            start: 2020-05-04
            end: 2020-05-17

        """

    static func calendar(_ yaml: String) throws -> CampaignCalendar {
        try CampaignCalendar.parse(yaml: yaml, file: "campaigns.yaml")
    }

    @Test func givesACampaignTwoWeeksOfCarryOverByDefault() throws {
        let calendar = try Self.calendar(Self.head)
        #expect(calendar.campaigns.first?.carryover == 14)
    }

    @Test(arguments: [("0", 0), ("30", 30), ("3650", 3650)])
    func readsTheCarryOverInDays(written: String, days: Int) throws {
        let calendar = try Self.calendar(Self.head + "    carryover: \(written)\n")
        #expect(calendar.campaigns.first?.carryover == days)
    }

    @Test(arguments: [
        ("-1", "-1 is not between 0 and 3650 days"),
        ("3651", "3651 is not between 0 and 3650 days"),
        ("14.5", "\"14.5\" is not a whole number of days (such as 14)"),
        ("two weeks", "\"two weeks\" is not a whole number of days (such as 14)"),
        ("[14]", "expected a text value, found a list"),
    ])
    func refusesACarryOverThatIsNotANonNegativeWholeNumberWithItsPlace(written: String, message: String) throws {
        let error = try #require(CampaignCalendarTests.parseError(Self.head + "    carryover: \(written)\n"))
        #expect(error.message == message)
        #expect(error.keyPath == "campaigns[0].carryover")
        #expect(error.line == 6)
        #expect(error.column == 16)
    }

    static let context = """
        timezone: Europe/Paris
        context:
          - id: lockdown-1
            start: 2020-03-17
            end: 2020-05-10

        """

    @Test func endsAnEventOnItsLastDayWhenItDeclaresNoReturn() throws {
        let calendar = try Self.calendar(Self.context)
        #expect(calendar.context.first?.gradualReturn == nil)
    }

    @Test func readsALinearReturnByDefaultAndAnExponentialOneWhenAsked() throws {
        let linear = try Self.calendar(Self.context + "    ends_over: 14\n")
        #expect(linear.context.first?.gradualReturn == ContextReturn(days: 14, shape: .linear))
        let exponential = try Self.calendar(Self.context + "    ends_over: 21\n    return: exponential\n")
        #expect(exponential.context.first?.gradualReturn == ContextReturn(days: 21, shape: .exponential))
        let stated = try Self.calendar(Self.context + "    return: linear\n    ends_over: 7\n")
        #expect(stated.context.first?.gradualReturn == ContextReturn(days: 7, shape: .linear))
    }

    @Test func takesAReturnOverNoDaysAsAnAbruptEnd() throws {
        let calendar = try Self.calendar(Self.context + "    ends_over: 0\n")
        #expect(calendar.context.first?.gradualReturn == nil)
    }

    @Test(arguments: [
        ("    ends_over: -3\n", "context[0].ends_over", 6, 16, "-3 is not between 0 and 3650 days"),
        (
            "    ends_over: soon\n", "context[0].ends_over", 6, 16,
            "\"soon\" is not a whole number of days (such as 14)"
        ),
        (
            "    ends_over: 14\n    return: sudden\n", "context[0].return", 7, 13,
            "\"sudden\" is not a return shape (linear or exponential)"
        ),
        (
            "    return: linear\n", "context[0].return", 6, 13,
            "\"return\" needs \"ends_over\": the number of days over which the effect ends"
        ),
        ("    fades: 14\n", "context[0].fades", 6, 5, "unknown key"),
    ])
    func refusesAMalformedReturnWithItsPlace(
        lines: String, keyPath: String, line: Int, column: Int, message: String
    ) throws {
        let error = try #require(CampaignCalendarTests.parseError(Self.context + lines))
        #expect(error.message == message)
        #expect(error.keyPath == keyPath)
        #expect(error.line == line)
        #expect(error.column == column)
    }
}
