import Analytics
import Ingest

/// The words of a campaign report's sections: overview, estimates, banner funnel, checks, data quality and the
/// method note.
extension ReportWording {
    // MARK: - Overview and estimates

    /// `Overview` / `Vue d'ensemble`.
    public var overview: String { pick("Overview", "Vue d'ensemble") }
    /// `Identifier` / `Identifiant`.
    public var identifier: String { pick("Identifier", "Identifiant") }
    /// `Reference period` / `Période de référence`.
    public var referencePeriod: String { pick("Reference period", "Période de référence") }
    /// `Helplines` / `Lignes d'écoute`.
    public var helplines: String { pick("Helplines", "Lignes d'écoute") }
    /// `Hashtags` / `Hashtags`.
    public var hashtags: String { pick("Hashtags", "Hashtags") }
    /// `Banners` / `Bannières`.
    public var banners: String { pick("Banners", "Bannières") }

    /// The section of the series of `metric`: `Helpline calls` for calls, `Hashtag` for videos.
    public func seriesSection(_ metric: SeriesName.Metric) -> String {
        metric == .calls ? pick("Helpline calls", "Appels aux lignes d'écoute") : pick("Hashtag", "Hashtag")
    }

    /// What the rows of a series' estimates compare, with the reference period `baseline` (formatted).
    public func methodsCompared(baseline: String) -> String {
        pick(
            "*Before vs during* compares the daily rate with the reference period (\(baseline)); *year over "
                + "year* with the same days 52 weeks earlier; the *seasonal model* predicts each campaign day "
                + "from the days before the campaign.",
            "*Avant / pendant* compare le rythme quotidien à la période de référence (\(baseline))\u{202F}; "
                + "*sur un an* aux mêmes jours 52 semaines plus tôt\u{202F}; le *modèle saisonnier* prédit "
                + "chaque jour de campagne à partir des jours qui la précèdent.")
    }

    /// `The seasonal model was not fitted: <reason>.`, the reason as given (escape it for markdown first).
    public func modelNotFitted(reason: String) -> String {
        pick("The seasonal model was not fitted: ", "Le modèle saisonnier n'a pas été ajusté\u{00A0}: ") + reason + "."
    }

    /// `No data for this series.` / `Aucune donnée pour cette série.`
    public var noDataForSeries: String { pick("No data for this series.", "Aucune donnée pour cette série.") }

    // MARK: - Banner funnel

    /// `Banner funnel` / `Entonnoir de la bannière`.
    public var bannerFunnel: String { pick("Banner funnel", "Entonnoir de la bannière") }
    /// `Banner` / `Bannière`.
    public var banner: String { pick("Banner", "Bannière") }
    /// `all` / `tous`, the placement of a banner's total row.
    public var allPlacements: String { pick("all", "tous") }
    /// `Against` / `Comparé à`.
    public var against: String { pick("Against", "Comparé à") }
    /// `Relative CTR difference` / `Écart relatif de taux de clics`.
    public var relativeCTRDifference: String { pick("Relative CTR difference", "Écart relatif de taux de clics") }
    /// `No banner data.` / `Aucune donnée de bannière.`, on its own line.
    public var noBannerData: String { pick("No banner data.\n", "Aucune donnée de bannière.\n") }

    /// What the funnel's table shows, over the campaign window `window` (formatted).
    public func funnelIntroduction(window: String) -> String {
        pick(
            "Impressions, clicks and click-through rate during the campaign (\(window)), by placement.",
            "Impressions, clics et taux de clics pendant la campagne (\(window)), par emplacement.")
    }

    // MARK: - Checks

    /// `Checks` / `Contrôles`.
    public var checks: String { pick("Checks", "Contrôles") }
    /// `After the campaign` / `Après la campagne`, the column of the persistence check.
    public var afterTheCampaign: String { pick("After the campaign", "Après la campagne") }
    /// `Day-to-day correlation` / `Corrélation d'un jour à l'autre`.
    public var dayToDayCorrelation: String { pick("Day-to-day correlation", "Corrélation d'un jour à l'autre") }
    /// `lag` / `décalage`, before the lag of the largest autocorrelation.
    public var lag: String { pick("lag", "décalage") }
    /// `No modelled series.` / `Aucune série modélisée.`, on its own line.
    public var noModelledSeries: String { pick("No modelled series.\n", "Aucune série modélisée.\n") }
    /// `Caution` / `Prudence`, the bold lead of a warning.
    public var caution: String { pick("Caution", "Prudence") }
    /// `Control` / `Contrôle`, the bold lead of a control's paragraph.
    public var control: String { pick("Control", "Contrôle") }
    /// `Before the next campaign` / `Avant la prochaine campagne`.
    public var beforeTheNextCampaign: String { pick("Before the next campaign", "Avant la prochaine campagne") }

    /// What the columns of the checks' table mean.
    public var checksExplanation: String {
        pick(
            "The placebo check applies the same model to the same number of days just before the campaign, where no "
                + "effect is expected: "
                + "an uplift there that stands out from noise means the model is off. *After the campaign* "
                + "compares as many days right after it with the same model: a lasting effect shows there. "
                + "The minimum detectable uplift "
                + "is the smallest effect the data would show four times out of five. A dispersion well above 1 "
                + "means the days vary more than pure chance, and the intervals are widened accordingly. *Day-to-day "
                + "correlation* is the residual autocorrelation at lag 1 and the largest over lags 1–14: when calls "
                + "stay high or low for several days in a row, a window's total varies more than independent days "
                + "would, and the interval is widened by the factor shown. Missing "
                + "days are campaign days without data; they are left out, never counted as zero.",
            "Le test placebo applique le même modèle au même nombre de jours juste avant la campagne, où aucun "
                + "effet n'est attendu\u{202F}: une hausse qui s'y distingue du bruit signale un modèle faussé. "
                + "*Après la campagne* compare autant de jours juste après avec le même modèle\u{202F}: un effet "
                + "durable s'y voit. La hausse minimale "
                + "détectable est le plus petit effet que les données montreraient quatre fois sur cinq. Une "
                + "dispersion nettement supérieure à 1 indique des jours plus variables que le hasard seul\u{202F}; "
                + "les intervalles sont élargis en conséquence. La *corrélation d'un jour à l'autre* est "
                + "l'autocorrélation des résidus au décalage 1 et la plus forte des décalages 1 à 14\u{202F}: quand les "
                + "appels restent hauts ou bas plusieurs jours de suite, le total d'une fenêtre varie plus que "
                + "celui de jours indépendants, et l'intervalle est élargi du facteur indiqué. Les jours manquants "
                + "sont des jours de campagne sans "
                + "données\u{202F}: ils sont écartés, jamais comptés comme zéro.")
    }

    /// The warning after the checks when the placebo of the series labelled `series` (escaped) finds an effect.
    public func placeboFindsAnEffect(series: String) -> String {
        pick(
            "the placebo check of \(series) finds an "
                + "effect where there should be none, so the model's expected count for this series may "
                + "be off; read its uplift with care.",
            "le test placebo de la série \(series) trouve "
                + "un effet là où il ne devrait pas y en avoir\u{202F}; l'attendu du modèle pour cette série "
                + "peut être faussé, sa hausse est à lire avec prudence.")
    }

    /// What a campaign of the same length right after the data (`window`, formatted) could detect: a change of
    /// `change` (formatted) in the series labelled `series` (escaped, its first letter lowered here).
    public func nextCampaign(window: String, change: String, series: String) -> String {
        let lowered = series.prefix(1).lowercased() + series.dropFirst()
        return pick(
            "a campaign of the same length right after the data (\(window)) would detect a change of \(change) "
                + "in \(lowered) four times out of five "
                + "(`awareness plan` for other lengths).",
            "une campagne de même durée juste après les données (\(window)) détecterait une évolution de "
                + "\(change) des \(lowered) quatre fois sur cinq "
                + "(`awareness plan` pour d'autres durées).")
    }

    /// The warning when the control `name` (as code) could not be modelled on its own.
    public func controlNotModelled(_ name: String) -> String {
        pick(
            "the control \(name) could not be modelled on its own (it may have no data on the "
                + "campaign days); the estimates that use it leave out the days it lacks.",
            "la série de contrôle \(name) n'a pas pu être modélisée seule (elle n'a peut-être pas de "
                + "données sur les jours de la campagne)\u{202F}; les estimations qui l'utilisent écartent "
                + "les jours où elle manque.")
    }

    /// The paragraph of a control `name` that moved during the campaign against its own model by `change`
    /// (formatted, with its interval).
    public func controlMoved(_ name: String, change: String) -> String {
        pick(
            "\(name) itself moved during the campaign against its own model, \(change). That is "
                + "expected when a shared shock moved it (the reason it is a control); if the "
                + "campaign reached it too, the estimates that use it understate the effect.",
            "\(name) a lui-même bougé pendant la campagne par rapport à son propre modèle, \(change). "
                + "C'est attendu si un choc commun l'a fait bouger (c'est pourquoi elle sert de "
                + "contrôle)\u{202F}; si la campagne l'a aussi touchée, les estimations qui l'utilisent "
                + "sous-estiment l'effet.")
    }

    /// The paragraph of a control `name` that did not move during the campaign (`change`, formatted, with its
    /// interval).
    public func controlSteady(_ name: String, change: String) -> String {
        pick(
            "the model follows shocks shared with \(name), which did not move during the campaign "
                + "against its own model (\(change)).",
            "le modèle suit les chocs partagés avec \(name), qui n'a pas bougé pendant la campagne "
                + "par rapport à son propre modèle (\(change)).")
    }

    // MARK: - Data quality

    /// `Measure` / `Mesure`.
    public var measure: String { pick("Measure", "Mesure") }
    /// `Rows read` / `Lignes lues`.
    public var rowsRead: String { pick("Rows read", "Lignes lues") }
    /// `Rows accepted` / `Lignes acceptées`.
    public var rowsAccepted: String { pick("Rows accepted", "Lignes acceptées") }
    /// `Rows rejected` / `Lignes rejetées`.
    public var rowsRejected: String { pick("Rows rejected", "Lignes rejetées") }
    /// `Reject rate` / `Taux de rejet`.
    public var rejectRate: String { pick("Reject rate", "Taux de rejet") }
    /// `Files refused` / `Fichiers refusés`.
    public var filesRefused: String { pick("Files refused", "Fichiers refusés") }
    /// `Files skipped (left by other programs)`.
    public var filesSkipped: String {
        pick("Files skipped (left by other programs)", "Fichiers ignorés (laissés par d'autres logiciels)")
    }
    /// `Values restated by a later file`.
    public var valuesRestated: String {
        pick("Values restated by a later file", "Valeurs corrigées par un fichier ultérieur")
    }
    /// `Campaign days with clicks but no impressions`.
    public var clicksWithoutImpressions: String {
        pick("Campaign days with clicks but no impressions", "Jours de campagne avec clics sans impressions")
    }
    /// `Rows kept with bytes that are not text in ignored columns`.
    public var rowsKeptWithInvalidText: String {
        pick(
            "Rows kept with bytes that are not text in ignored columns",
            "Lignes gardées avec des octets hors texte dans des colonnes ignorées")
    }
    /// Where the rejected rows are listed.
    public var rejectsListed: String {
        pick(
            "Every rejected row is listed in `rejects.csv` with its file, line, column and reason.",
            "Chaque ligne rejetée figure dans `rejects.csv` avec son fichier, sa ligne, sa colonne et la raison.")
    }

    /// Where the rejected rows are listed when `unlisted` rows of some files were counted but not listed, the list
    /// stopping at `limit` rows per file.
    public func rejectsListed(upTo limit: Int, unlisted: Int) -> String {
        pick(
            "Rejected rows are listed in `rejects.csv` with their file, line, column and reason, up to "
                + "\(format.integer(limit)) per file; \(format.integer(unlisted)) more were counted but not listed "
                + "(a line per file in `rejects.csv` gives their number).",
            "Les lignes rejetées figurent dans `rejects.csv` avec leur fichier, leur ligne, leur colonne et la raison, "
                + "jusqu’à \(format.integer(limit)) par fichier\u{00A0}; \(format.integer(unlisted)) autres ont été "
                + "comptées sans être listées (une ligne par fichier dans `rejects.csv` en donne le nombre).")
    }

    // MARK: - Method note

    /// The method note, with the confidence level of the intervals. Yearly seasonality is modelled once the
    /// fitted days span a year (`CounterfactualModel.seasonalSpanDays`).
    public func methodNote(confidenceLevel: Double) -> String {
        let level = level(confidenceLevel)
        return pick(
            "The expected count without the campaign comes from a log-linear regression fitted on up to "
                + "three years of daily counts before the campaign, with trend, day of week, yearly seasonality "
                + "(once the history spans a year), public holidays, context events such as lockdowns and the "
                + "campaign's control series; other campaigns are left out of the fit. The uplift is observed "
                + "over expected minus one, with a \(level) interval that accounts for the model's uncertainty, "
                + "for a variance that grows with the level and for calls that stay high or low several days in "
                + "a row. Figures are rounded for "
                + "reading; `uplift.csv` and `uplift.json` hold them unrounded.",
            "Le nombre attendu sans la campagne vient d'une régression log-linéaire ajustée sur jusqu'à "
                + "trois ans de comptes quotidiens avant la campagne, avec tendance, saisonnalité annuelle (dès "
                + "que l'historique couvre un an), jour de la semaine, jours fériés, événements de contexte comme "
                + "les confinements et séries de contrôle de la campagne\u{202F}; les autres campagnes sont "
                + "écartées de l'ajustement. L'évolution est l'observé divisé par l'attendu, moins un, avec un "
                + "intervalle à \(level) qui tient compte de l'incertitude du modèle, d'une variance qui croît "
                + "avec le niveau et des appels qui restent hauts ou bas plusieurs jours de suite. Les chiffres "
                + "sont arrondis pour la "
                + "lecture\u{202F}; `uplift.csv` et `uplift.json` les donnent sans arrondi.")
    }

}
