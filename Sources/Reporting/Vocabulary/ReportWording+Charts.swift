import Analytics
import Ingest

/// The words of the campaign charts: titles, axis labels, legends and the headers of their tables.
extension ReportWording {
    /// The title of a daily chart: `Calls to 119: observed and expected` / `Appels au 119 : observé et attendu`.
    public func observedAndExpectedTitle(_ series: SeriesName) -> String {
        seriesLabel(series) + pick(": observed and expected", "\u{00A0}: observé et attendu")
    }

    /// The value axis of a daily chart: `Calls per day` / `Appels par jour`.
    public func perDay(_ metric: SeriesName.Metric) -> String {
        pick("\(noun(metric).capitalized) per day", "\(noun(metric).capitalized) par jour")
    }

    /// `Expected, low` / `Attendu, bas`.
    public var expectedLow: String { pick("Expected, low", "Attendu, bas") }

    /// `Expected, high` / `Attendu, haut`.
    public var expectedHigh: String { pick("Expected, high", "Attendu, haut") }

    /// The title of a banner's weekly chart: `Banner banner-119: impressions and clicks per week`.
    public func bannerWeeklyTitle(_ banner: String) -> String {
        pick(
            "Banner \(banner): impressions and clicks per week",
            "Bannière \(banner)\u{00A0}: impressions et clics par semaine")
    }

    /// `Per week` / `Par semaine`, the value axis of the weekly banner chart.
    public var perWeek: String { pick("Per week", "Par semaine") }

    /// The title of a banner's CTR chart: `banner-119: click-through rate by placement`.
    public func ctrByPlacementTitle(_ banner: String) -> String {
        pick("\(banner): click-through rate by placement", "\(banner)\u{00A0}: taux de clics par emplacement")
    }

    /// `CTR (%)` / `Taux de clics (%)`, the value axis of the CTR chart's Mermaid block.
    public var ctrInPercent: String { pick("CTR (%)", "Taux de clics (%)") }

    /// `Figures of the chart` / `Chiffres du graphique`, the summary of a chart's folded table.
    public var figuresOfTheChart: String { pick("Figures of the chart", "Chiffres du graphique") }

    /// The legend of a context event hatched on a chart: `Context: Premier confinement` /
    /// `Contexte : Premier confinement` (the name as campaigns.yaml gives it).
    public func contextEventLegend(_ name: String) -> String {
        pick("Context: \(name)", "Contexte\u{00A0}: \(name)")
    }

    /// The title of the cumulative chart: `Calls to 119: extra calls over the campaign, added up` /
    /// `Appels au 119 : appels supplémentaires cumulés sur la campagne`.
    public func cumulativeChartTitle(_ series: SeriesName) -> String {
        let noun = noun(series.metric)
        return seriesLabel(series)
            + pick(
                ": extra \(noun) over the campaign, added up",
                "\u{00A0}: \(noun) supplémentaires \(isFeminine(series.metric) ? "cumulées" : "cumulés") sur la campagne"
            )
    }

    /// The value axis of the cumulative chart: `Extra calls since the first day` / `Appels supplémentaires depuis
    /// le premier jour`.
    public func cumulativeValueLabel(_ metric: SeriesName.Metric) -> String {
        pick(
            "Extra \(noun(metric)) since the first day",
            "\(noun(metric).capitalized) supplémentaires depuis le premier jour")
    }

    /// The legend of the cumulative line: `Observed minus expected, added up` / `Observé moins attendu, cumulé`.
    public var cumulativeExtraLegend: String {
        pick("Observed minus expected, added up", "Observé moins attendu, cumulé")
    }

    /// `Observed so far` / `Observé depuis le début`.
    public var cumulativeObservedHeader: String { pick("Observed so far", "Observé depuis le début") }

    /// `Expected so far` / `Attendu depuis le début`.
    public var cumulativeExpectedHeader: String { pick("Expected so far", "Attendu depuis le début") }

    /// `Extra so far` / `Supplément depuis le début`.
    public var cumulativeExtraHeader: String { pick("Extra so far", "Supplément depuis le début") }

    /// What the cumulative chart shows, after a series' estimates.
    public func cumulativeNote(_ confidenceLevel: Double) -> String {
        pick(
            "The second chart adds up observed minus expected from the campaign's first day; its band is the "
                + "\(level(confidenceLevel)) interval of each running total, so its last day is the seasonal model's "
                + "extra count with its interval.",
            "Le second graphique cumule l'observé moins l'attendu depuis le premier jour de la campagne\u{202F}; sa "
                + "bande est l'intervalle à \(level(confidenceLevel)) de chaque total cumulé, si bien que son dernier "
                + "jour donne le supplément du modèle saisonnier et son intervalle.")
    }

}
