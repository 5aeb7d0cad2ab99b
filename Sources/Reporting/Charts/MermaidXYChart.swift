import Ingest

/// A Mermaid `xychart-beta` chart (rendered by GitHub in markdown): categories on the x axis, lines and
/// bars over them.
///
/// Mermaid strings cannot contain a raw `"` and read `#name;` as an entity, so in the title, labels and
/// categories `#` becomes `#35;` and `"` becomes `#quot;` (Mermaid's entity codes); line breaks become
/// spaces. Numbers follow ``DecimalText``; a non-finite value is written as 0 (Mermaid has no gaps).
public struct MermaidXYChart: Sendable, Equatable {
    /// The title.
    public let title: String
    /// The x-axis categories, in order.
    public let categories: [String]
    /// The y-axis label.
    public let valueLabel: String
    /// The y-axis minimum.
    public let valueMinimum: Double
    /// The y-axis maximum.
    public let valueMaximum: Double
    /// Line series, one value per category.
    public let lines: [[Double]]
    /// Bar series, one value per category.
    public let bars: [[Double]]

    /// Creates a chart.
    public init(
        title: String, categories: [String], valueLabel: String, valueMinimum: Double, valueMaximum: Double,
        lines: [[Double]], bars: [[Double]]
    ) {
        self.title = title
        self.categories = categories
        self.valueLabel = valueLabel
        self.valueMinimum = valueMinimum
        self.valueMaximum = valueMaximum
        self.lines = lines
        self.bars = bars
    }

    /// The chart's Mermaid source, ending in a newline.
    public var text: String {
        func number(_ value: Double) -> String { DecimalText.format(value) ?? "0" }
        func list(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
        var lines = [
            "xychart-beta",
            "    title \"\(Self.escape(title))\"",
            "    x-axis [" + categories.map { "\"\(Self.escape($0))\"" }.joined(separator: ", ") + "]",
            "    y-axis \"\(Self.escape(valueLabel))\" \(number(valueMinimum)) --> \(number(valueMaximum))",
        ]
        lines += bars.map { "    bar " + list($0) }
        lines += self.lines.map { "    line " + list($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The chart in a fenced ```` ```mermaid ```` block for a markdown report.
    public var markdown: String {
        Markdown.fencedBlock(text, info: "mermaid")
    }

    /// `text` safe inside a Mermaid double-quoted string.
    public static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "#": output += "#35;"
            case "\"": output += "#quot;"
            case "\n", "\r", "\u{2028}", "\u{2029}": output += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
