import Ingest

/// A line chart of daily series, with an optional shaded band (the expected interval), an optional shaded
/// stretch of days (the campaign window) and hatched periods (context events), as SVG and Mermaid.
///
/// Lines break where days are missing (a missing day is never drawn as zero); a day with no neighbour
/// is drawn as a dot. The value axis starts at zero for non-negative data. The legend sits under the
/// time axis and wraps onto more rows when needed.
public struct LineChart: Sendable, Equatable {
    /// The chart title (text from data is escaped).
    public let title: String
    /// The value axis label, with its unit (`Calls per day`).
    public let valueLabel: String
    /// The series, drawn in order with the colour-blind-safe Okabe–Ito palette.
    public let series: [LineSeries]
    /// The band drawn behind the lines, if any.
    public let band: ShadedBand?
    /// The days shaded behind everything, if any.
    public let shadedDays: ShadedDays?
    /// Periods hatched behind the lines, each in its own colour, cut to the days drawn.
    public let markedPeriods: [MarkedPeriod]
    /// How value ticks are labelled.
    public let valueStyle: ChartValueStyle
    /// The language of tick labels.
    public let language: ReportLanguage

    /// The SVG width and height in pixels.
    public static let size = (width: 800.0, height: 420.0)

    /// Creates a chart.
    public init(
        title: String, valueLabel: String, series: [LineSeries], band: ShadedBand? = nil,
        shadedDays: ShadedDays? = nil, markedPeriods: [MarkedPeriod] = [], valueStyle: ChartValueStyle = .number,
        language: ReportLanguage
    ) {
        self.title = title
        self.valueLabel = valueLabel
        self.series = series
        self.band = band
        self.shadedDays = shadedDays
        self.markedPeriods = markedPeriods
        self.valueStyle = valueStyle
        self.language = language
    }

    /// The first and last day drawn: every series point, band day and shaded day (marked periods do not widen it).
    public var dateSpan: DayRange? {
        var dates = series.flatMap { $0.points.map(\.date) } + (band?.intervals.map(\.date) ?? [])
        if let shadedDays { dates += [shadedDays.days.start, shadedDays.days.end] }
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return DayRange(start: first, end: last)
    }

    private var valueScale: NiceScale {
        let values =
            series.flatMap { $0.points.map(\.value) }
            + (band?.intervals.flatMap { [$0.lower, $0.upper] } ?? [])
        let finite = values.filter(\.isFinite)
        return NiceScale(
            minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, tickCount: 6,
            includesZero: (finite.min() ?? 0) >= 0)
    }

    private var legendItems: [(String, SVGCanvas.Swatch)] {
        var items: [(String, SVGCanvas.Swatch)] = series.enumerated().map { index, series in
            (series.name, .line(color: Self.color(index), dashed: series.isDashed))
        }
        if let band { items.append((band.name, .area(color: "#888888", opacity: 0.3))) }
        if let shadedDays { items.append((shadedDays.name, .area(color: "#E69F00", opacity: 0.18))) }
        for (index, period) in visiblePeriods { items.append((period.name, .hatch(pattern: Self.patternID(index)))) }
        return items
    }

    /// The marked periods that overlap the days drawn, with their index in `markedPeriods` (their colour).
    private var visiblePeriods: [(Int, MarkedPeriod)] {
        guard let span = dateSpan else { return [] }
        return markedPeriods.enumerated().filter { _, period in
            period.days.start <= span.end && span.start <= period.days.end
        }
    }

    /// The colours of marked periods: bluish green, reddish purple, sky blue (Okabe–Ito, away from the lines'
    /// blue and vermilion and the campaign's orange).
    static let periodColors = ["#009E73", "#CC79A7", "#56B4E9"]

    static func patternID(_ index: Int) -> String {
        "period-hatch-\(index % periodColors.count)"
    }

    static func color(_ index: Int) -> String {
        SVGCanvas.palette[index % SVGCanvas.palette.count]
    }

    /// The chart as a self-contained SVG 1.1 document.
    public func svg() -> String {
        let format = HumanFormat(language: language)
        var canvas = SVGCanvas(width: Self.size.width, height: Self.size.height)
        canvas.title(title)
        let scale = valueScale
        let widest =
            SVGCanvas.tickLabels(scale, style: valueStyle, format: format)
            .map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0
        let legendHeight = SVGCanvas.legendHeight(legendItems, width: canvas.width - 20)
        let plot = PlotArea(
            left: 10 + 18 + widest + 10, top: 44, right: canvas.width - 24,
            bottom: canvas.height - 34 - legendHeight)
        guard let span = dateSpan else {
            canvas.valueAxis(scale, style: valueStyle, format: format, plot: plot, label: valueLabel)
            return canvas.document(title: title)
        }
        let dayCount = Double(max(span.dayCount - 1, 1))
        let start = span.start
        // Days are points; half a day of padding on each side keeps the first and last inside the frame.
        func x(_ date: CivilDate) -> Double {
            plot.left + 6 + Double(start.days(to: date)) / dayCount * (plot.width - 12)
        }
        let halfDay = (plot.width - 12) / dayCount / 2

        if let shadedDays {
            let left = max(plot.left, x(shadedDays.days.start) - halfDay)
            let right = min(plot.right, x(shadedDays.days.end) + halfDay)
            canvas.rect(
                x: left, y: plot.top, width: right - left, height: plot.height, fill: "#E69F00", opacity: 0.18)
        }
        for (index, period) in visiblePeriods {
            let color = Self.periodColors[index % Self.periodColors.count]
            canvas.hatchPattern(id: Self.patternID(index), color: color)
            let left = max(plot.left, x(max(period.days.start, span.start)) - halfDay)
            let right = min(plot.right, x(min(period.days.end, span.end)) + halfDay)
            canvas.hatchedRect(
                x: left, y: plot.top, width: right - left, height: plot.height, pattern: Self.patternID(index))
            // The edges that fall inside the chart, where the period began or ended.
            if period.days.start > span.start {
                canvas.line(x1: left, y1: plot.top, x2: left, y2: plot.bottom, stroke: color, width: 1.5)
            }
            if period.days.end < span.end {
                canvas.line(x1: right, y1: plot.top, x2: right, y2: plot.bottom, stroke: color, width: 1.5)
            }
        }
        canvas.valueAxis(scale, style: valueStyle, format: format, plot: plot, label: valueLabel)
        if let band {
            for segment in Self.segments(band.intervals.sorted { $0.date < $1.date }, date: \.date) {
                let upper = segment.map { (x($0.date), plot.y($0.upper, scale)) }
                let lower = segment.reversed().map { (x($0.date), plot.y($0.lower, scale)) }
                if segment.count == 1, let only = segment.first {
                    canvas.line(
                        x1: x(only.date), y1: plot.y(only.lower, scale), x2: x(only.date),
                        y2: plot.y(only.upper, scale), stroke: "#888888", width: 4)
                } else {
                    canvas.polygon(upper + lower, fill: "#888888", opacity: 0.3)
                }
            }
        }
        for (index, line) in series.enumerated() {
            let color = Self.color(index)
            for segment in Self.segments(line.points.sorted { $0.date < $1.date }, date: \.date) {
                if segment.count == 1, let only = segment.first {
                    canvas.circle(x: x(only.date), y: plot.y(only.value, scale), radius: 2.5, fill: color)
                    continue
                }
                let d = segment.enumerated().map { offset, point in
                    (offset == 0 ? "M" : "L") + SVGCanvas.number(x(point.date)) + " "
                        + SVGCanvas.number(plot.y(point.value, scale))
                }.joined(separator: " ")
                canvas.path(d, stroke: color, width: 2, dashed: line.isDashed)
            }
        }
        // Time axis.
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: SVGCanvas.axisColor)
        let ticks = DateTicks(from: span.start, to: span.end, width: plot.width, format: format)
        for (date, label) in zip(ticks.dates, ticks.labels) {
            let tickX = x(date)
            canvas.line(
                x1: tickX, y1: plot.bottom, x2: tickX, y2: plot.bottom + 5, stroke: SVGCanvas.axisColor)
            let anchor: SVGCanvas.Anchor
            if tickX - SVGCanvas.textWidth(label, size: 12) / 2 < 2 {
                anchor = .start
            } else if tickX + SVGCanvas.textWidth(label, size: 12) / 2 > canvas.width - 2 {
                anchor = .end
            } else {
                anchor = .middle
            }
            canvas.text(label, x: tickX, y: plot.bottom + 19, anchor: anchor, color: SVGCanvas.axisColor)
        }
        canvas.legend(legendItems, top: plot.bottom + 28)
        return canvas.document(title: title)
    }

    /// Runs of consecutive days.
    static func segments<Element>(_ elements: [Element], date: (Element) -> CivilDate) -> [[Element]] {
        var segments: [[Element]] = []
        var previous: CivilDate?
        for element in elements {
            let day = date(element)
            if let previous, previous.days(to: day) == 1 {
                segments[segments.count - 1].append(element)
            } else if previous != day {
                segments.append([element])
            }
            previous = day
        }
        return segments
    }

    /// The chart as a Mermaid `xychart-beta` block (without the markdown fence; use
    /// ``MermaidXYChart/markdown``).
    ///
    /// Mermaid has no dates, gaps or bands: the x axis lists the days on which every series has a value,
    /// labelled `4 May`; the band and the shaded days are left out (the SVG and the table beside it carry
    /// them).
    public func mermaid() -> MermaidXYChart {
        let format = HumanFormat(language: language)
        let byDate = series.map { line in Dictionary(line.points.map { ($0.date, $0.value) }, uniquingKeysWith: { $1 })
        }
        let common = (byDate.first.map { Set($0.keys) } ?? [])
            .filter { date in byDate.allSatisfy { $0[date] != nil } }.sorted()
        let scale = valueScale
        return MermaidXYChart(
            title: title, categories: common.map(format.dayAndMonth), valueLabel: valueLabel,
            valueMinimum: scale.lower, valueMaximum: scale.upper,
            lines: byDate.map { values in common.map { values[$0] ?? 0 } }, bars: [])
    }
}
