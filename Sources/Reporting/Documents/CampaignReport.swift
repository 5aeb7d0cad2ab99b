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

    /// Writes the report of `analysis`, the campaign's estimates and chart figures as Analytics made them.
    ///
    /// - Parameters:
    ///   - data: the ingested data, for the data-quality section.
    ///   - confidenceLevel: the calendar's confidence level.
    ///   - language: the report's language.
    ///   - context: the calendar's context events, marked on the charts they overlap and named by their
    ///     campaigns.yaml names wherever the text quotes one.
    public init(
        analysis: CampaignAnalysis, data: IngestedData, confidenceLevel: Double, language: ReportLanguage,
        context: [ContextEvent] = []
    ) {
        let wording = ReportWording(language: language, campaigns: [analysis.campaign], context: context)
        self.wording = wording
        self.estimates = analysis.estimates
        let headline = CampaignHeadline(analysis, confidenceLevel: confidenceLevel, wording: wording)
        self.headline = headline
        let charts = CampaignCharts(analysis: analysis, wording: wording, context: context)
        let builder = Builder(
            analysis: analysis, data: data, level: confidenceLevel, wording: wording, charts: charts)
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
        let summary = wording.figuresOfTheChart
        return text + "<details>\n<summary>\(summary)</summary>\n\n" + chart.table.markdown + "\n</details>\n"
    }

    private struct Builder {
        let analysis: CampaignAnalysis
        let data: IngestedData
        let level: Double
        let wording: ReportWording
        let charts: CampaignCharts

        var estimates: CampaignEstimates { analysis.estimates }
        var format: HumanFormat { wording.format }
        var campaign: Campaign { estimates.campaign }

        func blocks(headline: CampaignHeadline) -> [ReportBlock] {
            var blocks: [ReportBlock] = [
                .markdown(Markdown.heading(campaign.name, level: 1) + "\n\n" + headline.markdown + "\n"),
                .markdown(overview()),
            ]
            for metric in [SeriesName.Metric.calls, .videos] {
                let group = estimates.series.filter { $0.series.metric == metric }
                guard !group.isEmpty else { continue }
                blocks.append(.markdown("## \(wording.seriesSection(metric))\n"))
                for estimate in group {
                    blocks.append(.markdown(estimateSection(estimate)))
                    guard let charted = analysis.charted(estimate.series) else { continue }
                    blocks.append(.chart(charts.observedAgainstExpected(charted)))
                    if let chart = charts.cumulativeExtra(charted) { blocks.append(.chart(chart)) }
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
                headers: [wording.campaign, Markdown.escape(campaign.name)],
                rows: [
                    [wording.identifier, "`\(campaign.id)`"],
                    [wording.campaignWindow, format.dateRange(campaign.window)],
                    [wording.referencePeriod, baseline],
                    [wording.helplines, list(campaign.helplines)],
                    [wording.hashtags, list(campaign.hashtags)],
                    [wording.banners, list(campaign.banners)],
                ])
            return "## " + wording.overview + "\n\n" + table.markdown
        }

        func estimateSection(_ estimate: SeriesEstimate) -> String {
            let rows = estimate.rows.filter {
                [.window, .yearOverYear, .model, .modelWithoutContext].contains($0.method)
            }
            let table = MarkdownTable(
                headers: [
                    wording.methodHeader, wording.observed, wording.expectedWithoutCampaign,
                    wording.interval(atLevel: level), wording.uplift, wording.interval(atLevel: level),
                    wording.extra, wording.pValueHeader,
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right, .right],
                rows: rows.map { row in
                    [
                        wording.method(row.method), wording.count(row.observed), wording.count(row.expected),
                        wording.countInterval(row.expectedLow, row.expectedHigh),
                        row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                            ? wording.baselineTooSmall(row.observed, against: row.expected)
                            : wording.change(row.uplift),
                        row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                            ? HumanFormat.notAvailable : wording.changeInterval(row.upliftLow, row.upliftHigh),
                        wording.count(row.extra),
                        row.pValue.map { format.pValue($0) } ?? HumanFormat.notAvailable,
                    ]
                })
            var text = "### " + Markdown.escape(wording.seriesLabel(estimate.series)) + "\n\n" + table.markdown
            let baseline = format.dateRange(estimate.window.baselineWindow)
            var notes = [wording.methodsCompared(baseline: baseline)]
            if let reason = estimate.model?.notFittedReason {
                notes.append(wording.modelNotFitted(reason: Markdown.escape(reason.text(wording))))
            }
            // The cumulative chart is drawn for every fitted model (a fitted window has days with data).
            if let model = estimate.model, model.isFitted {
                notes.append(wording.cumulativeNote(model.confidenceLevel))
            }
            if !estimate.hasData {
                notes.append(wording.noDataForSeries)
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
                    wording.banner, wording.placement, wording.impressions,
                    wording.clicks, wording.clickThroughRate, wording.interval(atLevel: level),
                ],
                alignments: [.left, .left, .right, .right, .right, .right],
                rows: cells.map { cell in
                    [
                        Markdown.escape(cell.banner),
                        cell.placement.map(Markdown.escape) ?? wording.allPlacements,
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
                "## " + wording.bannerFunnel + "\n\n"
                + wording.funnelIntroduction(window: format.dateRange(campaign.window)) + "\n\n"
            text += cells.isEmpty ? wording.noBannerData : table.markdown
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
                            wording.placement, wording.against, wording.relativeCTRDifference,
                            wording.interval(atLevel: level),
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
            let lagWord = wording.lag
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
                    wording.series, wording.placeboCheck, wording.afterTheCampaign, wording.minimumDetectableUplift,
                    wording.dispersion, wording.dayToDayCorrelation, wording.missingDays,
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right], rows: rows)
            let explanation = wording.checksExplanation
            var warnings = ""
            for series in analysis.placeboFindsEffect {
                warnings +=
                    "\n**" + wording.caution + "**" + wording.colon
                    + wording.placeboFindsAnEffect(series: Markdown.escape(wording.seriesLabel(series))) + "\n"
            }
            return "## " + wording.checks + "\n\n"
                + (rows.isEmpty ? wording.noModelledSeries : table.markdown)
                + "\n" + explanation + "\n" + warnings + controlChecks() + nextCampaign()
        }

        /// "Before the next campaign": what a campaign of the same length after the data could detect.
        func nextCampaign() -> String {
            guard let next = estimates.nextCampaign else { return "" }
            let window = format.dateRange(next.projection.window)
            let mde = format.change(next.projection.minimumDetectableUplift)
            let label = Markdown.escape(wording.seriesLabel(next.series))
            return "\n**" + wording.beforeTheNextCampaign + "**" + wording.colon
                + wording.nextCampaign(window: window, change: mde, series: label) + "\n"
        }

        /// One paragraph per control: what the model predicts through it, and whether it moved on its own.
        func controlChecks() -> String {
            guard !estimates.controls.isEmpty else { return "" }
            var text = ""
            for check in estimates.controls {
                let name = "`" + check.control + "`"
                guard let figures = check.estimate.figures else {
                    text += "\n**" + wording.caution + "**" + wording.colon + wording.controlNotModelled(name) + "\n"
                    continue
                }
                let change =
                    format.change(figures.uplift) + " ("
                    + format.changeInterval(lower: figures.upliftInterval.lower, upper: figures.upliftInterval.upper)
                    + ")"
                if check.movedDuringCampaign {
                    text +=
                        "\n**" + wording.control + "**" + wording.colon + wording.controlMoved(name, change: change)
                        + "\n"
                } else {
                    text +=
                        "\n**" + wording.control + "**" + wording.colon + wording.controlSteady(name, change: change)
                        + "\n"
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
                [wording.rowsRead, format.integer(data.rowsRead)],
                [wording.rowsAccepted, format.integer(data.rowsAccepted)],
                [wording.rowsRejected, format.integer(data.rowsRejected)],
                [wording.rejectRate, format.percent(data.rejectRate, fractionDigits: 2)],
                [wording.filesRefused, format.integer(data.refusedFiles.count)],
                [wording.filesSkipped, format.integer(data.skippedFiles.count)],
                [wording.valuesRestated, format.integer(data.revisions.count)],
                [wording.clicksWithoutImpressions, format.integer(flagged.count)],
            ]
            let keptWithInvalidText = data.files.reduce(0) { $0 + ($1.ignoredInvalidText?.rows ?? 0) }
            var rows = fixedRows
            if keptWithInvalidText > 0 {
                // Listed only when there are some: most nights have none.
                rows.insert([wording.rowsKeptWithInvalidText, format.integer(keptWithInvalidText)], at: 3)
            }
            let table = MarkdownTable(
                headers: [wording.measure, wording.value], alignments: [.left, .right], rows: rows)
            let unlisted = UnlistedRejects.of(data).reduce(0) { $0 + $1.count }
            let listed =
                unlisted == 0
                ? wording.rejectsListed
                : wording.rejectsListed(upTo: IngestLimits.rejectsListedPerFile, unlisted: unlisted)
            return "## " + wording.dataQuality + "\n\n" + table.markdown + "\n" + listed + "\n"
        }

        func methodNote() -> String {
            "## " + wording.methodHeader + "\n\n" + wording.methodNote(confidenceLevel: level) + "\n"
        }
    }
}
