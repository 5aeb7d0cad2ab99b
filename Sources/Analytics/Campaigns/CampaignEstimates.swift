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
/// touch) and calendar columns (`CampaignCalendar.calendarTerms(holidays:)`), one `ContextStep` per context event (with its declared return), the windows and carry-over of the other
/// campaigns that touch the series or its controls left out of the fit and the placebo's (`CampaignExclusions`),
/// the default fit window (up to 3 years before the start), the campaign's controls as an offset
/// (`CounterfactualModel`) and the calendar's confidence level. The default baseline of the window comparison is
/// the 28 days before the campaign, moved earlier past any such window and carry-over. The window and year-over-year comparisons of a modelled series use its model's noise structure.
public struct CampaignEstimates: Sendable {
    /// The campaign.
    public let campaign: Campaign
    /// One entry per series of the campaign, in the order above.
    public let series: [SeriesEstimate]
    /// The banner funnel of the campaign's feed ids.
    public let funnel: BannerFunnel
    /// Each control of the campaign checked on its own: a control that itself moves during the campaign (its
    /// own model finds an effect) was probably touched by it, and the estimates that use it are then biased.
    public let controls: [ControlCheck]
    /// Before the next campaign: what a campaign of the same length, starting the day after the last day of data
    /// of the campaign's first helpline series, could detect (`CampaignPlan`); nil without such a series or fit.
    public let nextCampaign: (series: SeriesName, projection: CounterfactualModel.Projection)?

    /// Creates the estimates from their parts.
    public init(
        campaign: Campaign, series: [SeriesEstimate], funnel: BannerFunnel, controls: [ControlCheck] = [],
        nextCampaign: (series: SeriesName, projection: CounterfactualModel.Projection)? = nil
    ) {
        self.campaign = campaign
        self.series = series
        self.funnel = funnel
        self.controls = controls
        self.nextCampaign = nextCampaign
    }

    /// Estimates `campaign` of `calendar` on the daily series `series` (such as `SeriesCatalog.series`).
    ///
    /// - Parameters:
    ///   - seriesNames: the series to estimate, instead of the campaign's own (an ad-hoc question about any
    ///     period of any series).
    ///   - skippingContext: a context event the models leave out of their design (the question is the event
    ///     itself: its days are the window, and its step would otherwise be the answer).
    ///   - exclusions: the calendar's campaigns indexed by what they touch; built from `calendar` when nil
    ///     (`estimateAll` builds it once for the night).
    ///
    /// A model whose window overlaps context events it adjusts for also gets a twin without those steps
    /// (`SeriesEstimate.modelWithoutContext`): the adjusted model attributes that part of the change to the
    /// events, and the reader sees both.
    public static func estimate(
        campaign: Campaign, calendar: CampaignCalendar, series: [DailySeries], seriesNames: [SeriesName]? = nil,
        skippingContext: String? = nil, exclusions: CampaignExclusions? = nil
    ) -> CampaignEstimates {
        let level = calendar.confidenceLevel
        let byName = Dictionary(series.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let length = campaign.window.dayCount
        let firstDay = campaign.window.start.adding(days: -CounterfactualModel.defaultFitDays - length)
        let lastDay = campaign.window.end.adding(days: length)
        let (holidays, holidayNote) = calendar.holidays.holidays(years: firstDay.year...lastDay.year)
        let terms = calendar.calendarTerms(holidays: holidays)
        let context = calendar.context.filter { $0.id != skippingContext }.map(ContextStep.init)
        let exclusions = exclusions ?? CampaignExclusions(campaigns: calendar.campaigns)
        let endingNotes = Self.contextEndingNotes(
            campaign: campaign.window, events: calendar.context.filter { $0.id != skippingContext })
        let overlapping = context.filter {
            $0.days.start <= campaign.window.end && campaign.window.start <= $0.days.end
        }

        var names = campaign.helplines.map { SeriesName(metric: .calls, key: $0) }
        var seenHashtags: Set<String> = []
        for hashtag in campaign.hashtags where seenHashtags.insert(Hashtag.key(hashtag)).inserted {
            names.append(SeriesName(metric: .videos, key: Hashtag.key(hashtag)))
        }
        names += campaign.banners.map { SeriesName(metric: .impressions, key: $0) }
        names += campaign.banners.map { SeriesName(metric: .clicks, key: $0) }
        if let seriesNames { names = seriesNames }

        let controls = campaign.controls.map { name in
            ControlSeries(name: name, values: SeriesName(parsing: name).flatMap { byName[$0]?.values } ?? [:])
        }
        var estimates: [SeriesEstimate] = []
        for name in names {
            let values = byName[name]?.values ?? [:]
            let controlNames = controls.filter { Self.sameFamily($0.name, name.metric) }.compactMap {
                SeriesName(parsing: $0.name)
            }
            let excluded = exclusions.excludedDays(touching: [name] + controlNames, except: campaign.id)
            let baseline =
                campaign.baseline
                ?? WindowComparison.precedingBaseline(
                    for: campaign.window, avoiding: exclusions.excludedDays(touching: [name], except: campaign.id))
            var model: CounterfactualModel?
            var unadjusted: CounterfactualModel?
            if name.metric == .calls || name.metric == .videos || name.metric == .answered || name.metric == .views {
                let own = controls.filter { control in
                    control.name != name.description && Self.sameFamily(control.name, name.metric)
                }
                model = CounterfactualModel(
                    series: values, campaign: campaign.window, excludedDays: excluded, holidays: holidays,
                    contextEvents: context, controls: own, confidenceLevel: level, calendarTerms: terms)
                if !overlapping.isEmpty {
                    // The row without the overlapping events looks for no undeclared change either: it would find
                    // the events themselves (a lockdown is a change of level) and put back what the row leaves out.
                    unadjusted = CounterfactualModel(
                        series: values, campaign: campaign.window, excludedDays: excluded, holidays: holidays,
                        contextEvents: context.filter { !overlapping.contains($0) }, controls: own,
                        confidenceLevel: level, calendarTerms: terms, detectsTrendChanges: false)
                }
            }
            let modelEstimate = model?.estimate()
            let noise = modelEstimate?.figures?.noise
            let window = WindowComparison(
                series: values, campaign: campaign.window, baseline: baseline ?? campaign.window, noise: noise,
                confidenceLevel: level)
            let yearEarlier = WindowComparison.yearEarlierBaseline(for: campaign.window)
            let hasYearEarlierData = yearEarlier.map { $0.days.contains { values[$0] != nil } } ?? false
            let yearOverYear =
                hasYearEarlierData
                ? WindowComparison.yearOverYear(
                    series: values, campaign: campaign.window, noise: noise, confidenceLevel: level)
                : nil
            estimates.append(
                SeriesEstimate(
                    campaign: campaign.id, series: name, hasData: !values.isEmpty, window: window,
                    yearOverYear: yearOverYear, model: modelEstimate,
                    placebo: model?.placebo(carrying: modelEstimate?.trendChanges ?? []),
                    persistence: model?.persistence(),
                    modelNotes: (holidayNote.map { [$0] } ?? []) + (model == nil ? [] : endingNotes),
                    modelWithoutContext: unadjusted?.estimate(), overlappingContext: overlapping.map(\.id),
                    earlierPlacebos: model.map { Self.earlierPlacebos(of: $0) } ?? []))
        }
        let controlChecks = controls.map { control in
            ControlCheck(
                control: control.name,
                estimate: CounterfactualModel(
                    series: control.values, campaign: campaign.window,
                    excludedDays: exclusions.excludedDays(
                        touching: SeriesName(parsing: control.name).map { [$0] } ?? [], except: campaign.id),
                    holidays: holidays,
                    contextEvents: context, confidenceLevel: level, calendarTerms: terms
                ).estimate())
        }
        var next: (series: SeriesName, projection: CounterfactualModel.Projection)?
        if let helpline = campaign.helplines.first {
            let name = SeriesName(metric: .calls, key: helpline)
            let values = byName[name]?.values ?? [:]
            if let last = values.keys.max(),
                let model = CampaignPlan.model(
                    of: values, named: name, calendar: calendar, start: last.adding(days: 1), days: length,
                    exclusions: exclusions),
                case .success(let projection) = CampaignPlan.minimumDetectableUplift(
                    of: model, start: last.adding(days: 1), days: length)
            {
                next = (name, projection)
            }
        }
        return CampaignEstimates(
            campaign: campaign, series: estimates,
            funnel: BannerFunnel(campaign: campaign, series: series, confidenceLevel: level), controls: controlChecks,
            nextCampaign: next)
    }

    /// The placebos of `model` further back than its own (``SeriesEstimate/earlierPlacebos``): the same model
    /// (its calendar columns included) on a fake campaign two lengths before the start and on the same days 364
    /// days earlier, each fitted on the days before its fake start. A window that overlaps another campaign, or
    /// that has no data, is left out; so is a placebo whose fit had to drop a calendar column that is not 0 in its
    /// window: on a history that starts in January, the year-earlier window of a July campaign holds summer
    /// holidays its fit never saw, and it would find the holidays (−11% on the sample's 119 calls), not a misfit.
    static func earlierPlacebos(of model: CounterfactualModel) -> [CounterfactualEstimate] {
        let campaign = model.campaign
        let length = campaign.dayCount
        let windows = [
            DayRange(start: campaign.start.adding(days: -2 * length), end: campaign.start.adding(days: -length - 1)),
            DayRange(start: campaign.start.adding(days: -364), end: campaign.end.adding(days: -364)),
        ]
        var seen: Set<CivilDate> = []
        return windows.compactMap { window -> CounterfactualEstimate? in
            guard let window, window.end < campaign.start, seen.insert(window.start).inserted,
                !model.excludedDays.contains(where: { $0.start <= window.end && window.start <= $0.end }),
                window.days.contains(where: { model.series[$0] != nil })
            else { return nil }
            let placebo = CounterfactualModel(
                series: model.series, campaign: window, excludedDays: model.excludedDays, holidays: model.holidays,
                contextEvents: model.contextEvents, controls: model.controls, confidenceLevel: model.confidenceLevel,
                calendarTerms: model.calendarTerms
            ).estimate()
            guard placebo.isFitted, !meetsDroppedCalendarColumn(placebo, terms: model.calendarTerms) else {
                return nil
            }
            return placebo
        }
    }

    /// Whether a calendar column that `estimate`'s fit dropped is not 0 on one of its window's days.
    static func meetsDroppedCalendarColumn(_ estimate: CounterfactualEstimate, terms: CalendarTerms) -> Bool {
        let dropped = Set(
            estimate.notes.flatMap { note -> [DesignColumn] in
                if case .calendarColumnsDropped(let columns) = note { return columns }
                return []
            })
        guard !dropped.isEmpty else { return false }
        let columns = terms.columns
        let indices = columns.indices.filter { dropped.contains(columns[$0]) }
        return estimate.window.days.contains { day in
            let values = terms.values(on: day)
            return indices.contains { values[$0] != 0 }
        }
    }

    /// The headline choice of the campaign (``HeadlineChoice``): that of its first helpline series, else of its
    /// first series; nil when it has no series.
    public var headline: HeadlineChoice? {
        let helpline = campaign.helplines.first.map { SeriesName(metric: .calls, key: $0) }
        guard let chosen = series.first(where: { $0.series == helpline }) ?? series.first else { return nil }
        return chosen.headlineChoice(confidenceLevel: chosen.model?.confidenceLevel ?? chosen.window.confidenceLevel)
    }

    /// Whether the control named `control` applies to a series of `metric`: helpline controls (`calls:`,
    /// `answered:`) to call series, hashtag controls (`videos:`, `views:`) to video series. A shock shared by
    /// two helplines says nothing of the videos posted under a hashtag.
    static func sameFamily(_ control: String, _ metric: SeriesName.Metric) -> Bool {
        guard let controlMetric = SeriesName(parsing: control)?.metric else { return false }
        func family(_ metric: SeriesName.Metric) -> Int {
            switch metric {
            case .calls, .answered: return 0
            case .videos, .views: return 1
            default: return 2
            }
        }
        return family(controlMetric) == family(metric)
    }

    /// Estimates every campaign of `calendar`, in calendar order.
    public static func estimateAll(calendar: CampaignCalendar, series: [DailySeries]) -> [CampaignEstimates] {
        let exclusions = CampaignExclusions(campaigns: calendar.campaigns)
        return calendar.campaigns.map {
            estimate(campaign: $0, calendar: calendar, series: series, exclusions: exclusions)
        }
    }

    /// How many days before a campaign's start a context event may have ended and still be noted
    /// (`EstimateNote.contextEnding`): six weeks, about how long calls took to settle after the first lockdown.
    public static let contextEndingNoticeDays = 42

    /// One `EstimateNote.contextEnding` per event of `events` that ended inside `campaign` or in the
    /// `contextEndingNoticeDays` days before its start: the model's expectation on the window then rests on how
    /// the event's effect is assumed to end (abruptly, or over its declared return).
    static func contextEndingNotes(campaign: DayRange, events: [ContextEvent]) -> [EstimateNote] {
        events.compactMap { event in
            let endedDaysBefore = event.window.end.days(to: campaign.start)
            guard event.window.end <= campaign.end, endedDaysBefore <= contextEndingNoticeDays else { return nil }
            return .contextEnding(
                event: event.id, endedDaysBefore: endedDaysBefore, declaredReturn: event.gradualReturn)
        }
    }

    /// Every `uplift.csv` row of the campaign, series by series.
    public var rows: [UpliftRow] { series.flatMap(\.rows) }
}
