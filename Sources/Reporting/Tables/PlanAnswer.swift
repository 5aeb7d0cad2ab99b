import Analytics
import Ingest

/// What `awareness plan` prints: a planned campaign's window, its expected total without a campaign, the standard
/// error of its log and the minimum detectable uplift; for a length search, the uplift sought and whether a length
/// up to a year detects it.
public struct PlanAnswer: Hashable, Sendable {
    /// What was asked, and what the search found (``PlanOutcome``, decided in Analytics).
    public typealias Outcome = PlanOutcome

    /// The series planned for.
    public let series: SeriesName
    /// The projection of the planned window (for a search, the shortest that detects the uplift, or else the length
    /// with the lowest minimum detectable uplift).
    public let projection: CounterfactualModel.Projection
    /// What was asked and found.
    public let outcome: Outcome
    /// The two-sided confidence level of the test.
    public let confidenceLevel: Double

    /// An answer from its parts.
    public init(
        series: SeriesName, projection: CounterfactualModel.Projection, outcome: Outcome, confidenceLevel: Double
    ) {
        self.series = series
        self.projection = projection
        self.outcome = outcome
        self.confidenceLevel = confidenceLevel
    }

    /// The columns of the tidy table.
    public static let columns = [
        "series", "start", "end", "days", "expected", "standard_error", "minimum_detectable_uplift", "fitted_days",
        "target_uplift", "detectable",
    ]

    /// The tidy table: one row.
    public var tidy: TidyTable {
        let window = projection.window
        return TidyTable(
            checkedColumns: Self.columns,
            rows: [
                [
                    .text(series.description), .text(window.start.description), .text(window.end.description),
                    .integer(window.dayCount), .number(projection.expected), .number(projection.standardError),
                    .number(projection.minimumDetectableUplift), .integer(projection.fittedDays),
                    .number(outcome.targetUplift), detectableCell.map(TidyCell.boolean) ?? .empty,
                ]
            ])
    }

    /// The `detectable` cell: `true` or `false` for a search, nil (empty) otherwise.
    private var detectableCell: Bool? {
        switch outcome {
        case .minimumDetectableUplift: nil
        case .detectedWithin: true
        case .notDetectable: false
        }
    }

    /// The answer for people in `language`, as markdown.
    public func markdown(language: ReportLanguage) -> String {
        document(language: language).rendered(.markdown)
    }

    /// The answer for people in `language`: a sentence, a table, and what the minimum detectable uplift means.
    public func document(language: ReportLanguage) -> TextDocument {
        .init([
            .paragraph(
                text: opening(language: language, name: series.description),
                markdown: opening(language: language, name: Markdown.escape(series.description)))
        ]) + details(language: language)
    }

    /// The sentence that opens the answer, naming the series `name` (escaped or not).
    private func opening(language: ReportLanguage, name: String) -> String {
        ReportWording(language: language).planOpening(
            name, outcome: outcome, window: projection.window, confidenceLevel: confidenceLevel,
            minimumDetectableUplift: projection.minimumDetectableUplift)
    }

    /// The table of the projection and the sentence that says what the minimum detectable uplift means, its formula
    /// written with no-break spaces in plain text so that no line breaks it.
    private func details(language: ReportLanguage) -> TextDocument {
        let wording = ReportWording(language: language)
        let format = wording.format
        let table = TextTable(
            columns: wording.planTableHeaders.map { TextTable.Column($0, alignment: .right, wraps: true) },
            rows: [
                TextTable.Row([
                    format.count(projection.expected), format.decimal(projection.standardError, fractionDigits: 4),
                    format.integer(projection.fittedDays), format.change(projection.minimumDetectableUplift),
                ])
            ])
        return TextDocument([
            .blank, .table(table), .blank,
            .paragraph(
                text: wording.minimumDetectableUpliftMeaning(confidenceLevel: confidenceLevel, unbroken: true),
                markdown: wording.minimumDetectableUpliftMeaning(confidenceLevel: confidenceLevel, unbroken: false)),
        ])
    }
}
