import Ingest

/// An ISO-8601 week: Monday to Sunday, numbered 1–52 or 1–53 within its week-based year.
///
/// Week 1 is the week that contains the year's first Thursday (equivalently, 4 January), so the
/// week-based year can differ from the calendar year of a day near New Year: Sunday 3 January 2021
/// lies in 2020-W53. Ordering is by year, then week.
public struct ISOWeek: Hashable, Comparable, Sendable {
    /// The ISO week-based year (the calendar year of the week's Thursday).
    public let year: Int
    /// The week number, 1 through 52 or 53.
    public let week: Int

    /// Creates week `week` of the week-based year `year`, or nil when that year has no such week
    /// (week 0, week 54, or week 53 in a 52-week year) or the year lies outside 1–9999.
    public init?(year: Int, week: Int) {
        guard (1...9999).contains(year), week >= 1, week <= ISOWeek.weeksInYear(year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week that contains `date`.
    public init(containing date: CivilDate) {
        // The week belongs to the year of its Thursday.
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let thursdayYear = thursday.year
        let firstThursday = ISOWeek.firstThursday(of: thursdayYear)
        self.year = thursdayYear
        self.week = firstThursday.days(to: thursday) / 7 + 1
    }

    /// The number of ISO weeks (52 or 53) in the week-based year `year`.
    ///
    /// A year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
    public static func weeksInYear(_ year: Int) -> Int {
        guard let january1 = CivilDate(year: year, month: 1, day: 1) else { return 52 }
        let weekday = january1.isoWeekday
        return weekday == 4 || (weekday == 3 && CivilDate.isLeapYear(year)) ? 53 : 52
    }

    /// The Monday that opens the week.
    public var monday: CivilDate {
        ISOWeek.firstThursday(of: year).adding(days: -3 + 7 * (week - 1))
    }

    /// The Sunday that closes the week.
    public var sunday: CivilDate { monday.adding(days: 6) }

    /// The seven days of the week, Monday to Sunday inclusive.
    public var days: DayRange {
        guard let range = DayRange(start: monday, end: sunday) else {
            // Unreachable: Sunday is Monday plus six days. Not reachable from data.
            preconditionFailure("an ISO week's Monday precedes its Sunday")
        }
        return range
    }

    /// The following week (crossing into the next week-based year after week 52 or 53).
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    /// The preceding week.
    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// The week with the same number in the previous week-based year, or nil when this is week 53 and the
    /// previous year has only 52 weeks.
    ///
    /// Its Monday lies 364 or 371 days earlier, so weekdays stay aligned.
    public var sameWeekLastYear: ISOWeek? { ISOWeek(year: year - 1, week: week) }

    /// The first Thursday of calendar year `year`, which always lies in week 1.
    private static func firstThursday(of year: Int) -> CivilDate {
        let january1 = CivilDate(januaryFirstOf: year)
        return january1.adding(days: (4 - january1.isoWeekday + 7) % 7)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}

extension ISOWeek: CustomStringConvertible {
    /// The week as `YYYY-Www`, for example `2020-W53`.
    public var description: String {
        let weekText = week < 10 ? "0\(week)" : "\(week)"
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-W" + weekText
    }
}

extension ISOWeek {
    /// Parses exactly `YYYY-Www` (such as `2020-W45`); nil for any other shape, for week 0 or 54, and for
    /// week 53 of a year that has only 52 weeks.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W") else { return nil }
        var digits: [Int] = []
        for index in [0, 1, 2, 3, 6, 7] {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        self.init(year: year, week: digits[4] * 10 + digits[5])
    }
}
