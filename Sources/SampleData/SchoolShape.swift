import Analytics
import Ingest

/// How a helpline's calls follow the French school calendar in the sample data: lower in the school holidays,
/// higher in the first weeks back after the summer.
///
/// On a day the multiplier is `1 − Σ depth(kind)·share(kind) + rentrée·share(rentrée)`, where `share(kind)` is
/// the share of zones A, B and C on that kind of holiday (⅓ per zone: the winter and spring holidays are
/// staggered, so a national line dips by a third of its depth in each of the three weeks) and `share(rentrée)`
/// the share of zones in the 14 days after their summer holidays. The dates are the Ministry of Education's
/// (`SchoolHolidays`), the ones the model knows with `school_holidays: all`; the Ascension bridge is left to
/// the public holidays, as the model leaves it.
public struct SchoolShape: Sendable {
    /// The fall in summer (0.35 is −35% with every zone on holiday).
    public let summer: Double
    /// The fall at Christmas.
    public let christmas: Double
    /// The fall in the winter, spring and Toussaint holidays.
    public let otherHolidays: Double
    /// The rise in the 14 days after the summer holidays.
    public let rentree: Double

    /// No school shape: the multiplier is 1 every day.
    public static let none = SchoolShape(summer: 0, christmas: 0, otherHolidays: 0, rentree: 0)

    /// Creates a shape from its falls and its rise, as fractions of the usual level.
    public init(summer: Double, christmas: Double, otherHolidays: Double, rentree: Double) {
        self.summer = summer
        self.christmas = christmas
        self.otherHolidays = otherHolidays
        self.rentree = rentree
    }

    /// The length of the rentrée in days after the summer holidays, as the model's `rentree` column counts it.
    public static let rentreeDays = CalendarTerms.rentreeDays

    /// The multiplier of a helpline's usual level on `date`.
    public func multiplier(on date: CivilDate) -> Double {
        let zones = SchoolHolidays.Zone.allCases
        let share = 1 / Double(zones.count)
        var factor = 1.0
        for zone in zones {
            if let kind = SchoolHolidays.kind(on: date, zone: zone) {
                factor -= share * depth(of: kind)
            } else if SchoolShape.rentree(of: zone).contains(date) {
                factor += share * rentree
            }
        }
        return factor
    }

    /// The fall in a holiday of `kind`.
    public func depth(of kind: SchoolHolidays.Kind) -> Double {
        switch kind {
        case .summer: summer
        case .christmas: christmas
        case .winter, .spring, .toussaint: otherHolidays
        case .ascension: 0
        }
    }

    /// The days of `zone`'s rentrée: the `rentreeDays` days after each of its summer holidays.
    private static func rentree(of zone: SchoolHolidays.Zone) -> Set<CivilDate> {
        rentreeByZone[zone] ?? []
    }

    private static let rentreeByZone: [SchoolHolidays.Zone: Set<CivilDate>] = {
        var days: [SchoolHolidays.Zone: Set<CivilDate>] = [:]
        for period in SchoolHolidays.periods where period.kind == .summer {
            for offset in 1...rentreeDays {
                days[period.zone, default: []].insert(period.days.end.adding(days: offset))
            }
        }
        return days
    }()
}
