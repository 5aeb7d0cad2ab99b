import Ingest

/// An SVG 1.1 document under construction: elements with coordinates rounded to one decimal, text
/// escaped, so that the same chart always gives the same bytes.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    static let fontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let textColor = "#222222"
    static let axisColor = "#555555"
    static let gridColor = "#DDDDDD"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate or length with at most one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return DecimalText.plain((value * 10).rounded(.toNearestOrAwayFromZero) / 10, significantDigits: 12)
    }

    /// The approximate width of `text` at `size` pixels, for layout (DejaVu Sans averages 0.6 em).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    mutating func append(_ element: String) {
        body.append(element)
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false
    ) {
        let n = Self.number
        body.append(
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" "
                + "stroke-width=\"\(n(width))\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1) {
        let n = Self.number
        body.append(
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" "
                + "fill=\"\(fill)\""
                + (opacity < 1 ? " fill-opacity=\"\(DecimalText.plain(opacity, significantDigits: 3))\"" : "")
                + "/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        let n = Self.number
        body.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\"/>")
    }

    mutating func path(_ d: String, stroke: String, width: Double = 2, dashed: Bool = false) {
        body.append(
            "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "")
                + "/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body.append(
            "<polygon points=\"\(list)\" fill=\"\(fill)\" fill-opacity=\"\(DecimalText.plain(opacity, significantDigits: 3))\"/>"
        )
    }

    /// Defines a pattern of diagonal lines of `color` named `id`, for `fill="url(#id)"`. The definition depends
    /// only on the colour, so two charts shown on one page (a notebook) that define the same id agree.
    mutating func hatchPattern(id: String, color: String) {
        body.append(
            "<defs><pattern id=\"\(id)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect x=\"0\" y=\"0\" width=\"8\" height=\"8\" fill=\"\(color)\" "
                + "fill-opacity=\"0.06\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"\(color)\" "
                + "stroke-width=\"2.5\" stroke-opacity=\"0.5\"/></pattern></defs>")
    }

    /// A rectangle filled with the pattern `id` (``hatchPattern(id:color:)``).
    mutating func hatchedRect(x: Double, y: Double, width: Double, height: Double, pattern id: String) {
        let n = Self.number
        body.append(
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" "
                + "fill=\"url(#\(id))\"/>")
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// Text from anywhere (data included): escaped here.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
        rotated: Bool = false, color: String = SVGCanvas.textColor
    ) {
        let n = Self.number
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(color)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if rotated { attributes += " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" }
        body.append("<text \(attributes)>\(XMLText.escape(text))</text>")
    }

    /// The finished document, with an XML declaration, a `<title>` for accessibility and a white
    /// background so it reads on dark themes too.
    func document(title: String) -> String {
        let n = Self.number
        let head = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(width))\" height=\"\(n(height))\" "
                + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(Self.fontFamily)\">",
            "<title>\(XMLText.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>",
        ]
        return (head + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}

/// Layout shared by the charts: title, legend, value axis with grid.
extension SVGCanvas {
    /// Draws the title centred at the top, shortened with `…` when wider than the chart.
    mutating func title(_ title: String) {
        var shown = title
        let limit = width - 20
        while SVGCanvas.textWidth(shown, size: 16) > limit, shown.count > 2 {
            shown = String(shown.dropLast(2)) + "…"
        }
        text(shown, x: width / 2, y: 24, size: 16, anchor: .middle, bold: true)
    }

    enum Swatch {
        case line(color: String, dashed: Bool)
        case area(color: String, opacity: Double)
        /// A patch of the pattern `pattern` (defined by the chart).
        case hatch(pattern: String)
    }

    /// The height a legend needs when wrapped into `width`.
    static func legendHeight(_ items: [(String, Swatch)], width: Double) -> Double {
        Double(legendRows(items, width: width).count) * 18
    }

    private static func legendRows(_ items: [(String, Swatch)], width: Double) -> [[(String, Swatch, Double)]] {
        var rows: [[(String, Swatch, Double)]] = [[]]
        var used = 0.0
        for (label, swatch) in items {
            let itemWidth = 28 + textWidth(label, size: 12) + 18
            if used + itemWidth > width, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append((label, swatch, itemWidth))
            used += itemWidth
        }
        return rows.filter { !$0.isEmpty }
    }

    /// Draws legend items in centred rows starting at `top`.
    mutating func legend(_ items: [(String, Swatch)], top: Double) {
        for (index, row) in Self.legendRows(items, width: width - 20).enumerated() {
            let rowWidth = row.reduce(0) { $0 + $1.2 } - 18
            var x = (width - rowWidth) / 2
            let y = top + Double(index) * 18 + 9
            for (label, swatch, itemWidth) in row {
                switch swatch {
                case .line(let color, let dashed):
                    line(x1: x, y1: y, x2: x + 22, y2: y, stroke: color, width: 2.5, dashed: dashed)
                case .area(let color, let opacity):
                    rect(x: x, y: y - 6, width: 22, height: 12, fill: color, opacity: opacity)
                case .hatch(let pattern):
                    hatchedRect(x: x, y: y - 6, width: 22, height: 12, pattern: pattern)
                }
                text(label, x: x + 28, y: y + 4)
                x += itemWidth
            }
        }
    }

    /// The widest tick label of a value axis, for the left margin.
    static func tickLabels(_ scale: NiceScale, style: ChartValueStyle, format: HumanFormat) -> [String] {
        scale.ticks.map { tick in
            switch style {
            case .number: return format.decimal(tick, fractionDigits: scale.fractionDigits)
            case .percent: return format.percent(tick, fractionDigits: max(0, scale.fractionDigits - 2))
            }
        }
    }

    /// Draws horizontal grid lines and tick labels of `scale` inside `plot`, and the axis label rotated
    /// along the left edge.
    mutating func valueAxis(
        _ scale: NiceScale, style: ChartValueStyle, format: HumanFormat, plot: PlotArea, label: String
    ) {
        let labels = Self.tickLabels(scale, style: style, format: format)
        for (tick, tickLabel) in zip(scale.ticks, labels) {
            let y = plot.y(tick, scale)
            line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: tick == 0 ? Self.axisColor : Self.gridColor)
            text(tickLabel, x: plot.left - 6, y: y + 4, anchor: .end, color: Self.axisColor)
        }
        let widest = labels.map { Self.textWidth($0, size: 12) }.max() ?? 0
        text(label, x: plot.left - widest - 16, y: (plot.top + plot.bottom) / 2, anchor: .middle, rotated: true)
    }
}

/// The rectangle data is drawn in.
struct PlotArea {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    func y(_ value: Double, _ scale: NiceScale) -> Double {
        let span = scale.upper - scale.lower
        guard span > 0 else { return bottom }
        return bottom - (value - scale.lower) / span * height
    }
}
