import Foundation
import Ingest

/// The school holidays of zones A, B and C of metropolitan France, 1990–2028, from the Ministry of Education's
/// open data "Vacances scolaires par zones" (data.gouv.fr, as shipped by the package vacances-scolaires-france
/// 0.12.0; see docs/data/README.md). `scripts/school-holidays` regenerates the table.
///
/// A period runs from the first day without classes (usually a Saturday) to the last (usually a Sunday): zone C's
/// Christmas 2020 is 19 Dec 2020 – 3 Jan 2021, classes resuming on 4 Jan.
public enum SchoolHolidays {
    /// A zone of metropolitan France.
    public enum Zone: String, Sendable, Hashable, CaseIterable {
        /// Zone A.
        case a = "A"
        /// Zone B.
        case b = "B"
        /// Zone C.
        case c = "C"
    }

    /// The kind of a school holiday.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The summer holidays (July–August).
        case summer
        /// The Christmas holidays.
        case christmas
        /// The winter holidays (February–March, staggered by zone).
        case winter
        /// The spring holidays (April–May, staggered by zone).
        case spring
        /// The Toussaint holidays (late October).
        case toussaint
        /// The Ascension bridge (Thursday to Sunday in some years): public holiday, bridge day and weekend, which
        /// the model's own public-holiday terms already carry.
        case ascension
    }

    /// One holiday of one zone, first and last day inclusive.
    public struct Period: Sendable, Hashable {
        /// The zone.
        public let zone: Zone
        /// The kind.
        public let kind: Kind
        /// The days, inclusive.
        public let days: DayRange
    }

    /// Every period of the table, in date order then zone.
    public static let periods: [Period] = table.split(separator: "\n").compactMap { line in
        let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == 4, let zone = Zone(rawValue: fields[0]), let kind = Kind(rawValue: fields[1]),
            let first = CivilDate(iso8601: fields[2]), let last = CivilDate(iso8601: fields[3]),
            let days = DayRange(start: first, end: last)
        else { return nil }
        return Period(zone: zone, kind: kind, days: days)
    }

    /// The calendar years the table reaches: from the Toussaint holidays of 1990 (the daily table starts on
    /// 1 Jan 1990, so 1990's earlier holidays are missing) to the end of 2028. Outside it no day is a school holiday.
    public static let coveredYears = 1990...2028

    /// The kind of holiday `zone` is on on `day`, or nil on a school day (or outside `coveredYears`).
    public static func kind(on day: CivilDate, zone: Zone) -> Kind? {
        let index = day.daysSinceEpoch - dayTable.start
        guard index >= 0, index < dayTable.codes.count else { return nil }
        let code = Int(dayTable.codes[index] >> (4 * zone.slot)) & 0xF
        return code == 0 ? nil : kindsByCode[code - 1]
    }

    /// The zones of `zones` mapped to the Zone values they stand for.
    public static func zones(_ zones: SchoolHolidayZones) -> [Zone] {
        switch zones {
        case .a: [.a]
        case .b: [.b]
        case .c: [.c]
        case .all: Zone.allCases
        case .none: []
        }
    }

    /// One code per day from `start` (days since 1970-01-01) to the last day of the table: four bits per zone
    /// (`Zone.slot`), 0 on a school day, else the kind's position in `Kind.allCases` plus one; a later period of
    /// the table overrides an earlier one on the same day. The model reads it for every day of every design
    /// row, so it is an array, not a dictionary of dates (a hash per zone and day was a sixth of a model fit).
    private static let dayTable: (start: Int, codes: [UInt16]) = {
        guard let first = periods.map(\.days.start.daysSinceEpoch).min(),
            let last = periods.map(\.days.end.daysSinceEpoch).max()
        else { return (0, []) }
        var codes = [UInt16](repeating: 0, count: last - first + 1)
        for period in periods {
            guard let position = kindsByCode.firstIndex(of: period.kind) else { continue }
            let shift = UInt16(4 * period.zone.slot)
            for day in period.days.start.daysSinceEpoch...period.days.end.daysSinceEpoch {
                codes[day - first] = (codes[day - first] & ~(0xF << shift)) | (UInt16(position + 1) << shift)
            }
        }
        return (first, codes)
    }()

    private static let kindsByCode = Kind.allCases
}

extension SchoolHolidays.Zone {
    /// The zone's place in a day code of the school-holiday table.
    fileprivate var slot: Int {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        }
    }
}
