import Analytics
import Foundation
import Ingest
import Testing

@Suite("ISO-8601 weeks")
struct ISOWeekTests {
    private func date(_ text: String) throws -> CivilDate {
        try #require(CivilDate(iso8601: text))
    }

    @Test func everyDayFrom2000To2040FallsInTheWeekFoundationComputes() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = try date("2000-01-01")
        let last = try date("2040-12-31")
        var mismatches: [String] = []
        for offset in 0...first.days(to: last) {
            let day = first.adding(days: offset)
            let instant = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200)
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: instant)
            let week = ISOWeek(containing: day)
            if week.year != parts.yearForWeekOfYear || week.week != parts.weekOfYear {
                mismatches.append("\(day): \(week) vs \(parts)")
            }
            if !week.days.contains(day) || week.monday.isoWeekday != 1 {
                mismatches.append("\(day): outside \(week.monday)…\(week.sunday)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func year2020HasFiftyThreeWeeksAndItsLastRunsIntoJanuary2021() throws {
        #expect(ISOWeek.weeksInYear(2020) == 53)
        #expect(ISOWeek.weeksInYear(2019) == 52)
        let week53 = try #require(ISOWeek(year: 2020, week: 53))
        #expect(week53.monday == (try date("2020-12-28")))
        #expect(week53.sunday == (try date("2021-01-03")))
        #expect(week53.days.dayCount == 7)
        #expect(ISOWeek(containing: try date("2021-01-03")) == week53)
        #expect(week53.next == ISOWeek(year: 2021, week: 1))
        #expect(ISOWeek(year: 2021, week: 1)?.previous == week53)
    }

    @Test(arguments: [("2020-03-17", "2020-W12"), ("2020-05-04", "2020-W19"), ("2020-11-05", "2020-W45")])
    func referenceDaysFallInTheirPublishedWeeks(day: String, week: String) throws {
        #expect(ISOWeek(containing: try date(day)).description == week)
    }

    @Test func parsesTheCanonicalFormAndRejectsWeeksThatDoNotExist() {
        #expect(ISOWeek(parsing: "2020-W45") == ISOWeek(year: 2020, week: 45))
        #expect(ISOWeek(parsing: "2020-W53") == ISOWeek(year: 2020, week: 53))
        #expect(ISOWeek(parsing: "2021-W53") == nil)
        #expect(ISOWeek(parsing: "2020-W54") == nil)
        #expect(ISOWeek(parsing: "2020-W00") == nil)
        #expect(ISOWeek(parsing: "2020W45") == nil)
        #expect(ISOWeek(parsing: "2020-w45") == nil)
        #expect(ISOWeek(parsing: "2020-W4a") == nil)
    }

    @Test func descriptionPadsTheWeekNumber() {
        #expect(ISOWeek(year: 2021, week: 1)?.description == "2021-W01")
    }

    @Test func sameWeekLastYearKeepsTheWeekNumberAndWeekday() throws {
        let week = try #require(ISOWeek(parsing: "2020-W45"))
        let lastYear = try #require(week.sameWeekLastYear)
        #expect(lastYear.description == "2019-W45")
        #expect(lastYear.monday.days(to: week.monday) == 364)
        #expect(ISOWeek(year: 2020, week: 53)?.sameWeekLastYear == nil)
        // Two 53-week years are never consecutive, so week 53 never has a counterpart.
        #expect(ISOWeek(year: 2015, week: 53)?.sameWeekLastYear == nil)
        #expect(ISOWeek(year: 2016, week: 1)?.sameWeekLastYear?.description == "2015-W01")
    }

    @Test func weeksOrderByYearThenNumber() throws {
        let late2020 = try #require(ISOWeek(year: 2020, week: 53))
        let early2021 = try #require(ISOWeek(year: 2021, week: 1))
        #expect(late2020 < early2021)
        #expect(try #require(ISOWeek(year: 2020, week: 2)) > (try #require(ISOWeek(year: 2020, week: 1))))
    }
}
