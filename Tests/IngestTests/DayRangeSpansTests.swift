import Ingest
import Testing

@Suite("Day ranges that always exist")
struct DayRangeSpansTests {
    let may4 = CivilDate(januaryFirstOf: 2020).adding(days: 124)
    let may17 = CivilDate(januaryFirstOf: 2020).adding(days: 137)

    @Test func oneDayIsARangeFromThatDayToItself() {
        #expect((may4.description, may17.description) == ("2020-05-04", "2020-05-17"))
        let range = DayRange(day: may4)
        #expect((range.start, range.end, range.dayCount) == (may4, may4, 1))
    }

    @Test func coveringTwoDaysGoesFromTheEarlierToTheLaterInEitherOrder() {
        #expect(DayRange(covering: may17, may4) == DayRange(start: may4, end: may17))
        #expect(DayRange(covering: may4, may17) == DayRange(start: may4, end: may17))
    }

    @Test func aRangeOfSomeDaysEndingOrStartingOnADayHoldsThatManyDays() {
        #expect(DayRange(ending: may17, dayCount: 14) == DayRange(start: may4, end: may17))
        #expect(DayRange(starting: may4, dayCount: 14) == DayRange(start: may4, end: may17))
        #expect(DayRange(ending: may17, dayCount: 0) == DayRange(day: may17))
        #expect(DayRange(starting: may4, dayCount: -3) == DayRange(day: may4))
    }

    @Test func wideningAddsDaysOnEachSideAndNeverNarrows() {
        let window = DayRange(covering: may4, may17)
        #expect(
            window.widened(before: 3, after: 2) == DayRange(start: may4.adding(days: -3), end: may17.adding(days: 2)))
        #expect(window.widened(before: -5, after: -5) == window)
    }

    @Test func joiningTwoRangesHoldsBothAndTheDaysBetween() {
        let first = DayRange(day: may4)
        let second = DayRange(day: may17)
        #expect(first.joined(with: second) == DayRange(start: may4, end: may17))
        #expect(second.joined(with: first) == DayRange(start: may4, end: may17))
    }

    @Test(arguments: [1, 1900, 2020, 2021, 9999, 10_000, -44])
    func januaryFirstOfAnyYearIsTheDayThatStartsIt(year: Int) {
        let day = CivilDate(januaryFirstOf: year)
        #expect(day.components.year == year)
        #expect(day.components.month == 1 && day.components.day == 1)
        #expect(day.adding(days: -1).components.year == year - 1)
    }
}
