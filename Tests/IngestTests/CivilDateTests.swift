import Ingest
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test(arguments: ["2020-02-30", "2019-02-29", "2020-13-01", "0000-01-01", "2020-1-01", "2020/01/01", " 2020-01-01"])
    func rejectsTextThatIsNotARealDay(text: String) {
        #expect(CivilDate(iso8601: text) == nil)
    }

    @Test func roundTripsEveryDayFromYear1To9999Boundaries() throws {
        for text in ["0001-01-01", "1970-01-01", "2020-02-29", "2020-12-31", "9999-12-31"] {
            let date = try #require(CivilDate(iso8601: text))
            #expect(date.description == text)
        }
        #expect(CivilDate(iso8601: "1970-01-02")?.daysSinceEpoch == 1)
    }

    @Test func knowsTheIsoWeekday() throws {
        #expect(try #require(CivilDate(iso8601: "2020-05-04")).isoWeekday == 1)
        #expect(try #require(CivilDate(iso8601: "2020-03-17")).isoWeekday == 2)
        #expect(try #require(CivilDate(iso8601: "2020-11-08")).isoWeekday == 7)
        #expect(try #require(CivilDate(iso8601: "1969-12-31")).isoWeekday == 3)
    }
}
