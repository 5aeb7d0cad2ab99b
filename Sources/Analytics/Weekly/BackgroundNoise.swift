import Ingest

/// Each count series' background noise (`NoiseStructure.background`), estimated once and shared by everything
/// that compares weeks or periods in a run: the weekly summary and summary.md's latest week, `weekly`, `compare`.
///
/// A series it has no noise for (a `ctr:` series, one too short to fit, or an empty `BackgroundNoise`) falls back
/// to the φ-scaled interval of `WeekChange`.
public struct BackgroundNoise: Sendable {
    private let byName: [SeriesName: NoiseStructure]

    /// No noise for any series: every change uses φ.
    public init() {
        byName = [:]
    }

    /// The noise of every count series of `series`, each fitted with the calendar's public holidays over the years
    /// of `span` (the series themselves by default), one column per context event, and the window and carry-over
    /// of every campaign that touches the series left out (`CampaignExclusions`).
    public init(series: [DailySeries], calendar: CampaignCalendar, yearsOf span: [DailySeries]? = nil) {
        let adjustments = calendar.backgroundAdjustments(for: span ?? series)
        var byName: [SeriesName: NoiseStructure] = [:]
        for one in series where one.name.metric != .ctr {
            byName[one.name] = NoiseStructure.background(
                of: one.values, holidays: adjustments.holidays, contextEvents: adjustments.contextEvents,
                excludedDays: adjustments.exclusions.excludedDays(touching: [one.name]))
        }
        self.byName = byName
    }

    /// The noise of the series named `name`, when it has one.
    public func noise(of name: SeriesName) -> NoiseStructure? {
        byName[name]
    }
}
