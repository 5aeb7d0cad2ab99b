import Ingest

/// Everything a night's documents need, decided in Analytics before anything is worded: the series, each
/// campaign's estimates, headline answer and chart figures, the weekly rows, the latest-week comparison and the
/// calendar's warnings (DESIGN §1). Reporting renders it and computes nothing of its own.
///
/// A query command asks only for the ``Parts`` it prints.
public struct NightAnalysis: Sendable {
    /// The parts of a night's analysis.
    public struct Parts: OptionSet, Sendable {
        /// The raw value.
        public let rawValue: Int
        /// Creates parts from their raw value.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Every campaign's estimates and headline answer.
        public static let campaigns = Parts(rawValue: 1 << 0)
        /// The chart figures of every campaign (implies ``campaigns``).
        public static let charts = Parts(rawValue: 1 << 1)
        /// The background noise, the weekly rows and the latest-week comparison.
        public static let weeks = Parts(rawValue: 1 << 2)
        /// What a night's reports and notebooks need.
        public static let night: Parts = [.campaigns, .charts, .weeks]
    }

    /// The calendar the night was analysed against.
    public let calendar: CampaignCalendar
    /// The daily series (``SeriesCatalog/build(from:)``).
    public let series: [DailySeries]
    /// What campaigns.yaml names that the data does not hold, and the likely misspellings.
    public let calendarWarnings: [CalendarWarning]
    /// Every campaign's analysis, in calendar order; empty unless ``Parts/campaigns`` was asked for.
    public let campaigns: [CampaignAnalysis]
    /// The weekly summary's rows (DESIGN §4.4); empty unless ``Parts/weeks`` was asked for.
    public let weeklyRows: [WeeklySummaryRow]
    /// The latest week with data against the week before; nil without data or unless ``Parts/weeks`` was asked
    /// for.
    public let latestWeek: LatestWeekComparison?

    /// Analyses `series` against `calendar`, building only `parts`.
    public init(calendar: CampaignCalendar, series: [DailySeries], parts: Parts = .night) {
        self.calendar = calendar
        self.series = series
        calendarWarnings = CalendarWarning.check(calendar: calendar, series: series)
        if parts.contains(.campaigns) || parts.contains(.charts) {
            campaigns = CampaignEstimates.estimateAll(calendar: calendar, series: series).map {
                CampaignAnalysis(
                    estimates: $0, series: series, context: calendar.context,
                    confidenceLevel: calendar.confidenceLevel, charts: parts.contains(.charts))
            }
        } else {
            campaigns = []
        }
        if parts.contains(.weeks) {
            // Fitted once per series, for summary.md's latest week and weekly.csv alike.
            let noise = BackgroundNoise(series: series, calendar: calendar)
            weeklyRows = WeeklySummary.rows(
                series: series, campaigns: calendar.campaigns, noise: noise,
                confidenceLevel: calendar.confidenceLevel)
            latestWeek = LatestWeekComparison(
                series: series, noise: noise, confidenceLevel: calendar.confidenceLevel)
        } else {
            weeklyRows = []
            latestWeek = nil
        }
    }

    /// Every campaign's estimates, in calendar order.
    public var estimates: [CampaignEstimates] { campaigns.map(\.estimates) }

    /// The ids of the campaigns that could not be estimated (``CampaignEstimates/isEstimated``).
    public var unestimatedCampaigns: [String] {
        campaigns.filter { !$0.isEstimated }.map(\.campaign.id)
    }
}
