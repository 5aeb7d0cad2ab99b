import Ingest

/// One row of the weekly summary: one ISO week of one series, exactly the columns of `weekly.csv` (DESIGN §5)
/// as typed values.
public struct WeeklySummaryRow: Hashable, Sendable {
    /// `week`: the ISO week (`2020-W45`).
    public let week: ISOWeek
    /// `series`: the series name.
    public let series: SeriesName
    /// `value`: the week's total over its days with data for counts; for `ctr`, the week's CTR (sum of clicks over
    /// sum of impressions, a fraction). Nil only for a `ctr` week with no impressions.
    public let value: Double?
    /// `days_with_data`: days of the week with a value, 0–7.
    public let daysWithData: Int
    /// `change_vs_previous`: change against the previous ISO week (see `WeekChange`: RR − 1 of daily rates for
    /// counts, CTR difference for `ctr`); nil when either week has no data or the previous total is 0.
    public let changeVsPrevious: Double?
    /// `change_vs_previous_low`.
    public let changeVsPreviousLow: Double?
    /// `change_vs_previous_high`.
    public let changeVsPreviousHigh: Double?
    /// `change_vs_last_year`: change against the same ISO week number of the previous week-based year (nil for
    /// week 53 when that year had 52 weeks, and when that week has no data).
    public let changeVsLastYear: Double?
    /// `change_vs_last_year_low`.
    public let changeVsLastYearLow: Double?
    /// `change_vs_last_year_high`.
    public let changeVsLastYearHigh: Double?
    /// `campaigns`: ids of the campaigns whose window overlaps the week, in calendar order (write them joined by
    /// a space; see `campaignsText`).
    public let campaigns: [String]
    /// `anomaly`: whether some day of the week is anomalous by `WeekdayAnomaly`.
    public let anomaly: Bool
    /// The anomalous days (not a `weekly.csv` column; for reports).
    public let anomalousDays: [CivilDate]

    /// The ISO weekdays (1 = Monday) that the change against the previous week compared, when not all seven
    /// (a partial week against the same weekdays); empty for whole weeks.
    public let comparedWeekdaysVsPrevious: [Int]
    /// The same for the change against the same week a year before.
    public let comparedWeekdaysVsLastYear: [Int]

    /// The `compared_weekdays` cell: the ISO weekdays of `comparedWeekdaysVsPrevious` joined by spaces (`1 2`
    /// for Monday and Tuesday); empty when whole weeks were compared.
    public var comparedWeekdaysText: String {
        comparedWeekdaysVsPrevious.map(String.init).joined(separator: " ")
    }

    /// Creates a row from its parts.
    public init(
        week: ISOWeek, series: SeriesName, value: Double?, daysWithData: Int, changeVsPrevious: WeekChange?,
        changeVsLastYear: WeekChange?, campaigns: [String], anomalousDays: [CivilDate]
    ) {
        self.week = week
        self.series = series
        self.value = value
        self.daysWithData = daysWithData
        self.changeVsPrevious = changeVsPrevious?.estimate
        self.changeVsPreviousLow = changeVsPrevious?.interval.lower
        self.changeVsPreviousHigh = changeVsPrevious?.interval.upper
        self.changeVsLastYear = changeVsLastYear?.estimate
        self.changeVsLastYearLow = changeVsLastYear?.interval.lower
        self.changeVsLastYearHigh = changeVsLastYear?.interval.upper
        self.comparedWeekdaysVsPrevious = changeVsPrevious?.comparedWeekdays ?? []
        self.comparedWeekdaysVsLastYear = changeVsLastYear?.comparedWeekdays ?? []
        self.campaigns = campaigns
        self.anomaly = !anomalousDays.isEmpty
        self.anomalousDays = anomalousDays
    }

    /// The `campaigns` cell: the ids joined by a single space (empty when none).
    public var campaignsText: String { campaigns.joined(separator: " ") }

    /// The column names of `weekly.csv`, in order.
    public static let columns = [
        "week", "series", "value", "days_with_data", "change_vs_previous", "change_vs_previous_low",
        "change_vs_previous_high", "change_vs_last_year", "change_vs_last_year_low", "change_vs_last_year_high",
        "campaigns", "anomaly", "compared_weekdays",
    ]
}
