import Foundation
import Ingest
import Nightly
import Reporting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Run outputs")
struct RunOutputsTests {
    static let hostileName = "Spring | <script>alert(1)</script> =HYPERLINK(\"x\")"
    static let hostileHashtag = "#Spring*_|tag"

    func hostileOutputs() throws -> RunOutputs {
        let reject = RejectedRow(
            file: "helpline_calls/x.csv", line: 3, column: 2, value: "=HYPERLINK(\"x\")",
            reason: .notACount(column: "calls", value: "=HYPERLINK(\"x\")", problem: .decimals),
            record: "=HYPERLINK(\"x\"),119")
        return try RunFixture.run(
            language: .en, name: Self.hostileName, hashtag: Self.hostileHashtag, rejects: [reject]
        ).outputs()
    }

    /// The number of `|` not escaped by a backslash.
    func cellBoundaries(_ line: String) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|", backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    /// Every table block of `markdown` (outside code fences), as lines.
    func tables(_ markdown: String) -> [[String]] {
        var tables: [[String]] = []
        var current: [String] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence && line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    @Test func listsTheFilesOfDesignSection5InOrder() throws {
        let outputs = try RunFixture.run(language: .en).outputs()
        #expect(
            outputs.reports.map(\.path) == [
                "summary.md", "campaigns/spring.md", "charts/spring-calls-119.svg",
                "charts/spring-calls-119-cumulative.svg", "charts/spring-videos-springtag.svg",
                "charts/spring-videos-springtag-cumulative.svg",
                "charts/spring-spring-weekly.svg", "charts/spring-spring-ctr.svg", "report.html", "daily.csv",
                "weekly.csv",
                "uplift.csv", "uplift.json", "rejects.csv", "revisions.csv", "run-manifest.json",
            ])
        #expect(outputs.notebooks.map(\.path) == ["README.md", "spring.ipynb"])
        #expect(outputs.unestimatedCampaigns.isEmpty)
    }

    @Test func givesTheSameBytesForTheSameInputs() throws {
        #expect(try RunFixture.run(language: .fr).outputs() == RunFixture.run(language: .fr).outputs())
    }

    @Test func keepsTablesIntactAndNoRawHTMLInMarkdown() throws {
        let outputs = try hostileOutputs()
        let markdown = outputs.reports.filter { $0.path.hasSuffix(".md") }
        #expect(markdown.count == 2)
        for file in markdown {
            #expect(!file.contents.contains("<script"), "\(file.path)")
            #expect(file.contents.contains("Spring \\| &lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(\"x\")"))
            for table in tables(file.contents) {
                let widths = Set(table.map(cellBoundaries))
                #expect(widths.count == 1, "\(file.path): a table row has a different number of cells: \(table)")
            }
        }
        let report = try #require(outputs.reports.first { $0.path == "campaigns/spring.md" }).contents
        #expect(report.contains("\\#Spring\\*\\_\\|tag"))
        // Named as campaigns.yaml writes it, escaped.
        #expect(report.contains("### Videos under #Spring\\*\\_\\|tag"))
    }

    @Test func writesChartsThatParseAsXMLWithoutScript() throws {
        for file in try hostileOutputs().reports where file.path.hasSuffix(".svg") {
            #expect(!file.contents.contains("<script"), "\(file.path)")
            let parser = XMLParser(data: Data(file.contents.utf8))
            #expect(parser.parse(), "\(file.path) is not well-formed XML")
        }
    }

    @Test func writesNotebooksWithoutRawScript() throws {
        for file in try hostileOutputs().notebooks where file.path.hasSuffix(".ipynb") {
            #expect(!file.contents.contains("<script"))
            #expect(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) is [String: Any])
            #expect(file.contents.contains("Spring \\\\| &lt;script&gt;"))
        }
    }

    @Test func neutralisesSpreadsheetFormulasInCSV() throws {
        let rejects = try #require(try hostileOutputs().reports.first { $0.path == "rejects.csv" }).contents
        #expect(rejects.contains(",\"'=HYPERLINK(\"\"x\"\")\","))
        #expect(!rejects.contains(",=HYPERLINK"))
        #expect(!rejects.contains(",\"=HYPERLINK"))
    }

    // MARK: - Writing

    func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aWriteThatFailsMidwayLeavesBothPreviousFoldersIntact() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let previous = RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: "last night\n")],
            notebooks: [OutputFile(path: "spring.ipynb", contents: "{}\n")])
        try previous.write(reportsPath: parent + "/reports", notebooksPath: parent + "/nested/Notebooks-export")
        let failing = RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: "tonight\n")],
            notebooks: [
                OutputFile(path: "spring.ipynb", contents: "{\"new\": 1}\n"),
                OutputFile(path: "../escape.ipynb", contents: "{}\n"),
            ])
        #expect(throws: OutputFolderError.self) {
            try failing.write(reportsPath: parent + "/reports", notebooksPath: parent + "/nested/Notebooks-export")
        }
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(read(parent + "/nested/Notebooks-export/spring.ipynb") == "{}\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [
                ".reports.nights", "nested", "reports", "reports.lock",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/.reports.nights").count == 2)
    }
}
