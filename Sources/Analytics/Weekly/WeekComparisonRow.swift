/// One series compared between two periods (`awareness compare 2020-W45 --against 2020-W44`,
/// `awareness compare 2020-05-04..2020-05-17 --against last-year`).
public struct WeekComparisonRow: Hashable, Sendable {
    /// The series.
    public let series: SeriesName
    /// The period of interest.
    public let period: ComparisonPeriod
    /// The period it is compared against.
    public let against: ComparisonPeriod
    /// The value in `period`: total over days with data for counts, CTR (fraction) for `ctr`; nil without data.
    public let value: Double?
    /// Days of `period` with data, 0 to its length.
    public let daysWithData: Int
    /// The value in `against`.
    public let againstValue: Double?
    /// Days of `against` with data, 0 to its length.
    public let againstDaysWithData: Int
    /// How `change` is expressed: `.relative` (RR − 1 of daily rates) for counts, `.difference` for `ctr`.
    public let changeKind: WeekChange.Kind
    /// The change from `against` to `period` (see `WeekChange`), nil when it cannot be formed.
    public let change: Double?
    /// Lower bound of the change's interval.
    public let changeLow: Double?
    /// Upper bound of the change's interval.
    public let changeHigh: Double?
    /// φ used for a relative change (nil for `ctr` or without a change).
    public let dispersion: Double?
    /// The ISO weekdays compared when two 7-day periods share fewer than seven days with data; empty otherwise.
    public let comparedWeekdays: [Int]
    /// Which days a relative change compared (nil for `ctr` or without a change).
    public let basis: WeekChange.Basis?

    /// The ISO week of interest, when the period is exactly one.
    public var week: ISOWeek? { period.week }
}
