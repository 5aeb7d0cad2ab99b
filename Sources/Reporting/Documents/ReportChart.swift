/// One chart of a report in every form the outputs need: the SVG file, the Mermaid block for the
/// markdown, the table with the same numbers, and the Python that computes that table from the tidy files
/// and shows the SVG in a notebook.
public struct ReportChart: Sendable, Equatable {
    /// The SVG's file name inside `charts/` (`banner-119-calls-119.svg`).
    public let fileName: String
    /// The chart title, plain text.
    public let title: String
    /// The SVG document.
    public let svg: String
    /// The Mermaid `xychart-beta` chart.
    public let mermaid: MermaidXYChart
    /// The table of the numbers drawn (cells already escaped).
    public let table: MarkdownTable
    /// Python that shows the chart and computes its table from the tidy outputs (`REPORTS` is the output folder).
    public let python: String

    /// Creates a chart.
    public init(
        fileName: String, title: String, svg: String, mermaid: MermaidXYChart, table: MarkdownTable, python: String
    ) {
        self.fileName = fileName
        self.title = title
        self.svg = svg
        self.mermaid = mermaid
        self.table = table
        self.python = python
    }
}
