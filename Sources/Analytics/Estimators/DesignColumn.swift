import Ingest

/// One column of the counterfactual model's design (DESIGN §4.2), as a value: what it stands for decides how the
/// model treats it (a slow column or a day effect, a calendar column or a declared event), and `name` is only how
/// it is written, in the tidy files' notes and in `CounterfactualEstimate.Figures.columns`' text.
public enum DesignColumn: Sendable, Hashable {
    /// The intercept.
    case intercept
    /// The linear trend, in years since the first fitted day.
    case trend
    /// The dummy of an ISO weekday, 2 (Tuesday) to 7 (Sunday); Monday is the reference.
    case weekday(Int)
    /// The public-holiday dummy.
    case holiday
    /// A declared context event's step and return (`ContextStep`), by its id.
    case contextEvent(id: String)
    /// The share of the chosen zones on a school holiday of this kind (`CalendarTerms`).
    case schoolHoliday(SchoolHolidays.Kind)
    /// The share of the chosen zones in the days after their summer holidays.
    case rentree
    /// 24, 25, 26 and 31 December and 1 January.
    case christmasAndNewYear
    /// A bridge day between a public holiday and a weekend.
    case bridge
    /// The day before a public holiday.
    case eve
    /// One of the analyst's recurring periods, by its id.
    case recurringPeriod(id: String)
    /// A yearly Fourier term: sin or cos of 2π·order·t/365.25.
    case harmonic(Harmonic, order: Int)
    /// The change of the trend's slope from this day on (years since it, 0 before).
    case recentTrend(since: CivilDate)
    /// A change of level or slope found in the fitted days (`TrendChange`).
    case change(TrendChange)

    /// The function of a yearly Fourier term.
    public enum Harmonic: String, Sendable, Hashable {
        /// The sine.
        case sin
        /// The cosine.
        case cos
    }

    /// The column's name as the tidy files and notes write it: `intercept`, `trend`, `tuesday`…`sunday`,
    /// `holiday`, `context:<id>`, `school:<kind>`, `rentree`, `holiday:christmas`, `bridge`, `eve`,
    /// `period:<id>`, `sin1`…`cos2`, `level:<day>`, `slope:<day>`.
    public var name: String {
        switch self {
        case .intercept: "intercept"
        case .trend: "trend"
        case .weekday(let day): DesignColumn.weekdayNames[(day - 2).clamped(to: 0...5)]
        case .holiday: "holiday"
        case .contextEvent(let id): "context:\(id)"
        case .schoolHoliday(let kind): "school:\(kind.rawValue)"
        case .rentree: "rentree"
        case .christmasAndNewYear: "holiday:christmas"
        case .bridge: "bridge"
        case .eve: "eve"
        case .recurringPeriod(let id): "period:\(id)"
        case .harmonic(let function, let order): "\(function.rawValue)\(order)"
        case .recentTrend(let day): "trend:\(day)"
        case .change(let change): "\(change.kind.rawValue):\(change.day)"
        }
    }

    /// Whether the column marks single days or the week's days rather than a stretch of weeks: weekdays, the
    /// holiday dummy, the days around public holidays. The others are the slowly varying columns whose absorption
    /// of serial correlation the noise estimate corrects for (`NoiseStructure.estimate`'s `smoothParameters`).
    public var isDayEffect: Bool {
        switch self {
        case .weekday, .holiday, .christmasAndNewYear, .bridge, .eve: true
        default: false
        }
    }

    /// Whether the column is one of `CalendarTerms`' (dropped with one note for all when constant).
    public var isCalendarTerm: Bool {
        switch self {
        case .schoolHoliday, .rentree, .christmasAndNewYear, .bridge, .eve, .recurringPeriod: true
        default: false
        }
    }

    /// The context event's id when the column is a context event's, else nil.
    public var contextEventID: String? {
        if case .contextEvent(let id) = self { return id }
        return nil
    }

    /// The names of the weekday dummies, Tuesday to Sunday.
    static let weekdayNames = ["tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
