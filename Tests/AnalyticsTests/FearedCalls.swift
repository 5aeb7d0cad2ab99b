import Analytics
import Foundation
import Ingest
import SampleData

/// The data we fear (issue 25, item 8): one simulator with a setting per row of the audit's table, each drawn
/// as a whole night (a campaign calendar and its daily series) so that the pipeline estimates it exactly as
/// `awareness run` would (`CampaignEstimates`: holidays and school calendar, context events, other campaigns'
/// windows and carry-over, placebos, the headline choice).
///
/// Every setting but the many-campaigns one has one campaign estimated per simulation, of one helpline; the
/// many-campaigns setting draws a night of 100 campaigns over three years across 10 helplines
/// (``SimulatedNight``) and estimates each of them. Each simulation is drawn twice: with the setting's uplift
/// injected (coverage, width, bias, placebo) and with none (null findings), the misfit the same on both.
struct FearedCalls {
    /// One row of the calibration table.
    enum Setting: String, CaseIterable, Sendable {
        case schoolCalendar = "school-calendar"
        case christmas
        case fadingLockdown = "fading-lockdown"
        case levelShift = "level-shift"
        case slopeChange = "slope-change"
        case spikes
        case twoCampaigns = "two-campaigns"
        case manyCampaigns = "many-campaigns"

        /// What the row simulates, as the README's table says it.
        var title: String {
            switch self {
            case .schoolCalendar:
                "school calendar (summer −35%, Christmas −25%, other school holidays −15%), campaign at the "
                    + "rentrée, 13–20 months of history, 80/day, +15%"
            case .christmas:
                "Christmas campaign (7–27 Dec), school holidays, Christmas days −40%, eves −10%, bridge days −15%, "
                    + "150/day, +15%"
            case .fadingLockdown:
                "lockdown ×1.3 fading over the 14 days after its declared end (`ends_over: 14`), campaign "
                    + "right after, 300/day, +15%"
            case .levelShift: "undeclared level shift ±10–25% six weeks before, 300/day, +15%"
            case .slopeChange: "undeclared slope change ±15%/year eight months before, 300/day, +15%"
            case .spikes: "news spikes ×2–4 halving daily, one every 90 days on average, 300/day, +15%"
            case .twoCampaigns:
                "two campaigns: the second's placebo on the first's tail fading over 14 days, 300/day, +15%"
            case .manyCampaigns: "100 campaigns over 3 years across 10 helplines, 40–490/day, +15%"
            }
        }

        /// Whether the structure the row simulates is built into the model or declared to it (targets: coverage
        /// 93–97%, null findings at most 6%), rather than unknown to it (coverage at least 90%, headlines that
        /// miss with no caution at most 5%).
        var isKnownToTheModel: Bool {
            switch self {
            case .schoolCalendar, .christmas, .fadingLockdown, .twoCampaigns, .manyCampaigns: true
            case .levelShift, .slopeChange, .spikes: false
            }
        }

        /// The audit's figures before issue 25 (coverage, null significant, wrong headline with no caution),
        /// as its text gives them; nil where it gives none.
        var audit: String {
            switch self {
            case .schoolCalendar: "65% / 35% / 35%"
            case .christmas: "88% / 11% / 12%"
            case .fadingLockdown: "51% / 49.5% / 41%"
            case .levelShift: "77% / 20% / 11.5%"
            case .slopeChange: "72% / 28% / 16.5%"
            case .spikes: "91.5% / 8% / — (intervals 2.9× wider)"
            case .twoCampaigns: "92.5% / 7.5% / — (placebo fires 40%)"
            case .manyCampaigns: "intervals for 27 of 100, median −76% against +15%"
            }
        }

        /// The campaigns one simulation of the row estimates.
        var campaignsPerSimulation: Int { self == .manyCampaigns ? 100 : 1 }
    }

    /// One campaign to estimate in a drawn night, with the uplift injected into its series.
    struct Target: Sendable {
        let campaign: Campaign
        let series: SeriesName
        let truth: Double
    }

    /// The noise of every row drawn with ``NoisyCalls``: AR(1) latent deviation ρ 0.3 sd 5%, negative binomial of
    /// size 100, 300 calls a day, two years of history, a 14-day campaign of +15%.
    static let base = NoisyCalls.Setting(
        name: "AR ρ 0.3 sd 5%, NB size 100, 300/day, 2 y, 14 d, +15%", level: 300, historyYears: 2,
        campaignDays: 14, uplift: 0.15, autoregression: 0.3, latentDeviation: 0.05, size: 100)
    static let helpline = "3020"
    static let seriesName = SeriesName(metric: .calls, key: helpline)

    let setting: Setting
    /// The campaign calendar the pipeline reads.
    let calendar: CampaignCalendar
    /// The daily series of the night.
    let series: [DailySeries]
    /// The campaigns to estimate.
    let targets: [Target]

    /// Draws simulation `index` of `setting` from `seed`, with the setting's uplift when `effect`, else with
    /// none (and independent noise).
    init(_ setting: Setting, index: Int, seed: UInt64, effect: Bool) {
        let uplift = effect ? Self.base.uplift : 0
        let stream = effect ? "target" : "null"
        switch setting {
        case .schoolCalendar, .christmas:
            let school = SchoolCalendarCalibrationTests.settings[setting == .schoolCalendar ? 0 : 1]
            let drawn = SchoolCalendarCalibrationTests.simulate(
                school, index: index, seed: seed, stream: effect ? "treated" : "null",
                uplift: effect ? school.uplift : 0)
            let campaign = Campaign(id: "campaign", window: drawn.campaign, helplines: [Self.helpline], banners: [])
            // The built-in French holidays with every zone's school holidays: the default of campaigns.yaml.
            self.init(
                setting: setting, calendar: CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: [campaign]),
                series: [DailySeries(name: Self.seriesName, values: drawn.series)],
                targets: [Target(campaign: campaign, series: Self.seriesName, truth: effect ? school.uplift : 0)])
        case .fadingLockdown:
            let drawn = NoisyCalls(
                setting: Self.base, seed: seed, stream: stream, uplift: uplift,
                shock: FadingContextCalibrationTests.shock)
            let lockdown = dayRange(
                from: drawn.campaign.start.adding(days: -FadingContextCalibrationTests.lockdownDays),
                days: FadingContextCalibrationTests.lockdownDays)
            let event = ContextEvent(
                id: "lockdown", window: lockdown,
                gradualReturn: ContextReturn(days: FadingContextCalibrationTests.returnDays))
            self.init(setting, drawn: drawn, uplift: uplift, context: [event])
        case .levelShift, .slopeChange:
            let historyDays = Int((Self.base.historyYears * 365).rounded())
            let shock = SimulatedHeadline.shock(
                setting == .levelShift ? .levelShift : .slopeChange, historyDays: historyDays, seed: seed)
            let drawn = NoisyCalls(setting: Self.base, seed: seed, stream: stream, uplift: uplift, shock: shock)
            self.init(setting, drawn: drawn, uplift: uplift)
        case .spikes:
            let factors = Self.spikeFactors(seed: seed, days: Self.base.days)
            let drawn = NoisyCalls(
                setting: Self.base, seed: seed, stream: stream, uplift: uplift,
                shock: { factors.indices.contains($0) ? factors[$0] : 1 })
            self.init(setting, drawn: drawn, uplift: uplift)
        case .twoCampaigns:
            let historyDays = Int((Self.base.historyYears * 365).rounded())
            let drawn = NoisyCalls(
                setting: Self.base, seed: seed, stream: stream, uplift: uplift,
                shock: { Self.firstCampaignFactor(offset: $0, secondStart: historyDays) })
            let first = Campaign(
                id: "first", window: dayRange(from: drawn.campaign.start.adding(days: -28), days: 14),
                helplines: [Self.helpline], banners: [])
            self.init(setting, drawn: drawn, uplift: uplift, others: [first])
        case .manyCampaigns:
            let night = SimulatedNight(helplines: 10, uplift: uplift, seed: effect ? seed : seed &+ 1_000_003)
            // The night's calls follow no school calendar: the model is given none (as `school_holidays: none`).
            self.init(
                setting: setting,
                calendar: CampaignCalendar(
                    timeZoneIdentifier: "Europe/Paris", campaigns: night.calendar.campaigns,
                    schoolHolidays: SchoolHolidayZones.none),
                series: night.series,
                targets: night.calendar.campaigns.compactMap { campaign in
                    campaign.helplines.first.map {
                        Target(campaign: campaign, series: SeriesName(metric: .calls, key: $0), truth: uplift)
                    }
                })
        }
    }

    /// A night of one helpline drawn by ``NoisyCalls``, whose campaign is the target, with `others` campaigns of
    /// the same helpline before it and the context events `context`. Its calls follow no school calendar, so the
    /// model is given none (as `school_holidays: none`).
    private init(
        _ setting: Setting, drawn: NoisyCalls, uplift: Double, context: [ContextEvent] = [],
        others: [Campaign] = []
    ) {
        let campaign = Campaign(id: "campaign", window: drawn.campaign, helplines: [Self.helpline], banners: [])
        // The days after the campaign are not part of the question; dropping them keeps every tool to the same
        // days (the model never fits them either).
        self.init(
            setting: setting,
            calendar: CampaignCalendar(
                timeZoneIdentifier: "Europe/Paris", campaigns: others + [campaign], context: context,
                schoolHolidays: SchoolHolidayZones.none),
            series: [DailySeries(name: Self.seriesName, values: drawn.series.filter { $0.key <= drawn.campaign.end })],
            targets: [Target(campaign: campaign, series: Self.seriesName, truth: uplift)])
    }

    private init(setting: Setting, calendar: CampaignCalendar, series: [DailySeries], targets: [Target]) {
        self.setting = setting
        self.calendar = calendar
        self.series = series
        self.targets = targets
    }

    /// The spikes' multiplier by day offset: each day a spike starts with probability 1/90, of size s drawn
    /// uniformly in 2–4, multiplying the mean by 1 + (s − 1)·2^−k on its k-th day (k = 0…6); overlapping spikes
    /// add. The same spikes for the simulation with the effect and the null one.
    static func spikeFactors(seed: UInt64, days: Int) -> [Double] {
        var generator = SeededGenerator(seed: seed, stream: "spikes")
        var factors = [Double](repeating: 1, count: days)
        for start in 0..<days where generator.nextUnit() < 1.0 / 90 {
            let size = 2 + 2 * generator.nextUnit()
            for k in 0..<7 where start + k < days {
                factors[start + k] += (size - 1) * pow(0.5, Double(k))
            }
        }
        return factors
    }

    /// The first campaign's multiplier by day offset, for a second campaign starting on `secondStart`: +15% over
    /// the 14 days from 28 days before the second's start, then fading linearly over the 14 days after, on
    /// exactly the second's placebo window (1 + 0.15·(1 − k/14) on the k-th day after).
    static func firstCampaignFactor(offset: Int, secondStart: Int) -> Double {
        let end = secondStart - 15
        if offset > end - 14, offset <= end { return 1.15 }
        let after = offset - end
        guard after > 0, after <= 14 else { return 1 }
        return 1 + 0.15 * (1 - Double(after) / 14)
    }

    /// The days before `target`'s start that its models leave out (other campaigns touching its series and
    /// their carry-over), as the pipeline computes them.
    func excludedDays(for target: Target, exclusions: CampaignExclusions) -> [DayRange] {
        exclusions.excludedDays(touching: [target.series], except: target.campaign.id).filter {
            $0.start < target.campaign.window.start
        }
    }
}

extension NoisyCalls.Setting {
    /// The days a simulation of the setting draws: the history, the campaign and as many days after it.
    var days: Int { Int((historyYears * 365).rounded()) + 2 * campaignDays }
}

/// What the pipeline made of one target campaign: the model's figures, its placebo's, the headline choice and
/// the interval of the row it quotes, and the seconds `CampaignEstimates.estimate` took.
struct FearedVerdict: Sendable {
    let figures: CounterfactualEstimate.Figures?
    let placebo: CounterfactualEstimate.Figures?
    let choice: HeadlineChoice?
    let quoted: ConfidenceInterval?
    let quotedUplift: Double?
    let seconds: Double

    /// Estimates `target` of `night` with the pipeline.
    init(_ night: FearedCalls, target: FearedCalls.Target, exclusions: CampaignExclusions) {
        let clock = ContinuousClock()
        var estimates: CampaignEstimates?
        let duration = clock.measure {
            estimates = CampaignEstimates.estimate(
                campaign: target.campaign, calendar: night.calendar, series: night.series,
                seriesNames: [target.series], exclusions: exclusions)
        }
        seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        let series = estimates?.series.first
        figures = series?.model?.figures
        placebo = series?.placebo?.figures
        choice = estimates?.headline
        let row = estimates?.rows.first { $0.headline }
        quotedUplift = row?.uplift
        quoted = row.flatMap { row in
            row.upliftLow.flatMap { low in
                row.upliftHigh.map { ConfidenceInterval(lower: low, upper: $0, level: 0.95) }
            }
        }
    }

    /// Whether the headline quotes an interval that misses `truth` while giving no caution. A headline that
    /// quotes nothing does not miss.
    func missesSilently(_ truth: Double) -> Bool {
        guard let choice, choice.cautions.isEmpty, let quoted else { return false }
        return !quoted.contains(truth)
    }
}

/// What the simulations of one row found: the rates of the calibration table.
struct FearedOutcome: Sendable {
    var campaigns = 0
    var notFitted = 0
    var covered = 0
    var nullFindings = 0
    var placeboFindings = 0
    var silentMisses = 0
    var silentNullMisses = 0
    var nullCautions = 0
    /// On the null campaigns, how often each caution code was given.
    var nullCautionCodes: [HeadlineCaution.Code: Int] = [:]
    var widths: [Double] = []
    var errors: [Double] = []
    var seconds: [Double] = []

    func rate(_ count: Int) -> Double { Double(count) / Double(max(1, campaigns)) }
    var coverage: Double { rate(covered) }
    var nullRate: Double { rate(nullFindings) }
    var placeboRate: Double { rate(placeboFindings) }
    /// The share of headlines, with the effect and without, that miss the truth with no caution.
    var silentMissRate: Double { Double(silentMisses + silentNullMisses) / Double(max(1, 2 * campaigns)) }
    var bias: Double { errors.reduce(0, +) / Double(max(1, errors.count)) }

    /// The caution codes given on null campaigns with their rates, most frequent first ("—" when none).
    var nullCautionSummary: String {
        let codes = nullCautionCodes.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
        guard !codes.isEmpty else { return "—" }
        return codes.map { "\($0.key.rawValue) \(String(format: "%.1f%%", 100 * rate($0.value)))" }.joined(
            separator: ", ")
    }

    /// Counts one target drawn with its effect and without: a pair whose model was not fitted on either side
    /// counts as not fitted, and nowhere else.
    mutating func record(effect: FearedVerdict, null: FearedVerdict, truth: Double) {
        guard let figures = effect.figures, let nullFigures = null.figures else {
            notFitted += 1
            return
        }
        campaigns += 1
        if figures.upliftInterval.contains(truth) { covered += 1 }
        if !nullFigures.upliftInterval.contains(0) { nullFindings += 1 }
        if let placebo = effect.placebo, !placebo.upliftInterval.contains(0) { placeboFindings += 1 }
        if effect.missesSilently(truth) { silentMisses += 1 }
        if null.missesSilently(0) { silentNullMisses += 1 }
        if let choice = null.choice, !choice.cautions.isEmpty {
            nullCautions += 1
            for code in Set(choice.cautions.map(\.code)) { nullCautionCodes[code, default: 0] += 1 }
        }
        widths.append(figures.upliftInterval.upper - figures.upliftInterval.lower)
        errors.append(figures.uplift - truth)
        seconds.append(effect.seconds)
        seconds.append(null.seconds)
    }
}
