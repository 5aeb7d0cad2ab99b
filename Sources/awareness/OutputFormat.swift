import ArgumentParser
import Ingest
import Reporting

/// How the query commands print their table.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A markdown table with numbers rounded for people.
    case markdown
    /// The tidy columns of DESIGN §5, as CSV.
    case csv
    /// The tidy columns of DESIGN §5, as a JSON array of objects.
    case json

    /// Prints `table` as CSV or JSON, or `markdown` for the markdown format.
    func print(_ table: TidyTable, markdown: () -> String) {
        switch self {
        case .markdown: Swift.print(markdown(), terminator: "")
        case .csv: Swift.print(TidyCSV.render(table), terminator: "")
        case .json: Swift.print(TidyJSON.render(table), terminator: "")
        }
    }
}

/// The options of the commands that print a table.
struct TableOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(help: "The output format: markdown, csv or json (the tidy columns).")
    var format: OutputFormat = .markdown

    @Option(help: "The language of markdown tables: en or fr (default: the one in campaigns.yaml).")
    var language: LanguageOption?

    /// The language asked for with `--language`, or else `configured` (the one in `campaigns.yaml`).
    func reportLanguage(or configured: ReportLanguage) -> ReportLanguage {
        language.flatMap { ReportLanguage(rawValue: $0.rawValue) } ?? configured
    }
}

/// `--language en|fr`.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en, fr
}
