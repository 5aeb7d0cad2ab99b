/// One chart of a report in every form the outputs need: the SVG file, the Mermaid block for the
/// markdown, the Vega-Lite spec for notebooks, the table with the same numbers, and the Python that
/// redraws it from the tidy files.
public struct ReportChart: Sendable, Equatable {
    /// The SVG's file name inside `charts/` (`banner-119-calls-119.svg`).
    public let fileName: String
    /// The chart title, plain text.
    public let title: String
    /// The SVG document.
    public let svg: String
    /// The Mermaid `xychart-beta` chart.
    public let mermaid: MermaidXYChart
    /// The Vega-Lite v5 spec.
    public let vegaLite: JSONValue
    /// The table of the numbers drawn (cells already escaped).
    public let table: MarkdownTable
    /// Python that redraws the chart from the tidy outputs (`REPORTS` is the output folder).
    public let python: String

    /// Creates a chart.
    public init(
        fileName: String, title: String, svg: String, mermaid: MermaidXYChart, vegaLite: JSONValue,
        table: MarkdownTable, python: String
    ) {
        self.fileName = fileName
        self.title = title
        self.svg = svg
        self.mermaid = mermaid
        self.vegaLite = vegaLite
        self.table = table
        self.python = python
    }
}
