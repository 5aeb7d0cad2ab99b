import Analytics
import Foundation
import Ingest
import Testing

/// `WeekChange` over ranges of days, `ComparisonPeriod` and `SeriesPattern` (DESIGN §4.4, §2 `compare`).
@Suite("Changes between ranges of days")
struct PeriodChangeTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }
    static func range(_ start: String, _ end: String) throws -> DayRange {
        try #require(DayRange(start: try day(start), end: try day(end)))
    }

    /// 14 days of 15 calls against 7 days of 10, independent Poisson days: RR = 15/10, se = √(1/210 + 1/70)
    /// = √(4/210) = 0.1380131 (by hand), interval 1.5·exp(±1.959964·se) − 1 = +14.450% … +96.593%.
    @Test func rangesOfDifferentLengthsCompareDailyMeans() throws {
        var values: [CivilDate: Double] = [:]
        for day in try Self.range("2020-05-04", "2020-05-17").days { values[day] = 15 }
        for day in try Self.range("2020-04-20", "2020-04-26").days { values[day] = 10 }
        let series = DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)
        let change = try #require(
            WeekChange.between(
                try Self.range("2020-05-04", "2020-05-17"), and: try Self.range("2020-04-20", "2020-04-26"),
                in: series, noise: .poisson))
        #expect(change.basis == .dailyMean)
        #expect(change.comparedDays == 14)
        #expect(abs(change.estimate - 0.5) < 1e-12)
        #expect(abs(change.interval.lower - 0.144_50) < 1e-5)
        #expect(abs(change.interval.upper - 0.965_93) < 1e-5)
    }

    /// Ten days against the ten before, the first three days of the reference missing: only the seven days at the
    /// same positions that both have data are compared (70 calls at 10 a day against 7 × 8 = 56).
    @Test func rangesOfEqualLengthCompareTheDaysAtTheSamePositions() throws {
        var values: [CivilDate: Double] = [:]
        for day in try Self.range("2020-05-11", "2020-05-20").days { values[day] = 10 }
        for day in try Self.range("2020-05-04", "2020-05-10").days { values[day] = 8 }
        let series = DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)
        let change = try #require(
            WeekChange.between(
                try Self.range("2020-05-11", "2020-05-20"), and: try Self.range("2020-05-01", "2020-05-10"),
                in: series, noise: .poisson))
        #expect(change.basis == .sameDays)
        #expect(change.comparedDays == 7)
        #expect(abs(change.estimate - 0.25) < 1e-12)
        #expect(change.comparedWeekdays.isEmpty)
    }

    /// A week of no calls against a week whose days are each at the largest count (2⁶³ − 1): the reference total
    /// is past what the exact interval counts in, so there is no change rather than a trap, and the weekly
    /// summary still gives the week's total.
    @Test func aReferenceTotalPastTheLargestCountGivesNoChangeAndNoTrap() throws {
        let week = try #require(ISOWeek(parsing: "2020-W19"))
        var values: [CivilDate: Double] = [:]
        for day in week.days.days { values[day] = 0 }
        for day in week.previous.days.days { values[day] = Double(Int64.max) }
        let series = DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)
        #expect(WeekChange.between(week, and: week.previous, in: series) == nil)
        #expect(WeekChange.between(week.previous, and: week, in: series) == nil)
        let rows = WeeklySummary.rows(series: [series], campaigns: [])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.changeVsPrevious == nil })
        #expect(rows.last?.value == 0)
    }

    /// A CTR week whose impressions add up past the largest count has no CTR in the weekly summary, rather than one
    /// of totals stopped at the largest count (1.0 here), and no change against its neighbours.
    @Test func aCTRWeekWhoseTotalsOverflowHasNoValue() throws {
        let week = try #require(ISOWeek(parsing: "2020-W19"))
        let points = [week.monday, week.monday.adding(days: 1), week.next.monday].map {
            SeriesPoint(date: $0, successes: Int64.max / 4, trials: Int64.max)
        }
        let series = DailySeries(name: SeriesName(metric: .ctr, key: "banner-119"), points: points)
        let rows = WeeklySummary.rows(series: [series])
        #expect(rows.map(\.week) == [week, week.next])
        #expect(rows.first?.value == nil)
        #expect(rows.last.flatMap(\.value).map { abs($0 - 0.25) < 1e-9 } == true)
        #expect(rows.allSatisfy { $0.changeVsPrevious == nil })
    }

    @Test func aWeekIsStillComparedOnTheSameWeekdays() throws {
        let week = try #require(ISOWeek(parsing: "2020-W19"))
        var values: [CivilDate: Double] = [:]
        for offset in 0..<2 { values[week.monday.adding(days: offset)] = 12 }
        for day in week.previous.days.days { values[day] = 6 }
        let series = DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)
        let byWeek = try #require(WeekChange.between(week, and: week.previous, in: series, noise: .poisson))
        let byDays = try #require(WeekChange.between(week.days, and: week.previous.days, in: series, noise: .poisson))
        #expect(byWeek == byDays)
        #expect(byWeek.comparedWeekdays == [1, 2])
        #expect(abs(byWeek.estimate - 1) < 1e-12)
    }

    @Test func periodsNameThemselvesAsWeeksOrRanges() throws {
        let week = ComparisonPeriod(week: try #require(ISOWeek(parsing: "2020-W19")))
        #expect(week.description == "2020-W19")
        #expect(week.previous.description == "2020-W18")
        #expect(week.lastYear.description == "2019-W19")
        let range = ComparisonPeriod(days: try Self.range("2020-05-04", "2020-05-17"))
        #expect(range.description == "2020-05-04..2020-05-17")
        #expect(range.previous.description == "2020-04-20..2020-05-03")
        #expect(range.lastYear.days == (try Self.range("2019-05-06", "2019-05-19")))
        #expect(range.lastYear.days.start.isoWeekday == range.days.start.isoWeekday)
        #expect(ComparisonPeriod(days: try Self.range("2020-05-05", "2020-05-11")).week == nil)
    }

    @Test(arguments: [
        ("calls:*", "calls:119", true), ("calls:*", "answered:119", false), ("calls:119", "calls:119", true),
        ("calls:119", "calls:1190", false), ("calls:11", "calls:119", false), ("*:119", "answered:119", true),
        ("ctr:*:search", "ctr:banner-119:search", true), ("ctr:*:search", "ctr:banner-119", false),
        ("*", "videos:x", true), ("c*s*9", "calls:119", true), ("c*s*9", "calls:3020", false),
        ("calls:*9*", "calls:9", true), ("a*a", "a", false),
    ])
    func patternsMatchWholeNames(pattern: String, name: String, matches: Bool) throws {
        #expect(try #require(SeriesPattern(pattern)).matches(name) == matches)
    }

    @Test func selectingNamesThePatternsThatMatchNothing() throws {
        let series = ["calls:119", "calls:3020", "videos:x"].compactMap(SeriesName.init(parsing:)).map {
            DailySeries(name: $0, values: [CivilDate(daysSinceEpoch: 0): 1])
        }
        #expect(series.count == 3)
        let patterns = ["calls:*", "views:*"].compactMap(SeriesPattern.init)
        let (selected, unmatched) = SeriesPattern.select(series, patterns)
        #expect(selected.map(\.name.description) == ["calls:119", "calls:3020"])
        #expect(unmatched.map(\.text) == ["views:*"])
        #expect(SeriesPattern("") == nil)
    }
}
