import Ingest
import Testing

/// `school_holidays:` and `periods:` in `campaigns.yaml` (DESIGN §3.4).
@Suite("School calendar keys of campaigns.yaml")
struct SchoolCalendarKeysTests {
    static func parse(_ yaml: String) throws(CampaignCalendarError) -> CampaignCalendar {
        try CampaignCalendar.parse(yaml: "timezone: Europe/Paris\n" + yaml, file: "campaigns.yaml")
    }

    static func parseError(_ yaml: String) -> CampaignCalendarError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error
        }
    }

    static func range(_ start: String, _ end: String) throws -> DayRange {
        let first = try #require(CivilDate(iso8601: start))
        let last = try #require(CivilDate(iso8601: end))
        return try #require(DayRange(start: first, end: last))
    }

    @Test func leavingSchoolHolidaysOutMeansAllZonesWithTheFrenchHolidaysAndNoneWithAListOfDates() throws {
        let french = try Self.parse("")
        #expect(french.schoolHolidays == nil)
        #expect(french.effectiveSchoolHolidays == .all)
        let listed = try Self.parse("holidays: [2020-12-25]\n")
        #expect(listed.effectiveSchoolHolidays == .none)
        #expect(french.periods.isEmpty)
    }

    @Test(arguments: [
        ("A", SchoolHolidayZones.a), ("b", .b), ("C", .c), ("all", .all), ("ALL", .all), ("none", .none),
    ])
    func readsEachZoneInAnyCase(written: String, zones: SchoolHolidayZones) throws {
        let calendar = try Self.parse("school_holidays: \(written)\n")
        #expect(calendar.schoolHolidays == zones)
        #expect(calendar.effectiveSchoolHolidays == zones)
    }

    @Test func anExplicitZoneAppliesWithAListOfHolidaysToo() throws {
        let calendar = try Self.parse("holidays: [2020-12-25]\nschool_holidays: C\n")
        #expect(calendar.effectiveSchoolHolidays == .c)
    }

    @Test func readsRecurringPeriodsWithTheirOccurrencesInDateOrder() throws {
        let calendar = try Self.parse(
            """
            periods:
              - id: ramadan
                name: Ramadan
                dates:
                  2021: [2021-04-13, 2021-05-12]
                  2020: [2020-04-24, 2020-05-23]
              - id: new-year-week
                dates: { 2020: [2020-12-28, 2021-01-03] }

            """)
        #expect(calendar.periods.count == 2)
        let ramadan = try #require(calendar.periods.first)
        #expect(ramadan.id == "ramadan")
        #expect(ramadan.name == "Ramadan")
        #expect(
            ramadan.occurrences == [
                try Self.range("2020-04-24", "2020-05-23"), try Self.range("2021-04-13", "2021-05-12"),
            ])
        #expect(ramadan.line == 3)
        #expect(ramadan.contains(try #require(CivilDate(iso8601: "2020-05-23"))))
        #expect(!ramadan.contains(try #require(CivilDate(iso8601: "2020-05-24"))))
        #expect(calendar.periods[1].name == nil)
        #expect(calendar.periods[1].occurrences == [try Self.range("2020-12-28", "2021-01-03")])
    }

    static let periodHeader = "periods:\n  - id: ramadan\n"

    static let broken: [BrokenCalendar] = [
        BrokenCalendar(
            yaml: "school_holidays: D\n", line: 2, keyPath: "school_holidays",
            message: "\"D\" is not a school-holiday zone (A, B, C, all or none)"),
        BrokenCalendar(
            yaml: "school_holidays: [A, B]\n", line: 2, keyPath: "school_holidays",
            message: "expected a text value, found a list"),
        BrokenCalendar(
            yaml: "periods: ramadan\n", line: 2, keyPath: "periods", message: "expected a list, found a text value"),
        BrokenCalendar(
            yaml: periodHeader, line: 3, keyPath: "periods[0]", message: "missing required key \"dates\""),
        BrokenCalendar(
            yaml: periodHeader + "    dates: [2020-04-24, 2020-05-23]\n", line: 4, keyPath: "periods[0].dates",
            message: "expected a mapping from each year to [first day, last day], found a list"),
        BrokenCalendar(
            yaml: periodHeader + "    dates: {}\n", line: 4, keyPath: "periods[0].dates",
            message: "expected a mapping from each year to [first day, last day], found a mapping"),
        BrokenCalendar(
            yaml: periodHeader + "    dates:\n      twenty: [2020-04-24, 2020-05-23]\n", line: 5,
            keyPath: "periods[0].dates.twenty", message: "\"twenty\" is not a year"),
        BrokenCalendar(
            yaml: periodHeader + "    dates:\n      2020: [2020-04-24]\n", line: 5, keyPath: "periods[0].dates.2020",
            message: "expected [first day, last day], found a list of 1 item(s)"),
        BrokenCalendar(
            yaml: periodHeader + "    dates:\n      2020: [2020-04-24, 2020-04-31]\n", line: 5,
            keyPath: "periods[0].dates.2020[1]", message: "\"2020-04-31\" is not a date"),
        BrokenCalendar(
            yaml: periodHeader + "    dates:\n      2020: [2021-04-13, 2021-05-12]\n", line: 5,
            keyPath: "periods[0].dates.2020[0]", message: "2021-04-13 is not in 2020"),
        BrokenCalendar(
            yaml: periodHeader + "    dates:\n      2020: [2020-05-23, 2020-04-24]\n", line: 5,
            keyPath: "periods[0].dates.2020[1]", message: "2020-04-24 is before 2020-05-23"),
        BrokenCalendar(
            yaml: periodHeader
                + "    dates:\n      2020: [2020-04-24, 2021-05-12]\n      2021: [2021-04-13, 2021-05-12]\n",
            line: 6, keyPath: "periods[0].dates.2021",
            message: "2021-04-13 to 2021-05-12 overlaps the occurrence 2020-04-24 to 2021-05-12"),
        BrokenCalendar(
            yaml: periodHeader + "    when: 2020\n", line: 4, keyPath: "periods[0].when", message: "unknown key"),
        BrokenCalendar(
            yaml: "periods:\n  - {id: a, dates: {2020: [2020-01-01, 2020-01-02]}}\n"
                + "  - {id: a, dates: {2021: [2021-01-01, 2021-01-02]}}\n",
            line: 4, keyPath: "periods[1].id", message: "duplicate period id \"a\" (first declared at line 3)"),
        BrokenCalendar(
            yaml: "periods:\n  - {id: ../x, dates: {2020: [2020-01-01, 2020-01-02]}}\n", line: 3,
            keyPath: "periods[0].id",
            message: "\"../x\" is not a valid id (letters, digits, \".\", \"_\" and \"-\", starting with a letter or "
                + "digit, at most 100 characters, no \"..\")"),
    ]

    @Test(arguments: broken)
    func namesEachMistakeWithItsKeyPathLineAndColumn(broken: BrokenCalendar) throws {
        let error = try #require(Self.parseError(broken.yaml))
        #expect(error.message == broken.message)
        #expect(error.keyPath == broken.keyPath)
        #expect(error.line == broken.line)
        #expect(error.column != nil)
    }

    @Test func locatesABadZoneAtItsValue() throws {
        let error = try #require(Self.parseError("school_holidays: D\n"))
        #expect(
            error.description
                == "campaigns.yaml:2:18: school_holidays: \"D\" is not a school-holiday zone (A, B, C, all or none)")
    }
}
