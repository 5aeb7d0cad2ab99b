import Analytics
import Ingest

/// The words of the tables and sentences the query commands print (``QueryTables``, ``PlanAnswer``): their
/// column headers, lowercase as in a terminal, and the sentences around them.
extension ReportWording {
    // MARK: - Uplift

    /// The headers of the uplift table, in order: series, method, days, observed, expected, extra, uplift, p, φ
    /// and autocorrelation.
    public var upliftTableHeaders: [String] {
        [
            pick("series", "série"), pick("method", "méthode"), pick("days", "jours"), pick("observed", "observé"),
            pick("expected", "attendu"), pick("extra", "écart"), pick("uplift", "évolution"), "p", "φ",
            pick("autocorrelation", "autocorrélation"),
        ]
    }

    /// The header of the notes of a table's rows: `note` in both languages.
    public var notesHeader: String { "note" }

    /// What heads a model row's context events: `adjusted for context events` / `ajusté pour les événements`.
    public var adjustedForContextEvents: String {
        pick("adjusted for context events", "ajusté pour les événements")
    }

    /// What heads a row's control series: `controls` / `contrôles`.
    public var controls: String { pick("controls", "contrôles") }

    // MARK: - Weekly

    /// The headers of the weekly table, in order: week, series, value, days, the two changes, campaigns and
    /// anomaly.
    public var weeklyTableHeaders: [String] {
        [
            pick("week", "semaine"), pick("series", "série"), pick("value", "valeur"), pick("days", "jours"),
            pick("vs previous week", "vs semaine précédente"), pick("vs last year", "vs l'an dernier"),
            pick("campaigns", "campagnes"), pick("anomaly", "anomalie"),
        ]
    }

    /// The anomaly cell of a week that has one: `yes` / `oui`.
    public var yes: String { pick("yes", "oui") }

    /// What the weekly table's anomaly flag means, said under the table when a week is flagged.
    public var anomalyMeaning: String {
        pick(
            "anomaly: a day of the week lies outside what the same weekday of the four weeks before predicts "
                + "(about 5% of weeks with no change are flagged); look at that day, it is not a campaign's effect.",
            "anomalie\u{00A0}: un jour de la semaine sort de ce que le même jour des quatre semaines précédentes "
                + "laisse attendre (environ 5\u{202F}% des semaines sans changement sont signalées)\u{202F}; regardez "
                + "ce jour, ce n'est "
                + "pas l'effet d'une campagne.")
    }

    // MARK: - Comparison

    /// The headers of the comparison table, in order: series, the period `period` and the one `against` (as the
    /// rows name them), and the change.
    public func comparisonTableHeaders(period: String, against: String) -> [String] {
        [pick("series", "série"), period, against, pick("change", "variation")]
    }

    /// The header of a comparison's period when there is no row to name it: `period` / `période`.
    public var periodHeader: String { pick("period", "période") }

    /// The header of the period compared against when there is no row to name it: `against` / `contre`.
    public var againstHeader: String { pick("against", "contre") }

    /// The sentence after a comparison of periods of `days` and `againstDays` days, which says changes compare
    /// daily means.
    public func differentPeriodLengths(days: Int, againstDays: Int) -> String {
        pick(
            "Periods of different lengths (\(days) and \(againstDays) days): changes compare daily means; "
                + "those of CTRs, the two periods' CTRs.",
            "Périodes de longueurs différentes (\(days) et \(againstDays) jours)\u{202F}: les variations "
                + "comparent les moyennes par jour\u{202F}; celles des CTR, les CTR des deux périodes.")
    }

    // MARK: - Funnel

    /// The name of a funnel's dimension, lowercase: `placement` / `emplacement`, `banner` / `bannière`, …
    public func funnelDimension(_ dimension: FunnelBreakdown.Dimension) -> String {
        switch dimension {
        case .placement: return pick("placement", "emplacement")
        case .banner: return pick("banner", "bannière")
        case .region: return pick("region", "région")
        case .week: return pick("week", "semaine")
        }
    }

    /// The name of the group of rows whose dimension is empty: `(not given)` / `(non renseigné)`.
    public var funnelGroupNotGiven: String { pick("(not given)", "(non renseigné)") }

    /// The sentence that opens a funnel: campaign `campaign` (escaped or not) over the days `window`, by
    /// `dimension`.
    public func funnelOpening(campaign: String, window: DayRange, dimension: FunnelBreakdown.Dimension) -> String {
        let days = format.dateRange(window)
        let name = funnelDimension(dimension)
        return pick(
            "Banner funnel of campaign \(campaign) (\(days)), by \(name):",
            "Entonnoir de la campagne \(campaign) (\(days)), par \(name)\u{202F}:")
    }

    /// The headers of a funnel's groups, in order: the dimension, impressions, clicks and the CTR with its
    /// interval at `confidenceLevel`.
    public func funnelGroupHeaders(_ dimension: FunnelBreakdown.Dimension, confidenceLevel: Double) -> [String] {
        [
            funnelDimension(dimension), "impressions", pick("clicks", "clics"),
            pick("CTR (\(level(confidenceLevel)) interval)", "CTR (intervalle à \(level(confidenceLevel)))"),
        ]
    }

    /// The sentence before the differences of CTR between a funnel's groups.
    public var funnelDifferencesIntroduction: String {
        pick(
            "Differences of CTR between groups, best first (in percentage points):",
            "Écarts de CTR entre groupes, du meilleur au moins bon (en points)\u{202F}:")
    }

    /// The headers of the differences of CTR, in order: the dimension of the first group, the group it is set
    /// against, and the difference with its interval at `confidenceLevel`.
    public func funnelDifferenceHeaders(_ dimension: FunnelBreakdown.Dimension, confidenceLevel: Double) -> [String] {
        [
            funnelDimension(dimension), againstHeader,
            pick(
                "difference (\(level(confidenceLevel)) interval)", "écart (intervalle à \(level(confidenceLevel)))"),
        ]
    }

    // MARK: - Plan

    /// The sentence that opens a plan of series `name` (escaped or not): what `outcome` found for the campaign of
    /// the days `window`, tested two-sided at `confidenceLevel`, whose minimum detectable uplift is
    /// `minimumDetectableUplift`; a search that finds no length up to `CampaignPlan.longestSearchedDays` says so.
    public func planOpening(
        _ name: String, outcome: PlanOutcome, window: DayRange, confidenceLevel: Double,
        minimumDetectableUplift: Double
    ) -> String {
        let level = level(confidenceLevel)
        let start = format.date(window.start)
        let days = format.integer(window.dayCount) + " " + dayNoun(window.dayCount)
        let range = format.dateRange(window)
        switch outcome {
        case .notDetectable(let target):
            let longest = format.integer(CampaignPlan.longestSearchedDays)
            let lowest = format.change(minimumDetectableUplift)
            return pick(
                "Planning \(name): an uplift of \(format.change(target)) cannot be detected with 80% power "
                    + "(two-sided \(level)) by a campaign of up to \(longest) days starting \(start); the lowest "
                    + "minimum detectable uplift, \(lowest), is that of \(days) (\(range)).",
                "Préparation, \(name)\u{202F}: une hausse de \(format.change(target)) ne peut être détectée avec une "
                    + "puissance de 80\u{202F}% (test bilatéral à \(level)) par une campagne de \(longest) jours au "
                    + "plus commençant le \(start)\u{202F}; la plus petite hausse minimale détectable, \(lowest), "
                    + "est celle de \(days) (\(range)).")
        case .detectedWithin(let target):
            return pick(
                "Planning \(name): to detect an uplift of \(format.change(target)) with 80% power (two-sided "
                    + "\(level)), a campaign starting \(start) needs \(days) (\(range)).",
                "Préparation, \(name)\u{202F}: pour détecter une hausse de \(format.change(target)) avec une "
                    + "puissance de 80\u{202F}% (test bilatéral à \(level)), une campagne commençant le \(start) doit "
                    + "durer \(days) (\(range)).")
        case .minimumDetectableUplift:
            return pick(
                "Planning \(name): a campaign of \(days) (\(range)).",
                "Préparation, \(name)\u{202F}: une campagne de \(days) (\(range)).")
        }
    }

    /// `day` or `days` / `jour` or `jours`, after `count`.
    private func dayNoun(_ count: Int) -> String {
        count == 1 ? pick("day", "jour") : pick("days", "jours")
    }

    /// The headers of a plan's table, in order: the expected count without a campaign, the standard error of its
    /// log, the fitted days and the minimum detectable uplift.
    public var planTableHeaders: [String] {
        [
            pick("expected without a campaign", "attendu sans campagne"),
            pick("standard error of its log", "erreur type de son log"), pick("fitted days", "jours ajustés"),
            pick("minimum detectable uplift", "hausse minimale détectable"),
        ]
    }

    /// The sentence that says what the minimum detectable uplift of a test two-sided at `confidenceLevel` means,
    /// with its formula; `unbroken` writes the formula with no-break spaces, so that no line of plain text
    /// breaks it.
    public func minimumDetectableUpliftMeaning(confidenceLevel: Double, unbroken: Bool) -> String {
        let level = level(confidenceLevel)
        let written = pick("exp((t + z₀.₈₀)·se) − 1", "exp((t + z₀,₈₀)·se) − 1")
        let formula = unbroken ? String(written.map { $0 == " " ? "\u{00A0}" : $0 }) : written
        return pick(
            "The minimum detectable uplift is the smallest rise the model's test (two-sided \(level)) finds 8 "
                + "times in 10: \(formula), the model fitted on the days before the campaign and projected onto it.",
            "La hausse minimale détectable est la plus petite hausse que le test du modèle (bilatéral à \(level)) "
                + "trouve 8 fois sur 10\u{202F}: \(formula), le modèle étant ajusté sur les jours précédant la "
                + "campagne et projeté sur elle.")
    }

}
