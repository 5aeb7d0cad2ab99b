import Ingest

/// The banner funnel of one campaign (DESIGN §4.3): impressions, clicks and CTR per feed id (the campaign's
/// `banners`) and placement, per day, per ISO week and over the campaign window, with week-against-week and
/// placement-against-placement comparisons.
///
/// Built from the `ctr:` series of `SeriesCatalog`, whose points carry the day's clicks and impressions: a day
/// counts when it has impressions > 0 and the click feed covers it, so every cell's CTR is exactly its clicks
/// over its impressions. Cells with `placement == nil` sum all placements.
public struct BannerFunnel: Sendable {
    /// The campaign id.
    public let campaign: String
    /// The campaign window, inclusive.
    public let window: DayRange
    /// One cell per feed id, placement (nil first, then by name) and day with data, by feed id, placement, day.
    public let daily: [FunnelCell]
    /// One cell per feed id, placement and ISO week with data, in the same order.
    public let weekly: [FunnelCell]
    /// One cell per feed id and placement over the campaign window (days with data in it).
    public let campaignWindow: [FunnelCell]
    /// Each weekly cell against the same feed id and placement in the previous ISO week, when both have data.
    public let weekOverWeek: [CTRComparison]
    /// Over the campaign window, every pair of placements of a feed id (the first by name against the second).
    public let placementComparisons: [CTRComparison]

    /// Builds the funnel of `campaign` from `series` (the catalog's series; only `ctr:` ones are read).
    public init(campaign: Campaign, series: [DailySeries], confidenceLevel: Double = 0.95) {
        self.campaign = campaign.id
        self.window = campaign.window
        var daily: [FunnelCell] = []
        var weekly: [FunnelCell] = []
        var inWindow: [FunnelCell] = []
        var weekOverWeek: [CTRComparison] = []
        var placements: [CTRComparison] = []
        for banner in campaign.banners {
            let ctrSeries = series.filter { $0.name.metric == .ctr && $0.name.key == banner }
                .sorted { ($0.name.placement ?? "") < ($1.name.placement ?? "") }
            var windowCells: [FunnelCell] = []
            for one in ctrSeries {
                let placement = one.name.placement
                func cell(_ period: FunnelCell.Period, _ points: [SeriesPoint]) -> FunnelCell {
                    FunnelCell(
                        banner: banner, placement: placement, period: period, points: points,
                        confidenceLevel: confidenceLevel)
                }
                daily += one.points.map { cell(.day($0.date), [$0]) }
                let byWeek = Dictionary(grouping: one.points) { ISOWeek(containing: $0.date) }
                var previous: (ISOWeek, FunnelCell)?
                for week in byWeek.keys.sorted() {
                    let current = cell(.week(week), byWeek[week] ?? [])
                    weekly.append(current)
                    if let previous, previous.0 == week.previous,
                        let comparison = CTRComparison(current, against: previous.1, confidenceLevel: confidenceLevel)
                    {
                        weekOverWeek.append(comparison)
                    }
                    previous = (week, current)
                }
                let windowPoints = one.points.filter { campaign.window.contains($0.date) }
                if !windowPoints.isEmpty {
                    windowCells.append(cell(.window(campaign.window), windowPoints))
                }
            }
            inWindow += windowCells
            let placed = windowCells.filter { $0.placement != nil }
            for (index, first) in placed.enumerated() {
                for second in placed.dropFirst(index + 1) {
                    if let comparison = CTRComparison(first, against: second, confidenceLevel: confidenceLevel) {
                        placements.append(comparison)
                    }
                }
            }
        }
        self.daily = daily
        self.weekly = weekly
        self.campaignWindow = inWindow
        self.weekOverWeek = weekOverWeek
        self.placementComparisons = placements
    }
}
