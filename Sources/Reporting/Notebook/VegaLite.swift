/// Vega-Lite v5 specs for notebook outputs, from the same chart values as the SVGs.
///
/// Data is inline (`values`), dates are `YYYY-MM-DD` strings read as temporal, and text from the data is
/// carried as JSON strings (Vega-Lite renders it as text, not HTML).
public enum VegaLite {
    /// The `$schema` of every spec.
    public static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

    /// A layered spec for `chart`: the shaded days as a rectangle, the band as an area, the series as
    /// lines coloured by name (dashed series dashed). Missing days are absent rows, so lines break there.
    public static func lineChart(_ chart: LineChart) -> JSONValue {
        var layers: [JSONValue] = []
        if let shaded = chart.shadedDays {
            layers.append(
                .object([
                    "data": .object([
                        "values": .array([
                            .object([
                                "start": .string(shaded.days.start.description),
                                "end": .string(shaded.days.end.description), "label": .string(shaded.name),
                            ])
                        ])
                    ]),
                    "mark": .object(["type": .string("rect"), "color": .string("#E69F00"), "opacity": .number(0.18)]),
                    "encoding": .object([
                        "x": .object(["field": .string("start"), "type": .string("temporal")]),
                        "x2": .object(["field": .string("end")]),
                        "tooltip": .object(["field": .string("label"), "type": .string("nominal")]),
                    ]),
                ]))
        }
        if let band = chart.band {
            layers.append(
                .object([
                    "data": .object([
                        "values": .array(
                            band.intervals.map { interval in
                                .object([
                                    "date": .string(interval.date.description), "lower": .number(interval.lower),
                                    "upper": .number(interval.upper), "band": .string(band.name),
                                ])
                            })
                    ]),
                    "mark": .object(["type": .string("area"), "color": .string("#888888"), "opacity": .number(0.3)]),
                    "encoding": .object([
                        "x": .object(["field": .string("date"), "type": .string("temporal")]),
                        "y": .object(["field": .string("lower"), "type": .string("quantitative")]),
                        "y2": .object(["field": .string("upper")]),
                        "tooltip": .object(["field": .string("band"), "type": .string("nominal")]),
                    ]),
                ]))
        }
        let rows: [JSONValue] = chart.series.flatMap { series in
            series.points.sorted { $0.date < $1.date }.map { point in
                .object([
                    "date": .string(point.date.description), "series": .string(series.name),
                    "value": .number(point.value), "dashed": .bool(series.isDashed),
                ])
            }
        }
        layers.append(
            .object([
                "data": .object(["values": .array(rows)]),
                "mark": .object(["type": .string("line"), "strokeWidth": .int(2)]),
                "encoding": .object([
                    "x": .object(["field": .string("date"), "type": .string("temporal"), "title": .null]),
                    "y": .object([
                        "field": .string("value"), "type": .string("quantitative"), "title": .string(chart.valueLabel),
                        "axis": chart.valueStyle == .percent ? .object(["format": .string("%")]) : .object([:]),
                    ]),
                    "color": .object([
                        "field": .string("series"), "type": .string("nominal"),
                        "sort": .array(chart.series.map { .string($0.name) }),
                        "scale": .object(["range": .array(SVGCanvas.palette.map(JSONValue.string))]),
                    ]),
                    "strokeDash": .object([
                        "field": .string("dashed"), "type": .string("nominal"), "legend": .null,
                        "scale": .object([
                            "domain": .array([.bool(false), .bool(true)]),
                            "range": .array([.array([.int(1), .int(0)]), .array([.int(6), .int(4)])]),
                        ]),
                    ]),
                ]),
            ]))
        return .object([
            "$schema": .string(schema), "title": .string(chart.title), "width": .int(700), "height": .int(300),
            "layer": .array(layers),
        ])
    }

    /// A grouped bar spec for `chart`: bars offset by series within each category, or one row per series
    /// with independent value axes when ``GroupedBarChart/usesPanels`` (the same choice as the SVG).
    public static func groupedBars(_ chart: GroupedBarChart) -> JSONValue {
        let categories = chart.categories.map { $0.split(separator: "\n").joined(separator: " ") }
        var rows: [JSONValue] = []
        for series in chart.series {
            for (index, category) in categories.enumerated() where index < series.values.count {
                guard let value = series.values[index], value.isFinite else { continue }
                rows.append(
                    .object(["category": .string(category), "series": .string(series.name), "value": .number(value)]))
            }
        }
        let x: JSONValue = .object([
            "field": .string("category"), "type": .string("ordinal"),
            "sort": .array(categories.map(JSONValue.string)), "title": .null,
        ])
        let color: JSONValue = .object([
            "field": .string("series"), "type": .string("nominal"),
            "sort": .array(chart.series.map { .string($0.name) }),
            "scale": .object(["range": .array(SVGCanvas.palette.map(JSONValue.string))]),
        ])
        let y: JSONValue = .object([
            "field": .string("value"), "type": .string("quantitative"),
            "title": chart.usesPanels ? .null : .string(chart.valueLabel),
        ])
        var encoding: [String: JSONValue] = ["x": x, "y": y, "color": color]
        if !chart.usesPanels {
            encoding["xOffset"] = .object([
                "field": .string("series"), "sort": .array(chart.series.map { .string($0.name) }),
            ])
        }
        if chart.usesPanels {
            return .object([
                "$schema": .string(schema), "title": .string(chart.title),
                "data": .object(["values": .array(rows)]),
                "facet": .object([
                    "row": .object([
                        "field": .string("series"), "type": .string("nominal"),
                        "sort": .array(chart.series.map { .string($0.name) }), "title": .null,
                    ])
                ]),
                "resolve": .object(["scale": .object(["y": .string("independent")])]),
                "spec": .object([
                    "width": .int(700), "height": .int(160), "mark": .string("bar"),
                    "encoding": .object(encoding),
                ]),
            ])
        }
        return .object([
            "$schema": .string(schema), "title": .string(chart.title), "width": .int(700), "height": .int(300),
            "data": .object(["values": .array(rows)]), "mark": .string("bar"), "encoding": .object(encoding),
        ])
    }
}
