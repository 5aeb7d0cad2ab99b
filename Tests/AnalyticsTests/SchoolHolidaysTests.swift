import Analytics
import Ingest
import Testing

/// The built-in French school calendar (`SchoolHolidays`), checked on dates the Ministry of Education published.
@Suite("French school holidays")
struct SchoolHolidaysTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }

    @Test func zoneCChristmas2020RanFrom19DecemberTo3January() throws {
        let period = try #require(
            SchoolHolidays.periods.first {
                $0.zone == .c && $0.kind == .christmas && $0.days.start.year == 2020
            })
        #expect(period.days.start == (try Self.day("2020-12-19")))
        #expect(period.days.end == (try Self.day("2021-01-03")))
        #expect(SchoolHolidays.kind(on: try Self.day("2021-01-04"), zone: .c) == nil)
        #expect(SchoolHolidays.kind(on: try Self.day("2020-12-18"), zone: .c) == nil)
    }

    @Test func summer2020BeganOn4JulyForEveryZone() throws {
        for zone in SchoolHolidays.Zone.allCases {
            #expect(SchoolHolidays.kind(on: try Self.day("2020-07-04"), zone: zone) == .summer)
            #expect(SchoolHolidays.kind(on: try Self.day("2020-07-03"), zone: zone) == nil)
            #expect(SchoolHolidays.kind(on: try Self.day("2020-08-31"), zone: zone) == .summer)
            #expect(SchoolHolidays.kind(on: try Self.day("2020-09-01"), zone: zone) == nil)
        }
    }

    @Test func toussaint2020EndedOn1NovemberBeforeTheCampaignAgainstHarassment() throws {
        #expect(SchoolHolidays.kind(on: try Self.day("2020-10-17"), zone: .a) == .toussaint)
        #expect(SchoolHolidays.kind(on: try Self.day("2020-11-01"), zone: .b) == .toussaint)
        #expect(SchoolHolidays.kind(on: try Self.day("2020-11-02"), zone: .c) == nil)
    }

    @Test func winterHolidaysAreStaggeredByZone() throws {
        // February 2021: zone A 6–21 Feb, zone B 20 Feb – 7 Mar, zone C 13–28 Feb.
        let day = try Self.day("2021-02-08")
        #expect(SchoolHolidays.kind(on: day, zone: .a) == .winter)
        #expect(SchoolHolidays.kind(on: day, zone: .b) == nil)
        #expect(SchoolHolidays.kind(on: day, zone: .c) == nil)
        #expect(SchoolHolidays.kind(on: try Self.day("2021-03-07"), zone: .b) == .winter)
    }

    @Test func theTableRunsFromToussaint1990ToTheEndOf2028() {
        let years = Set(SchoolHolidays.periods.map(\.days.start.year))
        #expect(years.min() == SchoolHolidays.coveredYears.lowerBound)
        #expect(years.max() == SchoolHolidays.coveredYears.upperBound)
        for zone in SchoolHolidays.Zone.allCases {
            let summers = SchoolHolidays.periods.filter { $0.zone == zone && $0.kind == .summer }
            #expect(Set(summers.map(\.days.start.year)) == Set(1991...2028))
        }
        #expect(SchoolHolidays.periods.count == 588)
    }

    @Test func mapsTheConfiguredZonesToZones() {
        #expect(SchoolHolidays.zones(.all) == [.a, .b, .c])
        #expect(SchoolHolidays.zones(.c) == [.c])
        #expect(SchoolHolidays.zones(.none).isEmpty)
    }
}
