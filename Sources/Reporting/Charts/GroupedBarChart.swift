import Analytics
import Ingest

/// A grouped bar chart over categories (ISO weeks), for example weekly impressions and clicks, as SVG and
/// Mermaid.
///
/// When the series' largest values differ by more than ``panelRatio`` (impressions in millions, clicks
/// in thousands), one shared axis would flatten the smaller series, so each series gets its own panel
/// with its own value axis, stacked vertically over the same categories; otherwise the bars are grouped
/// side by side on one axis. Two panels read more honestly than a secondary axis, whose scale a reader
/// can mistake for the first. Missing values (nil) draw no bar. When category labels do not fit, every
/// second (third, …) label is shown. Marked categories (the weeks a context event overlaps) are hatched behind
/// the bars, in the colours of ``LineChart``'s marked periods.
public struct GroupedBarChart: Sendable, Equatable {
    /// The chart title.
    public let title: String
    /// The value axis label (the panel's series name is added in panel layout).
    public let valueLabel: String
    /// The category labels, in order (`W19`; see ``weekLabels(_:language:)``).
    public let categories: [String]
    /// The series, one value per category.
    public let series: [BarSeries]
    /// Groups of categories hatched behind the bars, each named in the legend.
    public let markedCategories: [MarkedCategories]
    /// How value ticks are labelled.
    public let valueStyle: ChartValueStyle
    /// The language of tick labels.
    public let language: ReportLanguage

    /// Categories of a bar chart marked together, such as the weeks a context event overlaps.
    public struct MarkedCategories: Sendable, Equatable {
        /// The legend label.
        public let name: String
        /// The positions of the categories in the chart's order.
        public let indices: [Int]

        /// Creates a group of marked categories.
        public init(name: String, indices: [Int]) {
            self.name = name
            self.indices = indices
        }
    }

    /// The ratio of series maxima above which each series gets its own panel.
    public static let panelRatio = 10.0

    /// Creates a chart.
    public init(
        title: String, valueLabel: String, categories: [String], series: [BarSeries],
        markedCategories: [MarkedCategories] = [], valueStyle: ChartValueStyle = .number, language: ReportLanguage
    ) {
        self.title = title
        self.valueLabel = valueLabel
        self.categories = categories
        self.series = series
        self.markedCategories = markedCategories
        self.valueStyle = valueStyle
        self.language = language
    }

    /// Short labels for ISO weeks: `W19` / `S19`, with the week-based year on a second line (`W53\n2020`)
    /// on the first week and wherever the year changes. The SVG draws the second line under the first;
    /// Mermaid shows it after a space.
    public static func weekLabels(_ weeks: [ISOWeek], language: ReportLanguage) -> [String] {
        let format = HumanFormat(language: language)
        return weeks.enumerated().map { index, week in
            index == 0 || weeks[index - 1].year != week.year
                ? format.shortWeek(week) + "\n" + String(week.year) : format.shortWeek(week)
        }
    }

    /// Whether the series are drawn in separate panels (see the type's discussion).
    public var usesPanels: Bool {
        let maxima = series.map { $0.values.compactMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0 }
            .filter { $0 > 0 }
        guard let largest = maxima.max(), let smallest = maxima.min(), series.count > 1 else { return false }
        return largest / smallest > Self.panelRatio
    }

    private func scale(for values: [Double?]) -> NiceScale {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        return NiceScale(
            minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, tickCount: 5, includesZero: true)
    }

    /// The chart as a self-contained SVG 1.1 document.
    public func svg() -> String {
        let format = HumanFormat(language: language)
        let panels: [[Int]] = usesPanels ? series.indices.map { [$0] } : [Array(series.indices)]
        let panelHeight = usesPanels ? 190.0 : 300.0
        let marked = markedCategories.enumerated().filter { _, group in
            group.indices.contains { categories.indices.contains($0) }
        }
        let legendItems: [(String, SVGCanvas.Swatch)] =
            series.enumerated().map { index, series in
                (series.name, .area(color: LineChart.color(index), opacity: 1))
            } + marked.map { index, group in (group.name, .hatch(pattern: LineChart.patternID(index))) }
        let width = 800.0
        let legendHeight = SVGCanvas.legendHeight(legendItems, width: width - 20)
        let panelGap = 50.0
        let height =
            44 + Double(panels.count) * panelHeight + Double(panels.count - 1) * panelGap + 44 + legendHeight + 10
        var canvas = SVGCanvas(width: width, height: height)
        canvas.title(title)
        for (index, _) in marked {
            canvas.hatchPattern(
                id: LineChart.patternID(index), color: LineChart.periodColors[index % LineChart.periodColors.count])
        }
        let scales = panels.map { members in scale(for: members.flatMap { series[$0].values }) }
        let widest =
            zip(scales, panels).map { scale, _ in
                SVGCanvas.tickLabels(scale, style: valueStyle, format: format).map { SVGCanvas.textWidth($0, size: 12) }
                    .max() ?? 0
            }.max() ?? 0
        let left = 10 + 18 + widest + 10
        var top = 44.0
        var lastPlot = PlotArea(left: left, top: top, right: width - 20, bottom: top + panelHeight)
        for (panelIndex, members) in panels.enumerated() {
            let plot = PlotArea(left: left, top: top, right: width - 20, bottom: top + panelHeight)
            let scale = scales[panelIndex]
            let label = usesPanels ? series[members[0]].name : valueLabel
            canvas.valueAxis(scale, style: valueStyle, format: format, plot: plot, label: label)
            let slot = plot.width / Double(max(categories.count, 1))
            let groupWidth = slot * 0.8
            let barWidth = groupWidth / Double(max(members.count, 1))
            for (index, group) in marked {
                for category in group.indices where categories.indices.contains(category) {
                    canvas.hatchedRect(
                        x: plot.left + slot * Double(category), y: plot.top, width: slot, height: plot.height,
                        pattern: LineChart.patternID(index))
                }
            }
            for category in categories.indices {
                for (position, member) in members.enumerated() {
                    guard category < series[member].values.count, let value = series[member].values[category],
                        value.isFinite
                    else { continue }
                    let x = plot.left + slot * Double(category) + (slot - groupWidth) / 2 + barWidth * Double(position)
                    let y0 = plot.y(max(0, scale.lower), scale)
                    let y1 = plot.y(value, scale)
                    canvas.rect(
                        x: x, y: min(y0, y1), width: max(barWidth - 1, 1), height: abs(y0 - y1),
                        fill: LineChart.color(member))
                }
            }
            canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: SVGCanvas.axisColor)
            // Category labels under every panel, thinned to fit.
            let lines = categories.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let widestLabel = lines.flatMap { $0 }.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0
            let every = widestLabel + 8 <= slot ? 1 : Int(((widestLabel + 8) / max(slot, 1)).rounded(.up))
            for (index, labelLines) in lines.enumerated() where index % every == 0 || labelLines.count > 1 {
                for (offset, text) in labelLines.prefix(2).enumerated() {
                    canvas.text(
                        text, x: plot.left + slot * (Double(index) + 0.5), y: plot.bottom + 17 + 14 * Double(offset),
                        anchor: .middle, color: SVGCanvas.axisColor)
                }
            }
            lastPlot = plot
            top += panelHeight + panelGap
        }
        canvas.legend(legendItems, top: lastPlot.bottom + 44)
        return canvas.document(title: title)
    }

    /// The chart as a Mermaid `xychart-beta` block: bars over the categories on one axis (Mermaid has
    /// neither panels nor gaps: missing values are 0 and, in panel layout, the smaller series is hard to
    /// read, which the SVG and the table beside it make up for).
    public func mermaid() -> MermaidXYChart {
        let scale = scale(for: series.flatMap(\.values))
        return MermaidXYChart(
            title: title, categories: categories, valueLabel: valueLabel, valueMinimum: scale.lower,
            valueMaximum: scale.upper,
            lines: [],
            bars: series.map { series in
                categories.indices.map { index in
                    index < series.values.count ? (series.values[index] ?? 0) : 0
                }
            })
    }
}
