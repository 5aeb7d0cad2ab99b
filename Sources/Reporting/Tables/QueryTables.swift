import Analytics
import Ingest

/// The markdown tables the query commands (`uplift`, `weekly`, `compare`) print: the tidy tables' numbers
/// rounded for people, with intervals beside their estimates.
public struct QueryTables: Sendable {
    /// Number and date formatting.
    public let format: HumanFormat

    /// Creates tables in `language`.
    public init(language: ReportLanguage) {
        format = HumanFormat(language: language)
    }

    private func cell(_ value: Double?, _ render: (Double) -> String) -> String {
        value.map(render) ?? "–"
    }

    private func interval(_ low: Double?, _ high: Double?, _ render: (Double, Double) -> String) -> String {
        guard let low, let high else { return "" }
        return render(low, high)
    }

    /// One campaign's estimates, a row per series and method.
    public func uplift(_ rows: [UpliftRow]) -> String {
        let wording = ReportWording(language: format.language)
        return MarkdownTable(
            headers: format.language == .fr
                ? [
                    "série", "méthode", "jours", "observé", "attendu", "écart", "évolution", "p", "φ",
                    "autocorrélation", "note",
                ]
                : [
                    "series", "method", "days", "observed", "expected", "extra", "uplift", "p", "φ",
                    "autocorrelation", "note",
                ],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .left],
            rows: rows.map { row in
                [
                    Markdown.escape(row.series.description),
                    wording.method(row.method),
                    format.dateRange(from: row.start, to: row.end), cell(row.observed, format.count),
                    cell(row.expected, format.count)
                        + bracket(
                            interval(row.expectedLow, row.expectedHigh) { format.countInterval(lower: $0, upper: $1) }),
                    cell(row.extra, format.count)
                        + bracket(interval(row.extraLow, row.extraHigh) { format.countInterval(lower: $0, upper: $1) }),
                    row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                        ? format.baselineTooSmall(row.observed, against: row.expected)
                        : cell(row.uplift, format.change)
                            + bracket(
                                interval(row.upliftLow, row.upliftHigh) { format.changeInterval(lower: $0, upper: $1) }
                            ),
                    cell(row.pValue, format.pValue), cell(row.dispersion) { format.decimal($0, fractionDigits: 2) },
                    autocorrelation(row), Markdown.escape(note(row)),
                ]
            }
        ).markdown
    }

    /// The row's note, after what the model adjusted for: its context events and its controls, so that every
    /// model row says which events it attributes part of the change to.
    private func note(_ row: UpliftRow) -> String {
        let french = format.language == .fr
        var parts: [String] = []
        if !row.contextEvents.isEmpty {
            parts.append(
                (french ? "ajusté pour les événements\u{00A0}: " : "adjusted for context events: ")
                    + row.contextEvents.joined(separator: ", "))
        }
        if !row.controls.isEmpty {
            parts.append((french ? "contrôles\u{00A0}: " : "controls: ") + row.controls.joined(separator: ", "))
        }
        if let text = EstimateNote.joined(row.notes, ReportWording(language: format.language)) { parts.append(text) }
        return parts.joined(separator: "; ")
    }

    /// `0.12 / 0.31 (7) ×1.34`: the residual autocorrelation at lag 1, the largest over lags 1–14 with its lag,
    /// and, for the model's rows, how much the noise widened the interval; empty when the row has none.
    private func autocorrelation(_ row: UpliftRow) -> String {
        guard let lagOne = row.autocorrelationLag1, let largest = row.autocorrelationMaximum,
            let lag = row.autocorrelationMaximumLag
        else { return "" }
        // The widening is against independent φμ days for the model's rows; the window comparisons' φ measures
        // a different thing (how far days stray from their window's weekday means), so no factor is shown.
        let isModel = [.model, .modelWithoutContext, .placebo, .persistence].contains(row.method)
        let widening = isModel ? row.intervalWidening.map { " ×" + format.decimal($0, fractionDigits: 2) } ?? "" : ""
        return format.decimal(lagOne, fractionDigits: 2) + " / " + format.decimal(largest, fractionDigits: 2)
            + " (\(lag))" + widening
    }

    /// The weekly summary, a row per week and series.
    public func weekly(_ rows: [WeeklySummaryRow]) -> String {
        MarkdownTable(
            headers: format.language == .fr
                ? [
                    "semaine", "série", "valeur", "jours", "vs semaine précédente", "vs l'an dernier", "campagnes",
                    "anomalie",
                ]
                : ["week", "series", "value", "days", "vs previous week", "vs last year", "campaigns", "anomaly"],
            alignments: [.left, .left, .right, .right, .right, .right, .left, .left],
            rows: rows.map { row in
                let isRate = row.series.metric == .ctr
                return [
                    row.week.description, Markdown.escape(row.series.description),
                    cell(row.value) { isRate ? format.percent($0, fractionDigits: 2) : format.count($0) },
                    "\(row.daysWithData)/7",
                    change(row.changeVsPrevious, row.changeVsPreviousLow, row.changeVsPreviousHigh, isRate: isRate),
                    change(row.changeVsLastYear, row.changeVsLastYearLow, row.changeVsLastYearHigh, isRate: isRate),
                    Markdown.escape(row.campaignsText), row.anomaly ? (format.language == .fr ? "oui" : "yes") : "",
                ]
            }
        ).markdown
    }

    /// One period against another, a row per series. Weeks are headed by their identifier (`2020-W45`), other
    /// ranges by their dates; when the periods differ in length a sentence after the table says the change is per
    /// day.
    public func comparison(_ rows: [WeekComparisonRow]) -> String {
        func label(_ period: ComparisonPeriod) -> String {
            period.week?.description ?? format.dateRange(period.days)
        }
        let week = rows.first.map { label($0.period) } ?? "week"
        let against = rows.first.map { label($0.against) } ?? "against"
        var text = MarkdownTable(
            headers: format.language == .fr
                ? ["série", week, against, "variation"] : ["series", week, against, "change"],
            alignments: [.left, .right, .right, .right],
            rows: rows.map { row in
                let isRate = row.series.metric == .ctr
                let value = { (number: Double) in
                    isRate ? format.percent(number, fractionDigits: 2) : format.count(number)
                }
                return [
                    Markdown.escape(row.series.description),
                    cell(row.value, value) + " (\(row.daysWithData)/\(row.period.dayCount))",
                    cell(row.againstValue, value) + " (\(row.againstDaysWithData)/\(row.against.dayCount))",
                    change(row.change, row.changeLow, row.changeHigh, isRate: isRate),
                ]
            }
        ).markdown
        if let first = rows.first, first.period.dayCount != first.against.dayCount {
            let days = first.period.dayCount
            let againstDays = first.against.dayCount
            text +=
                "\n"
                + (format.language == .fr
                    ? "Périodes de longueurs différentes (\(days) et \(againstDays) jours)\u{202F}: les variations "
                        + "comparent les moyennes par jour\u{202F}; celles des CTR, les CTR des deux périodes.\n"
                    : "Periods of different lengths (\(days) and \(againstDays) days): changes compare daily means; "
                        + "those of CTRs, the two periods' CTRs.\n")
        }
        return text
    }

    /// The funnel of a campaign by one dimension: a sentence naming it, the groups (best CTR first) with their
    /// Wilson intervals, and every pair's difference of CTR with Newcombe's interval, in percentage points.
    public func funnel(_ breakdown: FunnelBreakdown) -> String {
        let french = format.language == .fr
        let level = format.percent(breakdown.groups.first?.ctr.interval.level ?? 0.95)
        let dimension: String
        switch breakdown.dimension {
        case .placement: dimension = french ? "emplacement" : "placement"
        case .banner: dimension = french ? "bannière" : "banner"
        case .region: dimension = french ? "région" : "region"
        case .week: dimension = french ? "semaine" : "week"
        }
        func name(_ group: String) -> String {
            group.isEmpty ? (french ? "(non renseigné)" : "(not given)") : Markdown.escape(group)
        }
        func points(_ number: Double) -> String {
            (number >= 0 ? "+" : "") + format.decimal(number * 100, fractionDigits: 2) + " pt"
        }
        let window = format.dateRange(breakdown.window)
        var text =
            french
            ? "Entonnoir de la campagne \(Markdown.escape(breakdown.campaign)) (\(window)), par \(dimension)\u{202F}:\n\n"
            : "Banner funnel of campaign \(Markdown.escape(breakdown.campaign)) (\(window)), by \(dimension):\n\n"
        text +=
            MarkdownTable(
                headers: [
                    dimension, "impressions", french ? "clics" : "clicks",
                    french ? "CTR (intervalle à \(level))" : "CTR (\(level) interval)",
                ],
                alignments: [.left, .right, .right, .right],
                rows: breakdown.groups.map { group in
                    [
                        name(group.name), format.integer(Int(group.impressions)), format.integer(Int(group.clicks)),
                        format.percent(group.ctr.proportion, fractionDigits: 2) + " ("
                            + format.interval(
                                format.percent(group.ctr.interval.lower, fractionDigits: 2),
                                format.percent(group.ctr.interval.upper, fractionDigits: 2)) + ")",
                    ]
                }
            ).markdown
        guard !breakdown.differences.isEmpty else { return text }
        text +=
            "\n"
            + (french
                ? "Écarts de CTR entre groupes, du meilleur au moins bon (en points)\u{202F}:\n\n"
                : "Differences of CTR between groups, best first (in percentage points):\n\n")
        text +=
            MarkdownTable(
                headers: [
                    dimension, french ? "contre" : "against",
                    french ? "écart (intervalle à \(level))" : "difference (\(level) interval)",
                ],
                alignments: [.left, .left, .right],
                rows: breakdown.differences.map { pair in
                    [
                        name(pair.first), name(pair.second),
                        points(pair.difference.difference) + " ("
                            + format.interval(
                                points(pair.difference.interval.lower), points(pair.difference.interval.upper)) + ")",
                    ]
                }
            ).markdown
        return text
    }

    /// A change with its interval: relative for counts, in percentage points for CTRs.
    private func change(_ value: Double?, _ low: Double?, _ high: Double?, isRate: Bool) -> String {
        guard let value else { return "–" }
        if !isRate, BaselineSize.isTooSmall(change: value, upper: high) { return format.baselineTooSmall() }
        if isRate {
            let points = { (number: Double) in
                (number >= 0 ? "+" : "") + format.decimal(number * 100, fractionDigits: 2) + " pt"
            }
            return points(value) + bracket(interval(low, high) { "\(points($0)) – \(points($1))" })
        }
        return format.change(value) + bracket(interval(low, high) { format.changeInterval(lower: $0, upper: $1) })
    }

    private func bracket(_ text: String) -> String {
        text.isEmpty ? "" : " (\(text))"
    }
}
