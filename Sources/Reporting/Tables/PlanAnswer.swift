import Analytics
import Ingest

/// What `awareness plan` prints: a planned campaign's window, its expected total without a campaign, the standard
/// error of its log and the minimum detectable uplift; for a length search, the uplift sought and whether a length
/// up to a year detects it.
public struct PlanAnswer: Hashable, Sendable {
    /// What was asked, and what the search found.
    public enum Outcome: Hashable, Sendable {
        /// The minimum detectable uplift of a campaign of the given length (`--days`).
        case minimumDetectableUplift
        /// The shortest length that detects the uplift sought (`--uplift`).
        case detectedWithin(uplift: Double)
        /// No length up to `CampaignPlan.longestSearchedDays` detects the uplift sought; the projection is the
        /// length with the lowest minimum detectable uplift.
        case notDetectable(uplift: Double)

        /// The uplift sought, for a search.
        public var targetUplift: Double? {
            switch self {
            case .minimumDetectableUplift: nil
            case .detectedWithin(let uplift), .notDetectable(let uplift): uplift
            }
        }
    }

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
        let format = HumanFormat(language: language)
        let french = language == .fr
        let window = projection.window
        let level = format.percent(confidenceLevel)
        let start = format.date(window.start)
        let days = format.integer(window.dayCount)
        let range = format.dateRange(window)
        let text: String
        switch outcome {
        case .notDetectable(let target):
            let longest = format.integer(CampaignPlan.longestSearchedDays)
            text =
                french
                ? "Préparation, \(name)\u{202F}: une hausse de \(format.change(target)) ne peut être détectée avec une "
                    + "puissance de 80\u{202F}% (test bilatéral à \(level)) par une campagne de \(longest) jours au "
                    + "plus commençant le \(start)\u{202F}; la plus petite hausse minimale détectable, "
                    + "\(format.change(projection.minimumDetectableUplift)), est celle de \(days) "
                    + "\(window.dayCount == 1 ? "jour" : "jours") (\(range))."
                : "Planning \(name): an uplift of \(format.change(target)) cannot be detected with 80% power "
                    + "(two-sided \(level)) by a campaign of up to \(longest) days starting \(start); the lowest "
                    + "minimum detectable uplift, \(format.change(projection.minimumDetectableUplift)), is that of "
                    + "\(days) \(window.dayCount == 1 ? "day" : "days") (\(range))."
        case .detectedWithin(let target):
            text =
                french
                ? "Préparation, \(name)\u{202F}: pour détecter une hausse de \(format.change(target)) avec une "
                    + "puissance de 80\u{202F}% (test bilatéral à \(level)), une campagne commençant le \(start) doit "
                    + "durer \(days) \(window.dayCount == 1 ? "jour" : "jours") (\(range))."
                : "Planning \(name): to detect an uplift of \(format.change(target)) with 80% power (two-sided "
                    + "\(level)), a campaign starting \(start) needs \(days) \(window.dayCount == 1 ? "day" : "days") "
                    + "(\(range))."
        case .minimumDetectableUplift:
            text =
                french
                ? "Préparation, \(name)\u{202F}: une campagne de \(days) \(window.dayCount == 1 ? "jour" : "jours") "
                    + "(\(range))."
                : "Planning \(name): a campaign of \(days) \(window.dayCount == 1 ? "day" : "days") (\(range))."
        }
        return text
    }

    /// The table of the projection and the sentence that says what the minimum detectable uplift means.
    private func details(language: ReportLanguage) -> TextDocument {
        let format = HumanFormat(language: language)
        let french = language == .fr
        let level = format.percent(confidenceLevel)
        let headers =
            french
            ? [
                "attendu sans campagne", "erreur type de son log", "jours ajustés",
                "hausse minimale détectable",
            ]
            : [
                "expected without a campaign", "standard error of its log", "fitted days",
                "minimum detectable uplift",
            ]
        let table = TextTable(
            columns: headers.map { TextTable.Column($0, alignment: .right, wraps: true) },
            rows: [
                TextTable.Row([
                    format.count(projection.expected), format.decimal(projection.standardError, fractionDigits: 4),
                    format.integer(projection.fittedDays), format.change(projection.minimumDetectableUplift),
                ])
            ])
        /// The sentence with `formula`: written with no-break spaces in plain text, so that no line breaks it.
        func meaning(_ spaced: (String) -> String) -> String {
            french
                ? "La hausse minimale détectable est la plus petite hausse que le test du modèle (bilatéral à \(level)) "
                    + "trouve 8 fois sur 10\u{202F}: \(spaced("exp((t + z₀,₈₀)·se) − 1")), le modèle étant ajusté sur "
                    + "les jours précédant la campagne et projeté sur elle."
                : "The minimum detectable uplift is the smallest rise the model's test (two-sided \(level)) finds 8 "
                    + "times in 10: \(spaced("exp((t + z₀.₈₀)·se) − 1")), the model fitted on the days before the "
                    + "campaign and projected onto it."
        }
        let unbroken = { (formula: String) in String(formula.map { $0 == " " ? "\u{00A0}" : $0 }) }
        return TextDocument([
            .blank, .table(table), .blank, .paragraph(text: meaning(unbroken), markdown: meaning { $0 }),
        ])
    }
}
