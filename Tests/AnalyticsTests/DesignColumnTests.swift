import Analytics
import Ingest
import Testing

@Suite("Design columns")
struct DesignColumnTests {
    @Test func eachColumnIsWrittenAsTheTidyFilesHaveAlwaysNamedIt() throws {
        let day = try #require(CivilDate(iso8601: "2020-03-02"))
        let expected: [(DesignColumn, String)] = [
            (.intercept, "intercept"), (.trend, "trend"), (.weekday(2), "tuesday"), (.weekday(7), "sunday"),
            (.holiday, "holiday"), (.contextEvent(id: "lockdown-1"), "context:lockdown-1"),
            (.schoolHoliday(.toussaint), "school:toussaint"), (.rentree, "rentree"),
            (.christmasAndNewYear, "holiday:christmas"), (.bridge, "bridge"), (.eve, "eve"),
            (.recurringPeriod(id: "ramadan"), "period:ramadan"), (.harmonic(.sin, order: 1), "sin1"),
            (.harmonic(.cos, order: 2), "cos2"), (.change(TrendChange(kind: .level, day: day)), "level:2020-03-02"),
            (.change(TrendChange(kind: .slope, day: day)), "slope:2020-03-02"),
        ]
        for (column, name) in expected { #expect(column.name == name) }
    }

    @Test func onlyWeekdaysHolidaysAndTheDaysAroundThemAreDayEffects() {
        let dayEffects: [DesignColumn] = [.weekday(3), .holiday, .christmasAndNewYear, .bridge, .eve]
        let slow: [DesignColumn] = [
            .intercept, .trend, .contextEvent(id: "x"), .schoolHoliday(.summer), .rentree,
            .recurringPeriod(id: "p"), .harmonic(.cos, order: 1),
        ]
        #expect(dayEffects.allSatisfy { $0.isDayEffect })
        #expect(!slow.contains { $0.isDayEffect })
    }

    @Test func theModelsDesignHoldsItsDeclaredEventsAndCalendarTermsAsValues() throws {
        let start = try #require(CivilDate(iso8601: "2019-09-02"))
        var series: [CivilDate: Double] = [:]
        for offset in 0..<300 { series[start.adding(days: offset)] = 100 + Double(offset % 7) * 3 }
        let campaign = try #require(DayRange(start: start.adding(days: 280), end: start.adding(days: 293)))
        let event = try #require(DayRange(start: start.adding(days: 100), end: start.adding(days: 130)))
        let figures = try #require(
            CounterfactualModel(
                series: series, campaign: campaign,
                contextEvents: [ContextStep(id: "strike", days: event)],
                calendarTerms: CalendarTerms(zones: [.c], publicHolidays: [])
            ).estimate().figures)
        #expect(figures.contextEventsAdjustedFor == ["strike"])
        #expect(Array(figures.columns.prefix(2)) == [.intercept, .trend])
        #expect(figures.columns.contains(.schoolHoliday(.toussaint)))
        #expect(figures.columns.contains(.weekday(7)))
    }
}
