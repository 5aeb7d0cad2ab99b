import ArgumentParser
import Ingest
import Reporting

/// How the query commands print their answer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Plain text for a person at a terminal: numbers rounded, no markdown escape, lines of at most
    /// ``OutputFormat/textWidth`` columns. The default whether or not the output is a terminal, so that a pipe
    /// into `less` or a file reads the same.
    case text
    /// A markdown table with numbers rounded for people, to paste into a report.
    case markdown
    /// The tidy columns of DESIGN §5, as CSV.
    case csv
    /// The tidy columns of DESIGN §5, as a JSON array of objects, keys in the columns' order.
    case json

    /// The widest line of the text format, in columns.
    static let textWidth = 120

    /// Prints `table` as CSV or JSON, or `document` as plain text or markdown.
    func print(_ table: TidyTable, document: () -> TextDocument) {
        switch self {
        case .text:
            // Plain text goes to a terminal as it is, so the names and ids it quotes have their controls escaped.
            StandardStream.output.write(
                ShownText.escapingControls(document().rendered(.text(width: Self.textWidth)), keepingLineFeeds: true))
        case .markdown: StandardStream.output.write(document().rendered(.markdown))
        case .csv: StandardStream.output.write(TidyCSV.render(table))
        case .json: StandardStream.output.write(TidyJSON.render(table))
        }
    }
}

/// The options of the commands that print a table.
struct TableOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            "The output format: text (plain text within 120 columns, the default, on a terminal or not), markdown "
                + "(to paste into a report), csv or json (the tidy columns, at full precision).",
            valueName: "format"))
    var format: OutputFormat = .text

    @Option(help: "The language of text and markdown output: en or fr (default: the one in campaigns.yaml).")
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
