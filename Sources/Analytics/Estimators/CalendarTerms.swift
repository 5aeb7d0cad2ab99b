import Ingest

/// The calendar columns of the counterfactual model's design beyond day of week and the public-holiday dummy
/// (DESIGN §4.2): the French school holidays, the rentrée, the days around public holidays, and the analyst's
/// own recurring periods. Each is a function of the date alone, so it is known in the campaign window too.
///
/// - `school:<kind>` for summer, christmas, winter, spring and toussaint: the share of the chosen zones on that
///   holiday (0, ⅓, ⅔ or 1 with all three zones; the winter and spring holidays are staggered by zone).
/// - `rentree`: the share of the chosen zones in the first 14 days after their summer holidays.
/// - `holiday:christmas`: 1 on 24, 25, 26 and 31 December and 1 January, on top of the `holiday` dummy on 25 Dec
///   and 1 Jan: the end of the year is not like 8 May.
/// - `bridge`: a weekday that is not a public holiday, between one and a weekend day (the Friday after Ascension).
/// - `eve`: the day before a public holiday that is neither a holiday, a bridge day, nor in `holiday:christmas`.
/// - `period:<id>`: 1 on the days of each of the analyst's recurring periods.
///
/// The model drops a column that does not vary over the fitted days, as it does every column.
public struct CalendarTerms: Sendable {
    /// The zones whose school holidays are modelled; empty for none.
    public let zones: [SchoolHolidays.Zone]
    /// The public holidays the day-effect columns are built around; empty for no such columns.
    public let publicHolidays: Set<CivilDate>
    /// The analyst's recurring periods.
    public let periods: [RecurringPeriod]

    /// No calendar columns: the design of a model without them.
    public static let none = CalendarTerms(zones: [], publicHolidays: [], periods: [])

    /// The school-holiday kinds with a column of their own; the Ascension bridge is left to the holiday terms.
    public static let schoolKinds: [SchoolHolidays.Kind] = [.summer, .christmas, .winter, .spring, .toussaint]
    /// The length of the rentrée term in days after the summer holidays.
    public static let rentreeDays = 14
    /// Creates the terms; `publicHolidays` empty leaves out the day-effect columns.
    public init(zones: [SchoolHolidays.Zone], publicHolidays: Set<CivilDate>, periods: [RecurringPeriod] = []) {
        self.zones = zones
        self.publicHolidays = publicHolidays
        self.periods = periods
        zoneShare = zones.isEmpty ? 0 : 1 / Double(zones.count)
        columnCount =
            (zones.isEmpty ? 0 : CalendarTerms.schoolKinds.count + 1) + (publicHolidays.isEmpty ? 0 : 3)
            + periods.count
        // The model asks for every column of every day of its design, fit and chart (about 1,900 rows a model):
        // the rentrée and the public holidays are read from arrays indexed by day rather than hashed.
        let summerEnds = SchoolHolidays.periods.filter { $0.kind == .summer && zones.contains($0.zone) }
            .map(\.days.end.daysSinceEpoch)
        let rentreeStart = (summerEnds.min() ?? 0) + 1
        var rentree = [UInt8](
            repeating: 0,
            count: summerEnds.isEmpty ? 0 : (summerEnds.max() ?? 0) + CalendarTerms.rentreeDays + 1 - rentreeStart)
        for end in summerEnds {
            for offset in 1...CalendarTerms.rentreeDays { rentree[end + offset - rentreeStart] += 1 }
        }
        self.rentreeStart = rentreeStart
        self.rentreeZones = rentree
        let holidayDays = publicHolidays.map(\.daysSinceEpoch)
        let holidayStart = holidayDays.min() ?? 0
        var flags = [Bool](
            repeating: false, count: holidayDays.isEmpty ? 0 : (holidayDays.max() ?? 0) - holidayStart + 1)
        for day in holidayDays { flags[day - holidayStart] = true }
        self.holidayStart = holidayStart
        self.holidayFlags = flags
    }

    /// The share of the chosen zones one zone stands for.
    private let zoneShare: Double
    /// The number of columns, `columns.count`.
    private let columnCount: Int
    /// The day (since 1970-01-01) of `rentreeZones[0]`.
    private let rentreeStart: Int
    /// For each day from `rentreeStart`, the number of chosen zones in their rentrée.
    private let rentreeZones: [UInt8]
    /// The day (since 1970-01-01) of `holidayFlags[0]`.
    private let holidayStart: Int
    /// For each day from `holidayStart`, whether it is one of `publicHolidays`.
    private let holidayFlags: [Bool]

    /// Whether `day` is one of `publicHolidays`.
    private func isPublicHoliday(_ day: CivilDate) -> Bool {
        let index = day.daysSinceEpoch - holidayStart
        return index >= 0 && index < holidayFlags.count && holidayFlags[index]
    }

    /// The columns, in the order of `values(on:)`.
    public var columns: [DesignColumn] {
        var columns: [DesignColumn] = []
        if !zones.isEmpty {
            columns += CalendarTerms.schoolKinds.map { .schoolHoliday($0) }
            columns.append(.rentree)
        }
        if !publicHolidays.isEmpty { columns += [.christmasAndNewYear, .bridge, .eve] }
        columns += periods.map { .recurringPeriod(id: $0.id) }
        return columns
    }

    /// The columns' values on `day`.
    public func values(on day: CivilDate) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(columnCount)
        if !zones.isEmpty {
            let first = values.count
            values.append(contentsOf: repeatElement(0, count: CalendarTerms.schoolKinds.count))
            for zone in zones {
                if let index = SchoolHolidays.kind(on: day, zone: zone).flatMap(CalendarTerms.schoolKindIndex) {
                    values[first + index] += zoneShare
                }
            }
            let index = day.daysSinceEpoch - rentreeStart
            let inRentree = index >= 0 && index < rentreeZones.count ? Int(rentreeZones[index]) : 0
            // Summed zone by zone, as the shares are, so that all three zones give exactly 1.
            var rentree = 0.0
            for _ in 0..<inRentree { rentree += zoneShare }
            values.append(rentree)
        }
        if !publicHolidays.isEmpty {
            let christmas = CalendarTerms.isChristmasOrNewYear(day)
            let bridge = isBridge(day)
            let eve = !christmas && !bridge && !isPublicHoliday(day) && isPublicHoliday(day.adding(days: 1))
            values.append(christmas ? 1 : 0)
            values.append(bridge ? 1 : 0)
            values.append(eve ? 1 : 0)
        }
        for period in periods { values.append(period.contains(day) ? 1 : 0) }
        return values
    }

    /// The position of `kind` in `schoolKinds`, nil for the Ascension bridge.
    private static func schoolKindIndex(_ kind: SchoolHolidays.Kind) -> Int? {
        switch kind {
        case .summer: 0
        case .christmas: 1
        case .winter: 2
        case .spring: 3
        case .toussaint: 4
        case .ascension: nil
        }
    }

    /// Whether `day` is 24, 25, 26 or 31 December or 1 January.
    public static func isChristmasOrNewYear(_ day: CivilDate) -> Bool {
        let (_, month, date) = day.components
        return (month == 12 && [24, 25, 26, 31].contains(date)) || (month == 1 && date == 1)
    }

    /// Whether `day` is a weekday, not a public holiday, with a public holiday on one side and a Saturday or
    /// Sunday on the other: the Monday before a Tuesday holiday, the Friday after a Thursday one.
    public func isBridge(_ day: CivilDate) -> Bool {
        guard day.isoWeekday <= 5, !isPublicHoliday(day) else { return false }
        let before = day.adding(days: -1)
        let after = day.adding(days: 1)
        func isWeekend(_ date: CivilDate) -> Bool { date.isoWeekday >= 6 }
        return (isPublicHoliday(before) && isWeekend(after)) || (isPublicHoliday(after) && isWeekend(before))
    }
}
