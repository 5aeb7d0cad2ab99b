import Ingest

/// Points with interval whiskers over categories, such as the click-through rate by placement with its
/// Wilson interval, as SVG. Each point is labelled with its value.
public struct ErrorBarChart: Sendable, Equatable {
    /// The chart title.
    public let title: String
    /// The value axis label.
    public let valueLabel: String
    /// The points, drawn left to right.
    public let points: [ErrorBarPoint]
    /// How values are labelled.
    public let valueStyle: ChartValueStyle
    /// The language of labels.
    public let language: ReportLanguage

    /// Creates a chart.
    public init(
        title: String, valueLabel: String, points: [ErrorBarPoint], valueStyle: ChartValueStyle = .percent,
        language: ReportLanguage
    ) {
        self.title = title
        self.valueLabel = valueLabel
        self.points = points
        self.valueStyle = valueStyle
        self.language = language
    }

    /// The chart as a self-contained SVG 1.1 document.
    public func svg() -> String {
        let format = HumanFormat(language: language)
        let values = points.flatMap { [$0.value, $0.lower, $0.upper] }.filter(\.isFinite)
        let scale = NiceScale(
            minimum: values.min() ?? 0, maximum: values.max() ?? 1, tickCount: 6,
            includesZero: (values.min() ?? 0) >= 0)
        var canvas = SVGCanvas(width: 640, height: 380)
        canvas.title(title)
        let widest =
            SVGCanvas.tickLabels(scale, style: valueStyle, format: format)
            .map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0
        let plot = PlotArea(left: 10 + 18 + widest + 10, top: 44, right: canvas.width - 20, bottom: canvas.height - 40)
        canvas.valueAxis(scale, style: valueStyle, format: format, plot: plot, label: valueLabel)
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: SVGCanvas.axisColor)
        let slot = plot.width / Double(max(points.count, 1))
        for (index, point) in points.enumerated() {
            let x = plot.left + slot * (Double(index) + 0.5)
            let color = LineChart.color(0)
            if point.lower.isFinite, point.upper.isFinite {
                let low = plot.y(point.lower, scale)
                let high = plot.y(point.upper, scale)
                canvas.line(x1: x, y1: low, x2: x, y2: high, stroke: color, width: 2)
                canvas.line(x1: x - 8, y1: low, x2: x + 8, y2: low, stroke: color, width: 2)
                canvas.line(x1: x - 8, y1: high, x2: x + 8, y2: high, stroke: color, width: 2)
            }
            guard point.value.isFinite else { continue }
            let y = plot.y(point.value, scale)
            canvas.circle(x: x, y: y, radius: 5, fill: color)
            let label: String
            switch valueStyle {
            case .number: label = format.decimal(point.value, fractionDigits: scale.fractionDigits + 1)
            case .percent: label = format.percent(point.value, fractionDigits: max(1, scale.fractionDigits - 1))
            }
            canvas.text(label, x: x + 12, y: y + 4, color: SVGCanvas.textColor)
            var shown = point.label
            while SVGCanvas.textWidth(shown, size: 12) > slot - 4, shown.count > 2 {
                shown = String(shown.dropLast(2)) + "…"
            }
            canvas.text(shown, x: x, y: plot.bottom + 18, anchor: .middle, color: SVGCanvas.axisColor)
        }
        return canvas.document(title: title)
    }
}
