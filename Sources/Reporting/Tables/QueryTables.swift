import Analytics
import Ingest

/// The tables the query commands (`uplift`, `weekly`, `compare`, `funnel`) print for people: the tidy tables'
/// numbers rounded, with intervals beside their estimates, as documents that render as plain text or markdown.
public struct QueryTables: Sendable {
    /// Number and date formatting.
    public let format: HumanFormat
    /// The context events of campaigns.yaml, which notes name by their name rather than their id.
    public let context: [ContextEvent]

    /// Creates tables in `language`, naming the events of `context` by their names.
    public init(language: ReportLanguage, context: [ContextEvent] = []) {
        format = HumanFormat(language: language)
        wording = ReportWording(language: language, context: context)
        self.context = context
    }

    /// The words of the tables, in their language.
    private let wording: ReportWording

    private func cell(_ value: Double?, _ render: (Double) -> String) -> String {
        value.map(render) ?? "–"
    }

    private func interval(_ low: Double?, _ high: Double?, _ render: (Double, Double) -> String) -> String {
        guard let low, let high else { return "" }
        return render(low, high)
    }

    /// One campaign's estimates, a row per series and method. In plain text the rows are grouped under their series
    /// when the table is too wide, the extra count, φ and the autocorrelation going on a line under each row.
    public func uplift(_ rows: [UpliftRow]) -> TextTable {
        let headers = wording.upliftTableHeaders
        let roles: [TextTable.Column.Role] = [
            .grouping, .main, .main, .main, .main, .secondary, .main, .main, .secondary, .secondary,
        ]
        let alignments: [MarkdownTable.Alignment] = [
            .left, .left, .left, .right, .right, .right, .right, .right, .right, .right,
        ]
        let columns = headers.indices.map { index in
            TextTable.Column(
                headers[index], alignment: alignments[index], role: roles[index], wraps: [1, 2, 6].contains(index),
                isData: index == 0)
        }
        return TextTable(
            columns: columns,
            rows: rows.map { row in
                TextTable.Row(
                    [
                        row.series.description,
                        wording.method(row.method),
                        format.dateRange(from: row.start, to: row.end), cell(row.observed, format.count),
                        cell(row.expected, format.count)
                            + bracket(
                                interval(row.expectedLow, row.expectedHigh) {
                                    format.countInterval(lower: $0, upper: $1)
                                }),
                        cell(row.extra, format.count)
                            + bracket(
                                interval(row.extraLow, row.extraHigh) { format.countInterval(lower: $0, upper: $1) }),
                        row.uplift.map { BaselineSize.isTooSmall(change: $0, upper: row.upliftHigh) } == true
                            ? wording.baselineTooSmall(row.observed, against: row.expected)
                            : cell(row.uplift, format.change)
                                + bracket(
                                    interval(row.upliftLow, row.upliftHigh) {
                                        format.changeInterval(lower: $0, upper: $1)
                                    }),
                        cell(row.pValue, format.pValue), cell(row.dispersion) { format.decimal($0, fractionDigits: 2) },
                        autocorrelation(row),
                    ], notes: notes(row))
            }, notesHeader: wording.notesHeader, noteSeparator: wording.semicolon)
    }

    /// The row's notes, after what the model adjusted for: its context events (by name) and its controls, so that
    /// every model row says which events it attributes part of the change to.
    private func notes(_ row: UpliftRow) -> [String] {
        var parts: [String] = []
        if !row.contextEvents.isEmpty {
            let names = row.contextEvents.map { id in wording.contextName(id) ?? id }
            parts.append(wording.adjustedForContextEvents + wording.colon + names.joined(separator: ", "))
        }
        if !row.controls.isEmpty {
            parts.append(wording.controls + wording.colon + row.controls.joined(separator: ", "))
        }
        return parts + row.notes.map { $0.text(wording) }
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

    /// The weekly summary, a row per week and series; in plain text grouped under the week when too wide.
    public func weekly(_ rows: [WeeklySummaryRow]) -> TextTable {
        let headers = wording.weeklyTableHeaders
        let alignments: [MarkdownTable.Alignment] = [.left, .left, .right, .right, .right, .right, .left, .left]
        let columns = headers.indices.map { index in
            TextTable.Column(
                headers[index], alignment: alignments[index], role: index == 0 ? .grouping : .main,
                wraps: index == 6, isData: index == 1 || index == 6)
        }
        return TextTable(
            columns: columns,
            rows: rows.map { row in
                let isRate = row.series.metric == .ctr
                return TextTable.Row([
                    row.week.description, row.series.description,
                    cell(row.value) { isRate ? format.percent($0, fractionDigits: 2) : format.count($0) },
                    "\(row.daysWithData)/7",
                    change(row.changeVsPrevious, row.changeVsPreviousLow, row.changeVsPreviousHigh, isRate: isRate),
                    change(row.changeVsLastYear, row.changeVsLastYearLow, row.changeVsLastYearHigh, isRate: isRate),
                    row.campaignsText, row.anomaly ? wording.yes : "",
                ])
            })
    }

    /// The weekly table, followed, when some week is flagged, by the sentence saying what the flag means.
    public func weeklyDocument(_ rows: [WeeklySummaryRow]) -> TextDocument {
        var blocks: [TextDocument.Block] = [.table(weekly(rows))]
        if rows.contains(where: \.anomaly) { blocks += [.blank, .sentence(wording.anomalyMeaning)] }
        return TextDocument(blocks)
    }

    /// One period against another, a row per series. Weeks are headed by their identifier (`2020-W45`), other
    /// ranges by their dates; when the periods differ in length a sentence after the table says the change is per
    /// day.
    public func comparison(_ rows: [WeekComparisonRow]) -> TextDocument {
        func label(_ period: ComparisonPeriod) -> String {
            period.week?.description ?? format.dateRange(period.days)
        }
        let headers = wording.comparisonTableHeaders(
            period: rows.first.map { label($0.period) } ?? wording.periodHeader,
            against: rows.first.map { label($0.against) } ?? wording.againstHeader)
        let table = TextTable(
            columns: [
                TextTable.Column(headers[0], isData: true),
                TextTable.Column(headers[1], alignment: .right, wraps: true),
                TextTable.Column(headers[2], alignment: .right, wraps: true),
                TextTable.Column(headers[3], alignment: .right),
            ],
            rows: rows.map { row in
                let isRate = row.series.metric == .ctr
                let value = { (number: Double) in
                    isRate ? format.percent(number, fractionDigits: 2) : format.count(number)
                }
                return TextTable.Row([
                    row.series.description,
                    cell(row.value, value) + " (\(row.daysWithData)/\(row.period.dayCount))",
                    cell(row.againstValue, value) + " (\(row.againstDaysWithData)/\(row.against.dayCount))",
                    change(row.change, row.changeLow, row.changeHigh, isRate: isRate),
                ])
            })
        var blocks: [TextDocument.Block] = [.table(table)]
        if let first = rows.first, first.period.dayCount != first.against.dayCount {
            blocks += [
                .blank,
                .sentence(
                    wording.differentPeriodLengths(days: first.period.dayCount, againstDays: first.against.dayCount)),
            ]
        }
        return TextDocument(blocks)
    }

    /// The funnel of a campaign by one dimension: a sentence naming it, the groups (best CTR first) with their
    /// Wilson intervals, and every pair's difference of CTR with Newcombe's interval, in percentage points.
    public func funnel(_ breakdown: FunnelBreakdown) -> TextDocument {
        let level = breakdown.groups.first?.ctr.interval.level ?? 0.95
        func name(_ group: String) -> String {
            group.isEmpty ? wording.funnelGroupNotGiven : group
        }
        func points(_ number: Double) -> String {
            (number >= 0 ? "+" : "") + format.decimal(number * 100, fractionDigits: 2) + " pt"
        }
        func opening(_ campaign: String) -> String {
            wording.funnelOpening(campaign: campaign, window: breakdown.window, dimension: breakdown.dimension)
        }
        let groupHeaders = wording.funnelGroupHeaders(breakdown.dimension, confidenceLevel: level)
        let groups = TextTable(
            columns: [
                TextTable.Column(groupHeaders[0], isData: true),
                TextTable.Column(groupHeaders[1], alignment: .right),
                TextTable.Column(groupHeaders[2], alignment: .right),
                TextTable.Column(groupHeaders[3], alignment: .right),
            ],
            rows: breakdown.groups.map { group in
                TextTable.Row([
                    name(group.name), format.integer(Int(group.impressions)), format.integer(Int(group.clicks)),
                    format.percent(group.ctr.proportion, fractionDigits: 2) + " ("
                        + format.interval(
                            format.percent(group.ctr.interval.lower, fractionDigits: 2),
                            format.percent(group.ctr.interval.upper, fractionDigits: 2)) + ")",
                ])
            })
        var blocks: [TextDocument.Block] = [
            .paragraph(text: opening(breakdown.campaign), markdown: opening(Markdown.escape(breakdown.campaign))),
            .blank, .table(groups),
        ]
        guard !breakdown.differences.isEmpty else { return TextDocument(blocks) }
        let differenceHeaders = wording.funnelDifferenceHeaders(breakdown.dimension, confidenceLevel: level)
        let differences = TextTable(
            columns: [
                TextTable.Column(differenceHeaders[0], isData: true),
                TextTable.Column(differenceHeaders[1], isData: true),
                TextTable.Column(differenceHeaders[2], alignment: .right),
            ],
            rows: breakdown.differences.map { pair in
                TextTable.Row([
                    name(pair.first), name(pair.second),
                    points(pair.difference.difference) + " ("
                        + format.interval(
                            points(pair.difference.interval.lower), points(pair.difference.interval.upper)) + ")",
                ])
            })
        blocks += [
            .blank,
            .sentence(wording.funnelDifferencesIntroduction),
            .blank, .table(differences),
        ]
        return TextDocument(blocks)
    }

    /// A change with its interval: relative for counts, in percentage points for CTRs.
    private func change(_ value: Double?, _ low: Double?, _ high: Double?, isRate: Bool) -> String {
        guard let value else { return "–" }
        if !isRate, BaselineSize.isTooSmall(change: value, upper: high) { return wording.baselineTooSmall() }
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
