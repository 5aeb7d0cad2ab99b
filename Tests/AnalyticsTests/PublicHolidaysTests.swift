import Analytics
import Ingest
import Testing

@Suite("French public holidays")
struct PublicHolidaysTests {
    @Test func franceIn2020MatchesTheReferenceList() throws {
        let expected = [
            "2020-01-01", "2020-04-13", "2020-05-01", "2020-05-08", "2020-05-21", "2020-06-01",
            "2020-07-14", "2020-08-15", "2020-11-01", "2020-11-11", "2020-12-25",
        ]
        #expect(PublicHolidays.france(year: 2020).map(\.description) == expected)
    }

    @Test(arguments: [(2019, "2019-04-21"), (2024, "2024-03-31"), (2038, "2038-04-25"), (2000, "2000-04-23")])
    func easterSundayIsComputedForAnyYear(year: Int, easter: String) {
        #expect(PublicHolidays.easterSunday(year: year)?.description == easter)
    }
}
