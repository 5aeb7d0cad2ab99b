import Analytics
import Ingest

/// The charts of one campaign report: observed against expected (with the band, the campaign shaded and the
/// context events hatched) and the extra counts accumulated over the campaign (with their interval) for each
/// call and video series, weekly impressions and clicks for each banner, and the CTR by placement over the
/// campaign with its interval.
///
/// Daily charts cover ``span(for:)``: six weeks before the campaign, or from two weeks before the first context
/// event the series' model adjusts for, to three weeks after it.
public struct CampaignCharts: Sendable {
    /// The campaign's estimates.
    public let estimates: CampaignEstimates
    /// Every daily series of the run (for series without a fitted model).
    public let series: [DailySeries]
    /// The wording of labels.
    public let wording: ReportWording
    /// The calendar's context events (lockdowns and the like), marked on the daily charts they overlap.
    public let context: [ContextEvent]

    /// Creates the chart builder.
    public init(
        estimates: CampaignEstimates, series: [DailySeries], wording: ReportWording, context: [ContextEvent] = []
    ) {
        self.estimates = estimates
        self.series = series
        self.wording = wording
        self.context = context
    }

    /// Days drawn before the campaign starts.
    public static let daysBefore = 42
    /// Days drawn after the campaign ends.
    public static let daysAfter = 21
    /// Days drawn before the first context event a model adjusts for, so that the chart shows the level the
    /// event changed.
    public static let daysBeforeContext = 14

    /// Six weeks before a campaign window to three weeks after it: the weeks of the banner charts, and the daily
    /// charts' days when no context event reaches further back.
    public static func span(of window: DayRange) -> DayRange {
        window.widened(before: daysBefore, after: daysAfter)
    }

    /// The days the daily charts of `estimate` and the `daily` part of `uplift.json` cover: ``span(of:)``,
    /// started earlier when a context event the series' model adjusts for (one that overlaps the days it is
    /// fitted on) begins less than ``daysBeforeContext`` days after that span's start, so that it starts that many
    /// days before the earliest such event.
    public func span(for estimate: SeriesEstimate) -> DayRange {
        let base = Self.span(of: estimates.campaign.window)
        let adjusted = Set(estimate.model?.figures?.contextEventsAdjustedFor ?? [])
        let starts = context.filter { adjusted.contains($0.id) }.map {
            $0.window.start.adding(days: -Self.daysBeforeContext)
        }
        guard let earliest = starts.min(), earliest < base.start else { return base }
        return base.joined(with: DayRange(day: earliest))
    }

    /// The context events that overlap `days`, in calendar order, as hatched periods named in the report's
    /// language.
    public func contextPeriods(over days: DayRange) -> [MarkedPeriod] {
        context.filter { $0.window.start <= days.end && days.start <= $0.window.end }.map {
            MarkedPeriod(name: wording.contextEventLegend($0.name), days: $0.window)
        }
    }

    /// One day of an observed-against-expected chart: observed may be missing, expected is nil without a
    /// fitted model.
    public struct DailyRow: Sendable, Equatable {
        /// The day.
        public let date: CivilDate
        /// The observed count, nil on a day without data.
        public let observed: Double?
        /// The expected count without the campaign.
        public let expected: Double?
        /// The lower bound of the expected count.
        public let expectedLow: Double?
        /// The upper bound of the expected count.
        public let expectedHigh: Double?
        /// Whether the day is in the campaign window.
        public let inWindow: Bool
    }

    /// The day-by-day observed and expected values of `estimate` over the chart span.
    public func dailyRows(_ estimate: SeriesEstimate) -> [DailyRow] {
        let window = estimates.campaign.window
        let span = span(for: estimate)
        let expectations = Dictionary(
            (estimate.model?.figures?.daily ?? []).map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        let values = series.first { $0.name == estimate.series }?.values ?? [:]
        return span.days.map { day in
            let expectation = expectations[day]
            return DailyRow(
                date: day, observed: values[day] ?? expectation?.observed, expected: expectation?.expected,
                expectedLow: expectation?.interval.lower, expectedHigh: expectation?.interval.upper,
                inWindow: window.contains(day))
        }
    }

    /// The series that get an observed-against-expected chart: calls and videos with data.
    public var dailySeries: [SeriesEstimate] {
        estimates.series.filter { ($0.series.metric == .calls || $0.series.metric == .videos) && $0.hasData }
    }

    /// `<campaign>-<part>.svg` with characters other than ASCII letters, digits, `-` and `_` made `-`.
    ///
    /// When a character had to be replaced, the name ends with `-` and the first 8 hexadecimal digits of the
    /// SHA-256 of the parts as given (joined by a unit separator), so that campaigns or series whose names differ
    /// only there (`spring.2020` and `spring-2020`, helplines `116 006` and `116.006`) get files of their own, the
    /// same every night; names that needed no replacement are unchanged.
    func fileName(_ parts: String...) -> String {
        let all = [estimates.campaign.id] + parts
        let joined = all.joined(separator: "-")
        let safe = String(
            joined.unicodeScalars.map { scalar -> Character in
                let ok =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_"
                return ok ? Character(scalar) : "-"
            })
        guard safe != joined else { return safe + ".svg" }
        let digest = SHA256Digest.hex(of: all.joined(separator: "\u{1F}"))
        return safe + "-" + digest.prefix(8) + ".svg"
    }

    /// A Python string literal for `text` (JSON string syntax is valid Python).
    static func python(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }

    // MARK: - Observed against expected

    /// Observed against expected without the campaign, the band of the expected count, the campaign shaded.
    public func observedAgainstExpected(_ estimate: SeriesEstimate) -> ReportChart {
        let rows = dailyRows(estimate)
        let title = wording.observedAndExpectedTitle(estimate.series)
        let observed = LineSeries(
            name: wording.observed,
            points: rows.compactMap { row in row.observed.map { DatedValue(date: row.date, value: $0) } })
        let expected = LineSeries(
            name: wording.expectedWithoutCampaign,
            points: rows.compactMap { row in row.expected.map { DatedValue(date: row.date, value: $0) } },
            isDashed: true)
        let band = rows.compactMap { row -> DatedInterval? in
            guard let low = row.expectedLow, let high = row.expectedHigh else { return nil }
            return DatedInterval(date: row.date, lower: low, upper: high)
        }
        let chart = LineChart(
            title: title,
            valueLabel: wording.perDay(estimate.series.metric),
            series: expected.points.isEmpty ? [observed] : [observed, expected],
            band: band.isEmpty
                ? nil
                : estimate.model.map {
                    ShadedBand(name: wording.expectedRange(atLevel: $0.confidenceLevel), intervals: band)
                },
            shadedDays: ShadedDays(name: wording.campaignWindow, days: estimates.campaign.window),
            markedPeriods: contextPeriods(over: span(for: estimate)), language: wording.language)
        let format = wording.format
        let table = MarkdownTable(
            headers: [
                wording.date, wording.observed, wording.expectedWithoutCampaign,
                wording.expectedLow, wording.expectedHigh,
                wording.campaign,
            ],
            alignments: [.left, .right, .right, .right, .right, .center],
            rows: rows.map { row in
                [
                    format.date(row.date), wording.count(row.observed), wording.count(row.expected),
                    wording.count(row.expectedLow), wording.count(row.expectedHigh), row.inWindow ? "●" : "",
                ]
            })
        let span = span(for: estimate)
        let file = fileName(estimate.series.metric.rawValue, estimate.series.key)
        let headers = table.headers.map(Self.python).joined(separator: ", ")
        let python = """
            campaign, series = \(Self.python(estimates.campaign.id)), \(Self.python(estimate.series.description))
            start, end = \(Self.python(estimates.campaign.window.start.description)), \
            \(Self.python(estimates.campaign.window.end.description))
            observed = daily[daily["series"] == series].set_index("date")["value"]
            model = {row["date"]: row for row in uplift["daily"] if row["campaign"] == campaign and row["series"] == series}
            rows = []
            for day in pd.date_range(\(Self.python(span.start.description)), \
            \(Self.python(span.end.description))).strftime("%Y-%m-%d"):
                row = model.get(day, {})
                seen = observed.get(day)
                seen = row.get("observed") if seen is None else seen
                figures = [seen, row.get("expected"), row.get("expected_low"), row.get("expected_high")]
                inside = "\\u25cf" if start <= day <= end else ""
                rows.append([long_date(date.fromisoformat(day))] + [number(value) for value in figures] + [inside])
            headers = [\(headers)]
            show(\(Self.python(title)), \(Self.python(file)), table(headers, ["l", "r", "r", "r", "r", "c"], rows))
            """
        return ReportChart(
            fileName: file, title: title, svg: chart.svg(),
            mermaid: Self.rounded(chart.mermaid()), table: table, python: python)
    }

    /// `chart` with its line values rounded to whole numbers (expected counts carry many decimals).
    static func rounded(_ chart: MermaidXYChart) -> MermaidXYChart {
        MermaidXYChart(
            title: chart.title, categories: chart.categories, valueLabel: chart.valueLabel,
            valueMinimum: chart.valueMinimum, valueMaximum: chart.valueMaximum,
            lines: chart.lines.map { $0.map { $0.rounded(.toNearestOrAwayFromZero) } }, bars: chart.bars)
    }

    // MARK: - Cumulative effect

    /// The extra counts of `estimate`'s model accumulated over the campaign window, day by day, with their
    /// interval (``CumulativeEffect``); nil without a fitted model.
    public func cumulativeEffect(_ estimate: SeriesEstimate) -> CumulativeEffect? {
        estimate.model?.figures.map(CumulativeEffect.init)
    }

    /// The chart of `effect`, `estimate`'s extra counts accumulated over the campaign (``cumulativeEffect(_:)``),
    /// observed minus expected since its first day, with the band of their interval: the last day's value and
    /// band are the model's extra count and its interval.
    public func cumulativeExtra(_ estimate: SeriesEstimate, effect: CumulativeEffect) -> ReportChart? {
        guard !effect.days.isEmpty, let level = estimate.model?.confidenceLevel else { return nil }
        let metric = estimate.series.metric
        let title = wording.cumulativeChartTitle(estimate.series)
        let line = LineSeries(
            name: wording.cumulativeExtraLegend,
            points: effect.days.map { DatedValue(date: $0.date, value: $0.extra) })
        let band = effect.days.map {
            DatedInterval(date: $0.date, lower: $0.extraInterval.lower, upper: $0.extraInterval.upper)
        }
        let window = estimates.campaign.window
        let chart = LineChart(
            title: title, valueLabel: wording.cumulativeValueLabel(metric), series: [line],
            band: ShadedBand(name: wording.interval(atLevel: level), intervals: band),
            markedPeriods: contextPeriods(over: window), language: wording.language)
        let format = wording.format
        let table = MarkdownTable(
            headers: [
                wording.date, wording.cumulativeObservedHeader, wording.cumulativeExpectedHeader,
                wording.cumulativeExtraHeader, wording.interval(atLevel: level),
            ],
            alignments: [.left, .right, .right, .right, .right],
            rows: effect.days.map { day in
                [
                    format.date(day.date), format.count(day.observed), format.count(day.expected),
                    format.count(day.extra),
                    format.countInterval(lower: day.extraInterval.lower, upper: day.extraInterval.upper),
                ]
            })
        let file = fileName(metric.rawValue, estimate.series.key, "cumulative")
        let headers = table.headers.map(Self.python).joined(separator: ", ")
        let python = """
            campaign, series = \(Self.python(estimates.campaign.id)), \(Self.python(estimate.series.description))
            rows = []
            for row in uplift["cumulative"]:
                if row["campaign"] == campaign and row["series"] == series:
                    figures = [number(row[key]) for key in ("observed", "expected", "extra")]
                    band = interval(number(row["extra_low"]), number(row["extra_high"]))
                    rows.append([long_date(date.fromisoformat(row["date"]))] + figures + [band])
            headers = [\(headers)]
            show(\(Self.python(title)), \(Self.python(file)), table(headers, ["l", "r", "r", "r", "r"], rows))
            """
        return ReportChart(
            fileName: file, title: title, svg: chart.svg(), mermaid: Self.rounded(chart.mermaid()), table: table,
            python: python)
    }

    // MARK: - Banner funnel

    /// The context events that overlap `weeks`, each with the positions of the weeks it overlaps.
    public func contextWeeks(_ weeks: [ISOWeek]) -> [GroupedBarChart.MarkedCategories] {
        context.compactMap { event in
            let indices = weeks.indices.filter { index in
                event.window.start <= weeks[index].sunday && weeks[index].monday <= event.window.end
            }
            return indices.isEmpty
                ? nil : GroupedBarChart.MarkedCategories(name: wording.contextEventLegend(event.name), indices: indices)
        }
    }

    /// Weekly impressions and clicks of one banner feed id over the weeks the daily charts cover.
    public func weeklyBanner(_ banner: String) -> ReportChart? {
        let span = Self.span(of: estimates.campaign.window)
        let first = ISOWeek(containing: span.start)
        let last = ISOWeek(containing: span.end)
        let cells = estimates.funnel.weekly.filter { cell in
            guard cell.banner == banner, cell.placement == nil, case .week(let week) = cell.period else { return false }
            return first <= week && week <= last
        }
        let weeks: [ISOWeek] = cells.compactMap { cell in
            if case .week(let week) = cell.period { return week }
            return nil
        }
        guard !weeks.isEmpty else { return nil }
        let title = wording.bannerWeeklyTitle(banner)
        let chart = GroupedBarChart(
            title: title, valueLabel: wording.perWeek,
            categories: GroupedBarChart.weekLabels(weeks, language: wording.language),
            series: [
                BarSeries(name: wording.impressions, values: cells.map { Double($0.impressions) }),
                BarSeries(name: wording.clicks, values: cells.map { Double($0.clicks) }),
            ],
            markedCategories: contextWeeks(weeks), language: wording.language)
        let format = wording.format
        let table = MarkdownTable(
            headers: [
                wording.week, wording.impressions, wording.clicks,
                wording.clickThroughRate,
            ],
            alignments: [.left, .right, .right, .right],
            rows: zip(weeks, cells).map { week, cell in
                [
                    wording.isoWeek(week), format.integer(Int(cell.impressions)), format.integer(Int(cell.clicks)),
                    cell.ctr.map { format.percent($0.proportion, fractionDigits: 2) } ?? HumanFormat.notAvailable,
                ]
            })
        let headers = table.headers.map(Self.python).joined(separator: ", ")
        let python = """
            weeks = weekly[weekly["week"].between(\(Self.python(first.description)), \(Self.python(last.description)))]
            impressions = weeks[weeks["series"] == \(Self.python("impressions:" + banner))].set_index("week")["value"]
            clicks = weeks[weeks["series"] == \(Self.python("clicks:" + banner))].set_index("week")["value"]
            rows = []
            for week in sorted(impressions.index):
                shown, clicked = impressions[week], clicks.get(week, 0)
                rate = percent(clicked / shown) if shown > 0 else DASH
                rows.append([week_text(week), number(shown), number(clicked), rate])
            headers = [\(headers)]
            show(\(Self.python(title)), \(Self.python(fileName(banner, "weekly"))), \
            table(headers, ["l", "r", "r", "r"], rows))
            """
        return ReportChart(
            fileName: fileName(banner, "weekly"), title: title, svg: chart.svg(), mermaid: chart.mermaid(),
            table: table, python: python)
    }

    /// The CTR of each placement of one banner over the campaign, with its Wilson interval.
    public func ctrByPlacement(_ banner: String) -> ReportChart? {
        let cells = estimates.funnel.campaignWindow.filter { $0.banner == banner && $0.placement != nil }
        let points = cells.compactMap { cell -> ErrorBarPoint? in
            guard let ctr = cell.ctr, let placement = cell.placement else { return nil }
            return ErrorBarPoint(
                label: placement, value: ctr.proportion, lower: ctr.interval.lower, upper: ctr.interval.upper)
        }
        guard !points.isEmpty, let level = cells.lazy.compactMap({ $0.ctr?.interval.level }).first else { return nil }
        let title = wording.ctrByPlacementTitle(banner)
        let chart = ErrorBarChart(
            title: title, valueLabel: wording.clickThroughRate, points: points, language: wording.language)
        let format = wording.format
        let upper = points.map(\.upper).max() ?? 1
        let mermaid = MermaidXYChart(
            title: title, categories: points.map(\.label), valueLabel: wording.ctrInPercent,
            valueMinimum: 0, valueMaximum: (upper * 100 * 1.2 * 100).rounded(.up) / 100, lines: [],
            bars: [points.map { ($0.value * 10000).rounded() / 100 }])
        let table = MarkdownTable(
            headers: [
                wording.placement, wording.impressions, wording.clicks,
                wording.clickThroughRate, wording.interval(atLevel: level),
            ],
            alignments: [.left, .right, .right, .right, .right],
            rows: cells.compactMap { cell in
                guard let ctr = cell.ctr, let placement = cell.placement else { return nil }
                return [
                    Markdown.escape(placement), format.integer(Int(cell.impressions)), format.integer(Int(cell.clicks)),
                    format.percent(ctr.proportion, fractionDigits: 2),
                    format.interval(
                        format.percent(ctr.interval.lower, fractionDigits: 2),
                        format.percent(ctr.interval.upper, fractionDigits: 2)),
                ]
            })
        let window = estimates.campaign.window
        let headers = table.headers.map(Self.python).joined(separator: ", ")
        let python = """
            from statistics import NormalDist

            days = daily[daily["date"].between(\(Self.python(window.start.description)), \
            \(Self.python(window.end.description)))]
            parts = days["series"].str.split(":", expand=True).reindex(columns=[0, 1, 2])
            mine = days[(parts[1] == \(Self.python(banner))) & parts[2].notna() & parts[0].isin(["impressions", "clicks"])]
            totals = mine.assign(metric=parts[0], placement=parts[2]).pivot_table(
                index="placement", columns="metric", values="value", aggfunc="sum", fill_value=0
            )
            z = NormalDist().inv_cdf(0.975)
            rows = []
            for placement, n, k in zip(totals.index, totals["impressions"], totals["clicks"]):
                if n <= 0:
                    continue
                p = k / n
                centre = (p + z * z / (2 * n)) / (1 + z * z / n)
                half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
                band = interval(percent(centre - half), percent(centre + half))
                rows.append([escaped(placement), number(n), number(k), percent(p), band])
            headers = [\(headers)]
            show(\(Self.python(title)), \(Self.python(fileName(banner, "ctr"))), \
            table(headers, ["l", "r", "r", "r", "r"], rows))
            """
        return ReportChart(
            fileName: fileName(banner, "ctr"), title: title, svg: chart.svg(), mermaid: mermaid, table: table,
            python: python)
    }
}
