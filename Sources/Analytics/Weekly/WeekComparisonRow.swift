/// One series compared between two ISO weeks (`awareness compare 2020-W45 --against 2020-W44`).
public struct WeekComparisonRow: Hashable, Sendable {
    /// The series.
    public let series: SeriesName
    /// The week of interest.
    public let week: ISOWeek
    /// The week it is compared against.
    public let against: ISOWeek
    /// The value in `week`: total over days with data for counts, CTR (fraction) for `ctr`; nil without data.
    public let value: Double?
    /// Days of `week` with data, 0–7.
    public let daysWithData: Int
    /// The value in `against`.
    public let againstValue: Double?
    /// Days of `against` with data, 0–7.
    public let againstDaysWithData: Int
    /// How `change` is expressed: `.relative` (RR − 1 of daily rates) for counts, `.difference` for `ctr`.
    public let changeKind: WeekChange.Kind
    /// The change from `against` to `week` (see `WeekChange`), nil when it cannot be formed.
    public let change: Double?
    /// Lower bound of the change's interval.
    public let changeLow: Double?
    /// Upper bound of the change's interval.
    public let changeHigh: Double?
    /// φ used for a relative change (nil for `ctr` or without a change).
    public let dispersion: Double?
    /// The ISO weekdays compared when fewer than seven (those both weeks have data for); empty for whole weeks.
    public let comparedWeekdays: [Int]
}
