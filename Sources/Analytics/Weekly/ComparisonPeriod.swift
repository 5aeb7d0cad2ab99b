import Ingest

/// The days a comparison covers (`awareness compare`, DESIGN §4.4): an ISO week or any inclusive range of days.
///
/// Its text is the week's identifier (`2020-W45`) when the days are exactly one ISO week, Monday to Sunday, and
/// `2020-05-04..2020-05-17` otherwise, so that week comparisons keep the identifiers they always had.
public struct ComparisonPeriod: Hashable, Sendable {
    /// The days, both ends included.
    public let days: DayRange

    /// The period of `days`.
    public init(days: DayRange) {
        self.days = days
    }

    /// The seven days of `week`.
    public init(week: ISOWeek) {
        self.days = week.days
    }

    /// The ISO week the period is exactly, or nil when it is not one Monday-to-Sunday week.
    public var week: ISOWeek? {
        let week = ISOWeek(containing: days.start)
        return week.days == days ? week : nil
    }

    /// The number of days, both ends included.
    public var dayCount: Int { days.dayCount }

    /// The period of the same length that ends the day before this one starts (for a week, the week before).
    public var previous: ComparisonPeriod {
        shifted(by: -dayCount)
    }

    /// The same period 364 days earlier: 52 weeks, so every day falls on the same weekday.
    public var lastYear: ComparisonPeriod {
        shifted(by: -364)
    }

    /// The period moved by `days` days (earlier when negative).
    public func shifted(by days: Int) -> ComparisonPeriod {
        ComparisonPeriod(
            days: DayRange(start: self.days.start.adding(days: days), end: self.days.end.adding(days: days))
                ?? self.days)
    }
}

extension ComparisonPeriod: CustomStringConvertible {
    /// `2020-W45` for an ISO week, `2020-05-04..2020-05-17` for any other range.
    public var description: String {
        week?.description ?? "\(days.start)..\(days.end)"
    }
}
