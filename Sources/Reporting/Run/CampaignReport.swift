import Analytics
import Ingest

/// A piece of a report: markdown text, or a chart (drawn as an image, a Mermaid block and its table in
/// markdown; as a code cell with pre-rendered outputs in a notebook).
public enum ReportBlock: Sendable, Equatable {
    /// Markdown text ending in a newline.
    case markdown(String)
    /// A chart.
    case chart(ReportChart)
}

/// The report of one campaign (DESIGN §5), in English or French: the headline sentences, the overview,
/// the estimates of each helpline, the hashtag, the banner funnel, the checks, data quality and a method
/// note, with charts and their tables.
///
/// Text from the data (names, hashtags, placements) is escaped with ``Markdown/escape(_:)``.
public struct CampaignReport: Sendable {
    /// The campaign's estimates.
    public let estimates: CampaignEstimates
    /// The headline sentences.
    public let headline: CampaignHeadline
    /// The report, block by block.
    public let blocks: [ReportBlock]
    /// The report's words.
    let wording: ReportWording
    /// The language of the text, numbers and dates.
    public var language: ReportLanguage { wording.language }

    /// Writes the report of `estimates`.
    ///
    /// - Parameters:
    ///   - series: every daily series of the run.
    ///   - data: the ingested data, for the data-quality section.
    ///   - confidenceLevel: the calendar's confidence level.
    ///   - language: the report's language.
    ///   - context: the calendar's context events, marked on the charts they overlap.
    public init(
        estimates: CampaignEstimates, series: [DailySeries], data: IngestedData, confidenceLevel: Double,
        language: ReportLanguage, context: [ContextEvent] = []
    ) {
        let wording = ReportWording(language: language, campaigns: [estimates.campaign])
        self.wording = wording
        self.estimates = estimates
        let headline = CampaignHeadline(estimates, confidenceLevel: confidenceLevel, wording: wording)
        self.headline = headline
        let builder = Builder(
            estimates: estimates, series: series, data: data, level: confidenceLevel, wording: wording,
            charts: CampaignCharts(estimates: estimates, series: series, wording: wording, context: context))
        blocks = builder.blocks(headline: headline)
    }

    /// The report as GitHub-flavoured markdown; chart images are linked as `<chartFolder>/<file>.svg`, each
    /// followed by its Mermaid block when `mermaid` is set.
    public func markdown(chartFolder: String = "../charts", mermaid: Bool = false) -> String {
        blocks.map { block in
            switch block {
            case .markdown(let text): return text
            case .chart(let chart):
                return Self.chartMarkdown(chart, folder: chartFolder, mermaid: mermaid, wording: wording)
            }
        }.joined(separator: "\n")
    }

    /// A chart as an image, optionally its Mermaid block, and its table folded in a `<details>` element (GitHub
    /// and notebooks show it closed, one click away) so that a report is not a page of daily rows per series.
    static func chartMarkdown(_ chart: ReportChart, folder: String, mermaid: Bool, wording: ReportWording) -> String {
        var text = "![\(Markdown.escape(chart.title))](\(folder)/\(chart.fileName))\n\n"
        if mermaid { text += chart.mermaid.markdown + "\n" }
        let summary = wording.pick("Figures of the chart", "Chiffres du graphique")
        return text + "<details>\n<summary>\(summary)</summary>\n\n" + chart.table.markdown + "\n</details>\n"
    }

    private struct Builder {
        let estimates: CampaignEstimates
        let series: [DailySeries]
        let data: IngestedData
        let level: Double
        let wording: ReportWording
        let charts: CampaignCharts

        var format: HumanFormat { wording.format }
        var campaign: Campaign { estimates.campaign }

        func blocks(headline: CampaignHeadline) -> [ReportBlock] {
            var blocks: [ReportBlock] = [
                .markdown(Markdown.heading(campaign.name, level: 1) + "\n\n" + headline.markdown + "\n"),
                .markdown(overview()),
            ]
            let chartsBySeries = Dictionary(
                charts.dailySeries.map { ($0.series, charts.observedAgainstExpected($0)) },
                uniquingKeysWith: { first, _ in first })
            for metric in [SeriesName.Metric.calls, .videos] {
                let group = estimates.series.filter { $0.series.metric == metric }
                guard !group.isEmpty else { continue }
                let title =
                    metric == .calls
                    ? wording.pick("Helpline calls", "Appels aux lignes d'écoute")
                    : wording.pick("Hashtag", "Hashtag")
                blocks.append(.markdown("## \(title)\n"))
                for estimate in group {
                    blocks.append(.markdown(estimateSection(estimate)))
                    if let chart = chartsBySeries[estimate.series] { blocks.append(.chart(chart)) }
                    if let chart = charts.cumulativeExtra(estimate) { blocks.append(.chart(chart)) }
                }
            }
            blocks += funnel()
            blocks.append(.markdown(checks()))
            blocks.append(.markdown(dataQuality()))
            blocks.append(.markdown(methodNote()))
            return blocks
        }

        func overview() -> String {
            let none = HumanFormat.notAvailable
            func list(_ items: [String]) -> String {
                items.isEmpty ? none : items.map(Markdown.escape).joined(separator: ", ")
            }
            let baseline = estimates.series.first.map { format.dateRange($0.window.baselineWindow) } ?? none
            let table = MarkdownTable(
                headers: [wording.pick("Campaign", "Campagne"), Markdown.escape(campaign.name)],
                rows: [
                    [wording.pick("Identifier", "Identifiant"), "`\(campaign.id)`"],
                    [wording.label(.campaignWindow), format.dateRange(campaign.window)],
                    [wording.pick("Reference period", "Période de référence"), baseline],
                    [wording.pick("Helplines", "Lignes d'écoute"), list(campaign.helplines)],
                    [wording.pick("Hashtags", "Hashtags"), list(campaign.hashtags)],
                    [wording.pick("Banners", "Bannières"), list(campaign.banners)],
                ])
            return "## " + wording.pick("Overview", "Vue d'ensemble") + "\n\n" + table.markdown
        }

        func estimateSection(_ estimate: SeriesEstimate) -> String {
            let rows = estimate.rows.filter {
                [.window, .yearOverYear, .model, .modelWithoutContext].contains($0.method)
            }
            let table = MarkdownTable(
                headers: [
                    wording.label(.method), wording.label(.observed), wording.label(.expected),
                    wording.label(.interval), wording.label(.uplift), wording.label(.interval),
                    wording.label(.extra), wording.label(.pValue),
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right, .right],
                rows: rows.map { row in
                    [
                        wording.method(row.method), wording.count(row.observed), wording.count(row.expected),
                        wording.countInterval(row.expectedLow, row.expectedHigh),
                        row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                            ? format.baselineTooSmall(row.observed, against: row.expected) : wording.change(row.uplift),
                        row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                            ? HumanFormat.notAvailable : wording.changeInterval(row.upliftLow, row.upliftHigh),
                        wording.count(row.extra),
                        row.pValue.map { format.pValue($0) } ?? HumanFormat.notAvailable,
                    ]
                })
            var text = "### " + Markdown.escape(wording.seriesLabel(estimate.series)) + "\n\n" + table.markdown
            let baseline = format.dateRange(estimate.window.baselineWindow)
            var notes = [
                wording.pick(
                    "*Before vs during* compares the daily rate with the reference period (\(baseline)); *year over "
                        + "year* with the same days 52 weeks earlier; the *seasonal model* predicts each campaign day "
                        + "from the days before the campaign.",
                    "*Avant / pendant* compare le rythme quotidien à la période de référence (\(baseline))\u{202F}; "
                        + "*sur un an* aux mêmes jours 52 semaines plus tôt\u{202F}; le *modèle saisonnier* prédit "
                        + "chaque jour de campagne à partir des jours qui la précèdent.")
            ]
            if let reason = estimate.model?.notFittedReason {
                notes.append(
                    wording.pick(
                        "The seasonal model was not fitted: ", "Le modèle saisonnier n'a pas été ajusté\u{00A0}: ")
                        + Markdown.escape(reason) + ".")
            }
            if let level = estimate.model?.confidenceLevel, charts.cumulativeExtra(estimate) != nil {
                notes.append(wording.cumulativeNote(level))
            }
            if !estimate.hasData {
                notes.append(wording.pick("No data for this series.", "Aucune donnée pour cette série."))
            }
            text += "\n" + notes.joined(separator: " ") + "\n"
            return text
        }

        func funnel() -> [ReportBlock] {
            guard !campaign.banners.isEmpty else { return [] }
            var blocks: [ReportBlock] = []
            let cells = estimates.funnel.campaignWindow
            let table = MarkdownTable(
                headers: [
                    wording.pick("Banner", "Bannière"), wording.label(.placement), wording.label(.impressions),
                    wording.label(.clicks), wording.label(.clickThroughRate), wording.label(.interval),
                ],
                alignments: [.left, .left, .right, .right, .right, .right],
                rows: cells.map { cell in
                    [
                        Markdown.escape(cell.banner),
                        cell.placement.map(Markdown.escape) ?? wording.pick("all", "tous"),
                        format.integer(Int(cell.impressions)), format.integer(Int(cell.clicks)),
                        cell.ctr.map { format.percent($0.proportion, fractionDigits: 2) } ?? HumanFormat.notAvailable,
                        cell.ctr.map {
                            format.interval(
                                format.percent($0.interval.lower, fractionDigits: 2),
                                format.percent($0.interval.upper, fractionDigits: 2))
                        } ?? HumanFormat.notAvailable,
                    ]
                })
            var text =
                "## " + wording.pick("Banner funnel", "Entonnoir de la bannière") + "\n\n"
                + wording.pick(
                    "Impressions, clicks and click-through rate during the campaign (\(format.dateRange(campaign.window))), by placement.",
                    "Impressions, clics et taux de clics pendant la campagne (\(format.dateRange(campaign.window))), par emplacement."
                ) + "\n\n"
            text += cells.isEmpty ? wording.pick("No banner data.\n", "Aucune donnée de bannière.\n") : table.markdown
            let comparisons = estimates.funnel.placementComparisons
            if !comparisons.isEmpty {
                let rows = comparisons.map { comparison in
                    [
                        Markdown.escape(comparison.first.placement ?? ""),
                        Markdown.escape(comparison.second.placement ?? ""),
                        wording.change(comparison.relativeChange),
                        comparison.relativeChangeInterval.map {
                            format.changeInterval(lower: $0.lower, upper: $0.upper)
                        } ?? HumanFormat.notAvailable,
                    ]
                }
                text +=
                    "\n"
                    + MarkdownTable(
                        headers: [
                            wording.label(.placement), wording.pick("Against", "Comparé à"),
                            wording.pick("Relative CTR difference", "Écart relatif de taux de clics"),
                            wording.label(.interval),
                        ],
                        alignments: [.left, .left, .right, .right], rows: rows
                    ).markdown
            }
            blocks.append(.markdown(text))
            for banner in campaign.banners {
                if let chart = charts.weeklyBanner(banner) { blocks.append(.chart(chart)) }
                if let chart = charts.ctrByPlacement(banner) { blocks.append(.chart(chart)) }
            }
            return blocks
        }

        /// `0.42 / 0.42 (lag 1), ×1.8`: lag-1 and largest autocorrelation, and the widening of the interval.
        func serialCorrelation(_ figures: CounterfactualEstimate.Figures) -> String {
            guard let lagOne = figures.noise.lagOneAutocorrelation,
                let largest = figures.noise.largestAutocorrelation
            else { return HumanFormat.notAvailable }
            let lagWord = wording.pick("lag", "décalage")
            return format.decimal(lagOne, fractionDigits: 2) + " / " + format.decimal(largest.value, fractionDigits: 2)
                + " (\(lagWord) \(largest.lag)), ×" + format.decimal(figures.intervalWidening, fractionDigits: 2)
        }

        func checks() -> String {
            let modelled = estimates.series.filter { $0.model != nil }
            let rows: [[String]] = modelled.map { estimate in
                let placebo = estimate.placebo?.figures
                let after = estimate.persistence?.figures
                let figures = estimate.model?.figures
                let missing = estimate.window.missingDays.filter { campaign.window.contains($0) }.count
                return [
                    Markdown.escape(wording.seriesLabel(estimate.series)),
                    placebo.map {
                        format.change($0.uplift) + " ("
                            + format.changeInterval(
                                lower: $0.upliftInterval.lower, upper: $0.upliftInterval.upper) + "), "
                            + format.pValue($0.pValue)
                    } ?? HumanFormat.notAvailable,
                    after.map {
                        format.change($0.uplift) + " ("
                            + format.changeInterval(lower: $0.upliftInterval.lower, upper: $0.upliftInterval.upper)
                            + ")"
                    } ?? HumanFormat.notAvailable,
                    figures.map { format.change($0.minimumDetectableUplift) } ?? HumanFormat.notAvailable,
                    figures.map { format.decimal($0.dispersion, fractionDigits: 2) } ?? HumanFormat.notAvailable,
                    figures.map { serialCorrelation($0) } ?? HumanFormat.notAvailable,
                    format.integer(missing),
                ]
            }
            let table = MarkdownTable(
                headers: [
                    wording.label(.series), wording.label(.placebo),
                    wording.pick("After the campaign", "Après la campagne"), wording.label(.minimumDetectableUplift),
                    wording.label(.dispersion),
                    wording.pick("Day-to-day correlation", "Corrélation d'un jour à l'autre"),
                    wording.label(.missingDays),
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right], rows: rows)
            let explanation = wording.pick(
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
            let failed = modelled.filter { $0.placeboFindsEffect(confidenceLevel: level) }
            var warnings = ""
            for estimate in failed {
                warnings +=
                    "\n**" + wording.pick("Caution", "Prudence") + "**" + wording.colon
                    + wording.pick(
                        "the placebo check of \(Markdown.escape(wording.seriesLabel(estimate.series))) finds an "
                            + "effect where there should be none, so the model's expected count for this series may "
                            + "be off; read its uplift with care.",
                        "le test placebo de la série \(Markdown.escape(wording.seriesLabel(estimate.series))) trouve "
                            + "un effet là où il ne devrait pas y en avoir\u{202F}; l'attendu du modèle pour cette série "
                            + "peut être faussé, sa hausse est à lire avec prudence.") + "\n"
            }
            return "## " + wording.pick("Checks", "Contrôles") + "\n\n"
                + (rows.isEmpty ? wording.pick("No modelled series.\n", "Aucune série modélisée.\n") : table.markdown)
                + "\n" + explanation + "\n" + warnings + controlChecks() + nextCampaign()
        }

        /// "Before the next campaign": what a campaign of the same length after the data could detect.
        func nextCampaign() -> String {
            guard let next = estimates.nextCampaign else { return "" }
            let window = format.dateRange(next.projection.window)
            let mde = format.change(next.projection.minimumDetectableUplift)
            let label = Markdown.escape(wording.seriesLabel(next.series))
            return "\n**" + wording.pick("Before the next campaign", "Avant la prochaine campagne") + "**"
                + wording.colon
                + wording.pick(
                    "a campaign of the same length right after the data (\(window)) would detect a change of \(mde) "
                        + "in \(label.prefix(1).lowercased() + label.dropFirst()) four times out of five "
                        + "(`awareness plan` for other lengths).",
                    "une campagne de même durée juste après les données (\(window)) détecterait une évolution de "
                        + "\(mde) des \(label.prefix(1).lowercased() + label.dropFirst()) quatre fois sur cinq "
                        + "(`awareness plan` pour d'autres durées).") + "\n"
        }

        /// One paragraph per control: what the model predicts through it, and whether it moved on its own.
        func controlChecks() -> String {
            guard !estimates.controls.isEmpty else { return "" }
            var text = ""
            for check in estimates.controls {
                let name = "`" + check.control + "`"
                guard let figures = check.estimate.figures else {
                    text +=
                        "\n**" + wording.pick("Caution", "Prudence") + "**" + wording.colon
                        + wording.pick(
                            "the control \(name) could not be modelled on its own (it may have no data on the "
                                + "campaign days); the estimates that use it leave out the days it lacks.",
                            "la série de contrôle \(name) n'a pas pu être modélisée seule (elle n'a peut-être pas de "
                                + "données sur les jours de la campagne)\u{202F}; les estimations qui l'utilisent écartent "
                                + "les jours où elle manque.") + "\n"
                    continue
                }
                let change =
                    format.change(figures.uplift) + " ("
                    + format.changeInterval(lower: figures.upliftInterval.lower, upper: figures.upliftInterval.upper)
                    + ")"
                if check.movedDuringCampaign {
                    text +=
                        "\n**" + wording.pick("Control", "Contrôle") + "**" + wording.colon
                        + wording.pick(
                            "\(name) itself moved during the campaign against its own model, \(change). That is "
                                + "expected when a shared shock moved it (the reason it is a control); if the "
                                + "campaign reached it too, the estimates that use it understate the effect.",
                            "\(name) a lui-même bougé pendant la campagne par rapport à son propre modèle, \(change). "
                                + "C'est attendu si un choc commun l'a fait bouger (c'est pourquoi elle sert de "
                                + "contrôle)\u{202F}; si la campagne l'a aussi touchée, les estimations qui l'utilisent "
                                + "sous-estiment l'effet.") + "\n"
                } else {
                    text +=
                        "\n**" + wording.pick("Control", "Contrôle") + "**" + wording.colon
                        + wording.pick(
                            "the model follows shocks shared with \(name), which did not move during the campaign "
                                + "against its own model (\(change)).",
                            "le modèle suit les chocs partagés avec \(name), qui n'a pas bougé pendant la campagne "
                                + "par rapport à son propre modèle (\(change)).") + "\n"
                }
            }
            return text
        }

        func dataQuality() -> String {
            let banners = Set(campaign.banners)
            let flagged = data.clicksWithoutImpressions.filter {
                banners.contains($0.campaign) && campaign.window.contains($0.date)
            }
            let fixedRows: [[String]] = [
                [wording.pick("Rows read", "Lignes lues"), format.integer(data.rowsRead)],
                [wording.pick("Rows accepted", "Lignes acceptées"), format.integer(data.rowsAccepted)],
                [wording.pick("Rows rejected", "Lignes rejetées"), format.integer(data.rowsRejected)],
                [wording.pick("Reject rate", "Taux de rejet"), format.percent(data.rejectRate, fractionDigits: 2)],
                [wording.pick("Files refused", "Fichiers refusés"), format.integer(data.refusedFiles.count)],
                [
                    wording.pick(
                        "Files skipped (left by other programs)", "Fichiers ignorés (laissés par d'autres logiciels)"),
                    format.integer(data.skippedFiles.count),
                ],
                [
                    wording.pick("Values restated by a later file", "Valeurs corrigées par un fichier ultérieur"),
                    format.integer(data.revisions.count),
                ],
                [
                    wording.pick(
                        "Campaign days with clicks but no impressions", "Jours de campagne avec clics sans impressions"),
                    format.integer(flagged.count),
                ],
            ]
            let keptWithInvalidText = data.files.reduce(0) { $0 + ($1.ignoredInvalidText?.rows ?? 0) }
            var rows = fixedRows
            if keptWithInvalidText > 0 {
                // Listed only when there are some: most nights have none.
                rows.insert(
                    [
                        wording.pick(
                            "Rows kept with bytes that are not text in ignored columns",
                            "Lignes gardées avec des octets hors texte dans des colonnes ignorées"),
                        format.integer(keptWithInvalidText),
                    ], at: 3)
            }
            let table = MarkdownTable(
                headers: [wording.pick("Measure", "Mesure"), wording.label(.value)], alignments: [.left, .right],
                rows: rows)
            return "## " + wording.label(.dataQuality) + "\n\n" + table.markdown + "\n"
                + wording.pick(
                    "Every rejected row is listed in `rejects.csv` with its file, line, column and reason.",
                    "Chaque ligne rejetée figure dans `rejects.csv` avec son fichier, sa ligne, sa colonne et la raison."
                )
                + "\n"
        }

        func methodNote() -> String {
            let level = wording.level(level)
            return "## " + wording.label(.methodNote) + "\n\n"
                + wording.pick(
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
                + "\n"
        }
    }
}
