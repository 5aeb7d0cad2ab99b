import Analytics
import Foundation
import Ingest
import Testing

/// The calendar columns of the counterfactual model's design (`CalendarTerms`), by hand on a few days.
@Suite("Calendar columns of the counterfactual model")
struct CalendarTermsTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }

    static let holidays = Set((2018...2022).flatMap { PublicHolidays.france(year: $0) })
    static let all = CalendarTerms(zones: SchoolHolidays.Zone.allCases, publicHolidays: holidays)

    /// The values by column name on `text`.
    static func values(_ terms: CalendarTerms, _ text: String) throws -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(terms.columns.map(\.name), terms.values(on: try day(text))))
    }

    @Test func namesTheSchoolRentreeHolidayAndPeriodColumnsInOrder() throws {
        let ramadan = RecurringPeriod(id: "ramadan", occurrences: [])
        let terms = CalendarTerms(zones: [.c], publicHolidays: Self.holidays, periods: [ramadan])
        #expect(
            terms.columns.map(\.name) == [
                "school:summer", "school:christmas", "school:winter", "school:spring", "school:toussaint", "rentree",
                "holiday:christmas", "bridge", "eve", "period:ramadan",
            ])
        #expect(CalendarTerms.none.columns.isEmpty)
        #expect(
            CalendarTerms(zones: [], publicHolidays: [], periods: [ramadan]).columns == [
                .recurringPeriod(id: "ramadan")
            ])
    }

    @Test func theWinterColumnIsTheShareOfZonesOnHoliday() throws {
        // 8 Feb 2021: only zone A (6–21 Feb); 15 Feb: A and C; 1 Mar: B alone (20 Feb – 7 Mar).
        #expect(try Self.values(Self.all, "2021-02-08")["school:winter"] == 1.0 / 3)
        #expect(try Self.values(Self.all, "2021-02-15")["school:winter"] == 2.0 / 3)
        #expect(try Self.values(Self.all, "2021-03-01")["school:winter"] == 1.0 / 3)
        let zoneC = CalendarTerms(zones: [.c], publicHolidays: [])
        #expect(try Self.values(zoneC, "2021-02-08")["school:winter"] == 0)
        #expect(try Self.values(zoneC, "2021-02-15")["school:winter"] == 1)
    }

    @Test func summerChristmasAndToussaintAreWholeOnDaysEveryZoneIsOff() throws {
        let summer = try Self.values(Self.all, "2020-07-04")
        #expect(summer["school:summer"] == 1)
        #expect(summer["school:christmas"] == 0)
        #expect(try Self.values(Self.all, "2020-12-19")["school:christmas"] == 1)
        #expect(try Self.values(Self.all, "2020-10-20")["school:toussaint"] == 1)
        let schoolDay = try Self.values(Self.all, "2020-11-05")
        for kind in CalendarTerms.schoolKinds { #expect(schoolDay["school:\(kind.rawValue)"] == 0) }
    }

    @Test func theRentreeCoversTheFourteenDaysAfterTheSummerHolidays() throws {
        #expect(try Self.values(Self.all, "2020-08-31")["rentree"] == 0)
        #expect(try Self.values(Self.all, "2020-09-01")["rentree"] == 1)
        #expect(try Self.values(Self.all, "2020-09-14")["rentree"] == 1)
        #expect(try Self.values(Self.all, "2020-09-15")["rentree"] == 0)
    }

    @Test func christmasAndNewYearHaveTheirOwnColumn() throws {
        for text in ["2020-12-24", "2020-12-25", "2020-12-26", "2020-12-31", "2021-01-01"] {
            let values = try Self.values(Self.all, text)
            #expect(values["holiday:christmas"] == 1, "\(text)")
            #expect(values["eve"] == 0, "\(text)")
        }
        #expect(try Self.values(Self.all, "2020-12-27")["holiday:christmas"] == 0)
        #expect(try Self.values(Self.all, "2021-01-02")["holiday:christmas"] == 0)
    }

    @Test func aBridgeDayLiesBetweenAPublicHolidayAndAWeekend() throws {
        // Ascension Thursday 21 May 2020: Friday 22 is a bridge day, Wednesday 20 its eve.
        let friday = try Self.values(Self.all, "2020-05-22")
        #expect(friday["bridge"] == 1)
        #expect(friday["eve"] == 0)
        let wednesday = try Self.values(Self.all, "2020-05-20")
        #expect(wednesday["bridge"] == 0)
        #expect(wednesday["eve"] == 1)
        #expect(try Self.values(Self.all, "2020-05-21")["bridge"] == 0)
        // 14 July 2020 was a Tuesday: Monday 13 is a bridge day, not an eve.
        let monday = try Self.values(Self.all, "2020-07-13")
        #expect(monday["bridge"] == 1)
        #expect(monday["eve"] == 0)
        // 8 May 2020 was a Friday: Thursday 7 is its eve, and no day bridges it to the weekend.
        #expect(try Self.values(Self.all, "2020-05-07")["eve"] == 1)
        #expect(try Self.values(Self.all, "2020-05-07")["bridge"] == 0)
        #expect(try Self.values(Self.all, "2020-05-11")["bridge"] == 0)
    }

    @Test func aRecurringPeriodIsOneOnItsDaysOnly() throws {
        let first = try #require(DayRange(start: try Self.day("2020-04-24"), end: try Self.day("2020-05-23")))
        let terms = CalendarTerms(
            zones: [], publicHolidays: [], periods: [RecurringPeriod(id: "ramadan", occurrences: [first])])
        #expect(try Self.values(terms, "2020-04-24")["period:ramadan"] == 1)
        #expect(try Self.values(terms, "2020-05-23")["period:ramadan"] == 1)
        #expect(try Self.values(terms, "2020-05-24")["period:ramadan"] == 0)
    }

    /// Calls on a noiseless background with the school calendar's factors: summer ×0.65, Christmas ×0.75, the
    /// others ×0.85 per zone on holiday, bridge days ×0.8. The model gives back their logarithms.
    @Test func aNoiselessSeriesGivesBackTheLogarithmsOfItsSchoolFactors() throws {
        let start = try Self.day("2018-09-01")
        let campaign = try #require(DayRange(start: try Self.day("2020-09-07"), end: try Self.day("2020-09-20")))
        var series: [CivilDate: Double] = [:]
        let terms = Self.all
        for offset in 0..<(start.days(to: campaign.end) + 1) {
            let day = start.adding(days: offset)
            let values = Dictionary(uniqueKeysWithValues: zip(terms.columns.map(\.name), terms.values(on: day)))
            var mean = 400.0 * (day.isoWeekday >= 6 ? 0.7 : 1)
            mean *= pow(0.65, values["school:summer"] ?? 0) * pow(0.75, values["school:christmas"] ?? 0)
            for kind in ["winter", "spring", "toussaint"] { mean *= pow(0.85, values["school:\(kind)"] ?? 0) }
            mean *= pow(0.8, values["bridge"] ?? 0)
            series[day] = mean
        }
        let model = CounterfactualModel(
            series: series, campaign: campaign, holidays: Self.holidays, calendarTerms: terms)
        let figures = try #require(model.estimate().figures)
        let coefficients = Dictionary(uniqueKeysWithValues: zip(figures.columns.map(\.name), figures.coefficients))
        #expect(abs((coefficients["school:summer"] ?? 0) - log(0.65)) < 1e-4)
        #expect(abs((coefficients["school:christmas"] ?? 0) - log(0.75)) < 1e-4)
        #expect(abs((coefficients["school:winter"] ?? 0) - log(0.85)) < 1e-4)
        #expect(abs((coefficients["bridge"] ?? 0) - log(0.8)) < 1e-4)
        #expect(abs(figures.uplift) < 1e-4)
    }

    @Test func aColumnTheFittedDaysCannotIdentifyIsDroppedAndNoted() throws {
        // Fitted on 1 Sep – 30 Nov 2020: no summer, Christmas, winter or spring holiday day among them.
        let start = try Self.day("2020-09-01")
        var series: [CivilDate: Double] = [:]
        for offset in 0..<120 { series[start.adding(days: offset)] = 100 + Double(offset % 7) }
        let campaign = try #require(DayRange(start: try Self.day("2020-12-01"), end: try Self.day("2020-12-14")))
        let estimate = CounterfactualModel(
            series: series, campaign: campaign, holidays: Self.holidays, calendarTerms: Self.all
        ).estimate()
        let figures = try #require(estimate.figures)
        #expect(figures.columns.contains(.schoolHoliday(.toussaint)))
        #expect(figures.columns.contains(.rentree))
        #expect(!figures.columns.contains(.schoolHoliday(.summer)))
        #expect(
            estimate.notes.contains(
                .calendarColumnsDropped([
                    .schoolHoliday(.summer), .schoolHoliday(.christmas), .schoolHoliday(.winter),
                    .schoolHoliday(.spring), .christmasAndNewYear, .bridge,
                ])))
        #expect(!estimate.notes.contains(.columnDropped(.schoolHoliday(.summer))))
    }
}

extension CalendarTermsTests {
    @Test func aCalendarColumnEqualToAContextEventOverTheFittedDaysGivesWayToIt() throws {
        // A context event declared for the Christmas holidays of 2019 (21 Dec – 5 Jan), the same days as the
        // school:christmas column: the design keeps the event and drops the calendar column.
        let start = try Self.day("2019-09-02")
        var series: [CivilDate: Double] = [:]
        for offset in 0..<230 { series[start.adding(days: offset)] = 100 + Double(offset % 7) * 3 }
        let campaign = try #require(DayRange(start: try Self.day("2020-03-20"), end: try Self.day("2020-03-31")))
        let holidays = try #require(DayRange(start: try Self.day("2019-12-21"), end: try Self.day("2020-01-05")))
        let estimate = CounterfactualModel(
            series: series, campaign: campaign, holidays: Self.holidays,
            contextEvents: [ContextStep(id: "winter-break", days: holidays)], calendarTerms: Self.all
        ).estimate()
        let figures = try #require(estimate.figures)
        #expect(figures.columns.contains(.contextEvent(id: "winter-break")))
        #expect(!figures.columns.contains(.schoolHoliday(.christmas)))
        #expect(
            estimate.notes.contains { note in
                if case .calendarColumnsDropped(let columns) = note {
                    return columns.contains(.schoolHoliday(.christmas))
                }
                return false
            })
    }
}
