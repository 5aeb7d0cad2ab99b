import Ingest

/// The fixed labels of reports (table headers, section titles, chart legends) in English and French.
///
/// ``standard`` holds the labels the building blocks need; report assembly adds its own with
/// ``adding(_:english:french:)``, which returns a new phrasebook. A key with no entry is returned as its
/// raw name, so a missing label shows up in the output instead of stopping the run.
public struct Phrasebook: Sendable, Equatable {
    private var entries: [PhraseKey: [ReportLanguage: String]]

    /// A phrasebook with no entries.
    public init() {
        entries = [:]
    }

    /// The phrase for `key` in `language`; the English phrase when there is no translation, the key's
    /// raw name when there is no entry at all.
    public func text(_ key: PhraseKey, in language: ReportLanguage) -> String {
        entries[key]?[language] ?? entries[key]?[.en] ?? key.rawValue
    }

    /// The phrase for `key` in `language`, as ``text(_:in:)``.
    public subscript(key: PhraseKey, language: ReportLanguage) -> String {
        text(key, in: language)
    }

    /// This phrasebook with `key` set (or replaced) to the given phrases.
    public func adding(_ key: PhraseKey, english: String, french: String) -> Phrasebook {
        var copy = self
        copy.entries[key] = [.en: english, .fr: french]
        return copy
    }

    /// Whether `key` has an entry.
    public func contains(_ key: PhraseKey) -> Bool {
        entries[key] != nil
    }

    /// The labels shared by every report.
    public static let standard: Phrasebook = {
        let table: [(PhraseKey, String, String)] = [
            (.campaign, "Campaign", "Campagne"),
            (.series, "Series", "Série"),
            (.date, "Date", "Date"),
            (.week, "Week", "Semaine"),
            (.value, "Value", "Valeur"),
            (.observed, "Observed", "Observé"),
            (.expected, "Expected without the campaign", "Attendu sans la campagne"),
            (.expectedInterval, "Expected range (95%)", "Fourchette attendue (95 %)"),
            (.interval, "95% interval", "Intervalle à 95 %"),
            (.uplift, "Uplift", "Évolution"),
            (.extra, "Extra", "Supplément"),
            (.extraCalls, "Extra calls", "Appels supplémentaires"),
            (.pValue, "p-value", "Valeur p"),
            (.calls, "Calls", "Appels"),
            (.videos, "Videos", "Vidéos"),
            (.impressions, "Impressions", "Impressions"),
            (.clicks, "Clicks", "Clics"),
            (.clickThroughRate, "Click-through rate", "Taux de clics"),
            (.placement, "Placement", "Emplacement"),
            (.campaignWindow, "Campaign window", "Période de campagne"),
            (.baseline, "Baseline", "Référence"),
            (.noBaseline, "no baseline", "pas de référence"),
            (.weekOverWeek, "Week over week", "Semaine sur semaine"),
            (.sameWeekLastYear, "Same week last year", "Même semaine l'an dernier"),
            (.daysWithData, "Days with data", "Jours avec données"),
            (.total, "Total", "Total"),
            (.method, "Method", "Méthode"),
            (.dispersion, "Dispersion", "Dispersion"),
            (.placebo, "Placebo check", "Test placebo"),
            (.minimumDetectableUplift, "Minimum detectable uplift", "Hausse minimale détectable"),
            (.missingDays, "Missing days", "Jours manquants"),
            (.dataQuality, "Data quality", "Qualité des données"),
            (.methodNote, "Method", "Méthode"),
            (.distinguishableFromNoise, "distinguishable from noise", "distinguable du bruit"),
            (.notDistinguishableFromNoise, "not distinguishable from noise", "non distinguable du bruit"),
            (.notAvailable, "not available", "non disponible"),
        ]
        var book = Phrasebook()
        for (key, english, french) in table {
            book.entries[key] = [.en: english, .fr: french]
        }
        return book
    }()
}

/// The name of a fixed label in a ``Phrasebook``; extend it with `static let` for new labels.
public struct PhraseKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The key's name, also the text shown when a phrasebook has no entry for it.
    public let rawValue: String

    /// Creates a key named `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a key from a literal name.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// "Campaign".
    public static let campaign: PhraseKey = "campaign"
    /// "Series".
    public static let series: PhraseKey = "series"
    /// "Date".
    public static let date: PhraseKey = "date"
    /// "Week".
    public static let week: PhraseKey = "week"
    /// "Value".
    public static let value: PhraseKey = "value"
    /// "Observed".
    public static let observed: PhraseKey = "observed"
    /// "Expected without the campaign".
    public static let expected: PhraseKey = "expected"
    /// "Expected range (95%)", the legend of the band.
    public static let expectedInterval: PhraseKey = "expected_interval"
    /// "95% interval".
    public static let interval: PhraseKey = "interval"
    /// "Uplift".
    public static let uplift: PhraseKey = "uplift"
    /// "Extra".
    public static let extra: PhraseKey = "extra"
    /// "Extra calls".
    public static let extraCalls: PhraseKey = "extra_calls"
    /// "p-value".
    public static let pValue: PhraseKey = "p_value"
    /// "Calls".
    public static let calls: PhraseKey = "calls"
    /// "Videos".
    public static let videos: PhraseKey = "videos"
    /// "Impressions".
    public static let impressions: PhraseKey = "impressions"
    /// "Clicks".
    public static let clicks: PhraseKey = "clicks"
    /// "Click-through rate".
    public static let clickThroughRate: PhraseKey = "ctr"
    /// "Placement".
    public static let placement: PhraseKey = "placement"
    /// "Campaign window", the legend of the shaded range.
    public static let campaignWindow: PhraseKey = "campaign_window"
    /// "Baseline".
    public static let baseline: PhraseKey = "baseline"
    /// "no baseline", for a baseline of zero.
    public static let noBaseline: PhraseKey = "no_baseline"
    /// "Week over week".
    public static let weekOverWeek: PhraseKey = "week_over_week"
    /// "Same week last year".
    public static let sameWeekLastYear: PhraseKey = "same_week_last_year"
    /// "Days with data".
    public static let daysWithData: PhraseKey = "days_with_data"
    /// "Total".
    public static let total: PhraseKey = "total"
    /// "Method" (a table column).
    public static let method: PhraseKey = "method"
    /// "Dispersion".
    public static let dispersion: PhraseKey = "dispersion"
    /// "Placebo check".
    public static let placebo: PhraseKey = "placebo"
    /// "Minimum detectable uplift".
    public static let minimumDetectableUplift: PhraseKey = "minimum_detectable_uplift"
    /// "Missing days".
    public static let missingDays: PhraseKey = "missing_days"
    /// "Data quality".
    public static let dataQuality: PhraseKey = "data_quality"
    /// "Method" (the section with the method note).
    public static let methodNote: PhraseKey = "method_note"
    /// "distinguishable from noise".
    public static let distinguishableFromNoise: PhraseKey = "distinguishable"
    /// "not distinguishable from noise".
    public static let notDistinguishableFromNoise: PhraseKey = "not_distinguishable"
    /// "not available".
    public static let notAvailable: PhraseKey = "not_available"
}
