import Foundation
import Ingest
import Testing

/// The published figures of `shared/reference/published-figures.md`, checked on the committed `Data/` files.
@Suite struct CalibrationTests {
    let calls: [String: Int]

    init() throws {
        calls = try SampleDataFolder.calls()
    }

    func total(_ helpline: String, _ from: String, _ through: String) throws -> Int {
        let start = try #require(CivilDate(iso8601: from))
        let end = try #require(CivilDate(iso8601: through))
        let range = try #require(DayRange(start: start, end: end))
        var sum = 0
        for day in range.days {
            sum += try #require(calls["\(helpline):\(day)"], "no \(helpline) calls on \(day)")
        }
        return sum
    }

    @Test func calls119InTheFirstLockdownAre56Point2PercentAbove2019() throws {
        let ratio =
            Double(try total("119", "2020-03-18", "2020-05-10")) / Double(try total("119", "2019-03-18", "2019-05-10"))
        #expect(abs(ratio - 1.562) <= 0.02)
    }

    @Test func calls119InTheWeekOf13AprilAre89PercentAbove2019() throws {
        let ratio =
            Double(try total("119", "2020-04-13", "2020-04-19")) / Double(try total("119", "2019-04-13", "2019-04-19"))
        #expect(abs(ratio - 1.8935) <= 0.05)
    }

    @Test func calls119AreAbout700ADayInNormalWeeksOf2019() throws {
        let holidays = Set(PublicHolidays2019.days)
        var monday = try #require(CivilDate(iso8601: "2019-01-07"))
        var sum = 0
        var days = 0
        while monday.adding(days: 6).year == 2019 {
            let week = (0..<7).map { monday.adding(days: $0) }
            if !week.contains(where: holidays.contains) {
                sum += try total("119", week[0].description, week[6].description)
                days += 7
            }
            monday = monday.adding(days: 7)
        }
        let mean = Double(sum) / Double(days)
        #expect(days >= 35 * 7)
        #expect((665...735).contains(mean))
    }

    @Test func calls3919Are200To250OnWeekdaysBeforeTheLaunch() throws {
        let holidays = Set(PublicHolidays2019.days)
        let start = try #require(CivilDate(iso8601: "2019-06-01"))
        let weekdays = (0..<92).map { start.adding(days: $0) }.filter { $0.isoWeekday <= 5 && !holidays.contains($0) }
        var sum = 0
        for day in weekdays { sum += try total("3919", day.description, day.description) }
        #expect((200...250).contains(Double(sum) / Double(weekdays.count)))
    }

    @Test func calls3919Reach1400To1900OnTheLaunchDay() throws {
        #expect((1_400...1_900).contains(try total("3919", "2019-09-03", "2019-09-03")))
    }

    @Test func calls3919OnTheLaunchDayAre4To7TimesANormalTuesday() throws {
        let holidays = Set(PublicHolidays2019.days)
        let start = try #require(CivilDate(iso8601: "2019-06-01"))
        let tuesdays = (0..<92).map { start.adding(days: $0) }.filter { $0.isoWeekday == 2 && !holidays.contains($0) }
        var sum = 0
        for day in tuesdays { sum += try total("3919", day.description, day.description) }
        let normal = Double(sum) / Double(tuesdays.count)
        let launch = Double(try total("3919", "2019-09-03", "2019-09-03"))
        #expect(tuesdays.count == 13)
        #expect((4...7).contains(launch / normal))
    }

    @Test func calls3020Total70To85ThousandOverASchoolYear() throws {
        #expect((70_000...85_000).contains(try total("3020", "2019-09-01", "2020-08-31")))
    }
}

/// The French public holidays of 2019, written out so the test does not rely on the code it checks.
enum PublicHolidays2019 {
    static let days: [CivilDate] = [
        "2019-01-01", "2019-04-22", "2019-05-01", "2019-05-08", "2019-05-30", "2019-06-10", "2019-07-14",
        "2019-08-15", "2019-11-01", "2019-11-11", "2019-12-25",
    ].compactMap { CivilDate(iso8601: $0) }
}
