import Ingest

/// Impressions, clicks and CTR of one banner feed id and placement over one period (DESIGN §4.3).
public struct FunnelCell: Hashable, Sendable {
    /// The period a cell covers.
    public enum Period: Hashable, Sendable {
        /// One local day.
        case day(CivilDate)
        /// One ISO week.
        case week(ISOWeek)
        /// A window of days, inclusive (the campaign window).
        case window(DayRange)
    }

    /// The campaign id of the impression and click feeds (an entry of the campaign's `banners`).
    public let banner: String
    /// The placement, or nil for all placements together.
    public let placement: String?
    /// The period.
    public let period: Period
    /// Impressions over the period's days that have a CTR (see `BannerFunnel`).
    public let impressions: Int64
    /// Clicks over the same days.
    public let clicks: Int64
    /// CTR = clicks/impressions with its Wilson score interval; nil when there are no impressions, more clicks
    /// than impressions, or counts too large.
    public let ctr: WilsonInterval?
    /// Whether the impressions or clicks of the period's days add up past the largest count (2⁶³ − 1): the totals
    /// are then stopped at it, and no CTR is formed from them.
    public let countsTooLarge: Bool

    /// Creates a cell; the Wilson interval is computed at `confidenceLevel`, unless `countsTooLarge`.
    public init(
        banner: String, placement: String?, period: Period, impressions: Int64, clicks: Int64,
        confidenceLevel: Double = 0.95, countsTooLarge: Bool = false
    ) {
        self.banner = banner
        self.placement = placement
        self.period = period
        self.impressions = impressions
        self.clicks = clicks
        self.countsTooLarge = countsTooLarge
        self.ctr =
            impressions > 0 && !countsTooLarge
            ? WilsonInterval(successes: Int(clicks), trials: Int(impressions), confidenceLevel: confidenceLevel) : nil
    }

    /// The cell of `points` (days of a `ctr:` series) over `period`: their impressions and clicks summed with
    /// checked arithmetic, a sum past the largest count making a cell with `countsTooLarge`.
    public init(
        banner: String, placement: String?, period: Period, points: [SeriesPoint], confidenceLevel: Double = 0.95
    ) {
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var tooLarge = false
        for point in points {
            let (impressionSum, impressionsOverflow) = impressions.addingReportingOverflow(point.trials ?? 0)
            let (clickSum, clicksOverflow) = clicks.addingReportingOverflow(point.successes ?? 0)
            tooLarge = tooLarge || impressionsOverflow || clicksOverflow
            impressions = impressionsOverflow ? .max : impressionSum
            clicks = clicksOverflow ? .max : clickSum
        }
        self.init(
            banner: banner, placement: placement, period: period, impressions: impressions, clicks: clicks,
            confidenceLevel: confidenceLevel, countsTooLarge: tooLarge)
    }
}
