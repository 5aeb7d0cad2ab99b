import Ingest

/// Every estimate of one campaign (DESIGN §4.1–4.3): for each of its series the window comparison, the
/// year-over-year comparison, and for calls and videos the counterfactual model with its placebo and persistence
/// checks; and its banner funnel.
///
/// The campaign's series are, in this order: `calls:<helpline>` for each helpline, `videos:<key>` for each
/// hashtag key (spellings with the same `Hashtag.key` counted once), then `impressions:<id>` and `clicks:<id>`
/// for each entry of `banners`. A series the feeds do not have is still estimated, so its rows say why there are
/// no numbers.
///
/// The model uses the calendar's holidays (`HolidaySource.holidays(years:)` over every year the fits and windows
/// touch), one `ContextStep` per context event, other campaigns' windows left out of the fit, the default fit
/// window (up to 3 years before the start) and the calendar's confidence level.
public struct CampaignEstimates: Sendable {
    /// The campaign.
    public let campaign: Campaign
    /// One entry per series of the campaign, in the order above.
    public let series: [SeriesEstimate]
    /// The banner funnel of the campaign's feed ids.
    public let funnel: BannerFunnel

    /// Estimates `campaign` of `calendar` on the daily series `series` (such as `SeriesCatalog.series`).
    public static func estimate(
        campaign: Campaign, calendar: CampaignCalendar, series: [DailySeries]
    ) -> CampaignEstimates {
        let level = calendar.confidenceLevel
        let byName = Dictionary(series.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let length = campaign.window.dayCount
        let firstDay = campaign.window.start.adding(days: -CounterfactualModel.defaultFitDays - length)
        let lastDay = campaign.window.end.adding(days: length)
        let (holidays, holidayNote) = calendar.holidays.holidays(years: firstDay.year...lastDay.year)
        let context = calendar.context.map { ContextStep(id: $0.id, days: $0.window) }
        let excluded = calendar.campaigns.filter { $0.id != campaign.id }.map(\.window)
        let baseline = campaign.baseline ?? WindowComparison.precedingBaseline(for: campaign.window)

        var names = campaign.helplines.map { SeriesName(metric: .calls, key: $0) }
        var seenHashtags: Set<String> = []
        for hashtag in campaign.hashtags where seenHashtags.insert(Hashtag.key(hashtag)).inserted {
            names.append(SeriesName(metric: .videos, key: Hashtag.key(hashtag)))
        }
        names += campaign.banners.map { SeriesName(metric: .impressions, key: $0) }
        names += campaign.banners.map { SeriesName(metric: .clicks, key: $0) }

        var estimates: [SeriesEstimate] = []
        for name in names {
            let values = byName[name]?.values ?? [:]
            let window = WindowComparison(
                series: values, campaign: campaign.window, baseline: baseline ?? campaign.window,
                confidenceLevel: level)
            let yearEarlier = WindowComparison.yearEarlierBaseline(for: campaign.window)
            let hasYearEarlierData = yearEarlier.map { $0.days.contains { values[$0] != nil } } ?? false
            let yearOverYear =
                hasYearEarlierData
                ? WindowComparison.yearOverYear(series: values, campaign: campaign.window, confidenceLevel: level)
                : nil
            var model: CounterfactualModel?
            if name.metric == .calls || name.metric == .videos {
                model = CounterfactualModel(
                    series: values, campaign: campaign.window, excludedDays: excluded, holidays: holidays,
                    contextEvents: context, confidenceLevel: level)
            }
            estimates.append(
                SeriesEstimate(
                    campaign: campaign.id, series: name, hasData: !values.isEmpty, window: window,
                    yearOverYear: yearOverYear, model: model?.estimate(), placebo: model?.placebo(),
                    persistence: model?.persistence(), modelNotes: holidayNote.map { [$0] } ?? []))
        }
        return CampaignEstimates(
            campaign: campaign, series: estimates,
            funnel: BannerFunnel(campaign: campaign, series: series, confidenceLevel: level))
    }

    /// Estimates every campaign of `calendar`, in calendar order.
    public static func estimateAll(calendar: CampaignCalendar, series: [DailySeries]) -> [CampaignEstimates] {
        calendar.campaigns.map { estimate(campaign: $0, calendar: calendar, series: series) }
    }

    /// Every `uplift.csv` row of the campaign, series by series.
    public var rows: [UpliftRow] { series.flatMap(\.rows) }
}
