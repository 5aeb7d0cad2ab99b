import Foundation
import Testing

/// With `--language fr` every word people read is French: the reports, the notebooks' markdown and outputs, and
/// the query commands' terminal tables, on the sample data and on a fixture folder. The scan looks for English
/// words the English rendering uses (whole words, case-sensitive), outside what is not prose: code spans and
/// blocks, links' targets, series ids such as `calls:119`, file names and notebook code cells.
@Suite("French outputs are French")
struct FrenchOutputTests {
    /// English words of the English rendering that no French sentence of these outputs needs.
    static let englishWords = [
        "the", "and", "with", "without", "only", "days", "day", "fitted", "model", "seasonality", "expected",
        "observed", "week", "weeks", "before", "after", "from", "calls", "interval", "uplift", "rise", "fall",
        "campaign", "placebo check", "noise", "not", "were", "was", "this", "that", "which", "than", "extra",
        "Answered", "Banner", "Videos", "Views", "Method", "Series", "Change", "Total", "data", "missing",
    ]

    /// The English words found in `text`, each with a little context.
    static func englishIn(_ text: String, source: String) -> [String] {
        var prose = text
        // Not prose: fenced code, code spans, link targets, ids like calls:119 or banner-119, file names.
        let patterns = [
            "```[\\s\\S]*?```", "`[^`\\n]*`", "\\]\\([^)]*\\)", "\\b[a-z]+:[^\\s|,;)]+",
            "\\b[\\w.-]+\\.(svg|csv|json|md|ipynb)\\b",
            "<[^>]+>",
        ]
        for pattern in patterns {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var found: [String] = []
        for word in englishWords {
            let pattern = "(?<![\\p{L}\\-_#])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\-_])"
            guard let range = prose.range(of: pattern, options: .regularExpression) else { continue }
            let start = prose.index(range.lowerBound, offsetBy: -40, limitedBy: prose.startIndex) ?? prose.startIndex
            let end = prose.index(range.upperBound, offsetBy: 40, limitedBy: prose.endIndex) ?? prose.endIndex
            found.append("\(source): \"\(word)\" in …\(prose[start..<end].replacingOccurrences(of: "\n", with: " "))…")
        }
        return found
    }

    /// The text people read in a notebook: markdown cells and the text outputs of code cells.
    static func notebookProse(_ url: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        guard let notebook = object as? [String: Any], let cells = notebook["cells"] as? [[String: Any]] else {
            return ""
        }
        func text(_ value: Any?) -> String {
            (value as? [String])?.joined() ?? (value as? String) ?? ""
        }
        var prose: [String] = []
        for cell in cells {
            if cell["cell_type"] as? String == "markdown" { prose.append(text(cell["source"])) }
            for output in cell["outputs"] as? [[String: Any]] ?? [] {
                prose.append(text(output["text"]))
                for (kind, value) in output["data"] as? [String: Any] ?? [:] where kind.hasPrefix("text/") {
                    prose.append(text(value))
                }
            }
        }
        return prose.joined(separator: "\n")
    }

    @Test func theSampleRunInFrenchHasNoEnglishWord() throws {
        let data = CommandRunner.fixtures.appendingPathComponent("../../../Data").standardizedFileURL.path
        try Self.expectFrenchRun(data: data, status: 0, atLeast: 9)
    }

    /// Fixture folders reach what the sample does not: a model that cannot be fitted (too little history), series
    /// without data, rejected rows and refused files (the bad night written with --force).
    @Test(arguments: [("good", 0, [String]()), ("queries", 0, []), ("bad", 1, ["--force"])])
    func aFixtureRunInFrenchHasNoEnglishWord(folder: String, status: Int32, options: [String]) throws {
        try Self.expectFrenchRun(
            data: CommandRunner.fixtures.appendingPathComponent(folder).path, status: status, atLeast: 3,
            options: options)
    }

    /// Runs `awareness run --language fr` on `data` and scans every report and notebook it writes.
    static func expectFrenchRun(
        data: String, status: Int32, atLeast minimum: Int, options: [String] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("french-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("reports")
        let notebooks = root.appendingPathComponent("notebooks")
        let result = try CommandRunner.run(
            ["run", "--data", data, "--out", reports.path, "--notebooks", notebooks.path, "--language", "fr"]
                + options)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        var found: [String] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var scanned = 0
        while let url = files?.nextObject() as? URL {
            switch url.pathExtension {
            case "md":
                found += Self.englishIn(try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
            case "ipynb":
                found += Self.englishIn(try Self.notebookProse(url), source: url.lastPathComponent)
            default: continue
            }
            scanned += 1
        }
        #expect(scanned >= minimum, "scanned \(scanned) files", sourceLocation: sourceLocation)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// In the text format (the default) and in markdown.
    @Test(
        arguments: [
            ["uplift", "banner-119", "--data", "../../../Data", "--language", "fr"],
            ["uplift", "lockdown-1", "--series", "calls:119", "--data", "../../../Data", "--language", "fr"],
            ["weekly", "--from", "2020-W18", "--to", "2020-W21", "--data", "../../../Data", "--language", "fr"],
            ["compare", "2020-W20", "--against", "last-year", "--data", "../../../Data", "--language", "fr"],
            ["funnel", "banner-119", "--data", "../../../Data", "--language", "fr"],
            ["plan", "--series", "calls:119", "--days", "14", "--data", "queries", "--language", "fr"],
            ["weekly", "--from", "2020-W19", "--to", "2020-W20", "--data", "queries", "--language", "fr"],
            ["compare", "2020-W19", "--data", "queries", "--language", "fr"],
            ["uplift", "spring-119", "--data", "queries", "--language", "fr"],
        ], ["text", "markdown"])
    func aQueryInFrenchHasNoEnglishWord(arguments: [String], format: String) throws {
        let result = try CommandRunner.run(arguments + ["--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        let found = Self.englishIn(result.stdout, source: arguments.prefix(2).joined(separator: " ") + " " + format)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The scan itself finds English: the English rendering of the same run is full of these words.
    @Test func theScanFindsTheEnglishOfTheEnglishRendering() throws {
        for format in ["text", "markdown"] {
            let result = try CommandRunner.run([
                "uplift", "banner-119", "--data", "../../../Data", "--language", "en", "--format", format,
            ])
            #expect(Self.englishIn(result.stdout, source: "uplift").count >= 10)
        }
    }
}
