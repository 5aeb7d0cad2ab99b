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
    /// CTR = clicks/impressions with its Wilson score interval; nil when there are no impressions or more clicks
    /// than impressions.
    public let ctr: WilsonInterval?

    /// Creates a cell; the Wilson interval is computed at `confidenceLevel`.
    public init(
        banner: String, placement: String?, period: Period, impressions: Int64, clicks: Int64,
        confidenceLevel: Double = 0.95
    ) {
        self.banner = banner
        self.placement = placement
        self.period = period
        self.impressions = impressions
        self.clicks = clicks
        self.ctr =
            impressions > 0
            ? WilsonInterval(successes: Int(clicks), trials: Int(impressions), confidenceLevel: confidenceLevel) : nil
    }
}
