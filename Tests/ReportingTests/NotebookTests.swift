import Foundation
import Reporting
import Testing

@Suite("Notebook")
struct NotebookTests {
    func sample() -> Notebook {
        let line = ChartSamples.lineChart(.en)
        let bars = ChartSamples.barChart(.en)
        let table = MarkdownTable(
            headers: ["Campaign", "Uplift"], alignments: [.left, .right],
            rows: [[Markdown.escape(ChartSamples.hostileCampaign), HumanFormat(language: .en).change(0.2)]])
        return Notebook(cells: [
            .markdown("# " + Markdown.escape(ChartSamples.hostileCampaign) + "\n\nCalls rose by +20%.\n"),
            .code(
                "import pandas as pd\ndaily = pd.read_csv(\"daily.csv\", parse_dates=[\"date\"])",
                outputs: [NotebookOutput(plainText: "Campaign | Uplift", markdown: table.markdown)]),
            .code(
                "daily.pivot(index=\"date\", columns=\"series\", values=\"value\").plot()",
                outputs: [NotebookOutput(plainText: "<line chart>", svg: line.svg())]),
            .code("# weekly bars", outputs: [NotebookOutput(plainText: "<bars>", svg: bars.svg())]),
            .markdown("Same text twice."),
            .markdown("Same text twice."),
        ])
    }

    @Test func writesNbformat45WithKernelMetadata() throws {
        let notebook = sample()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(notebook.json.utf8)) as? [String: Any])
        #expect(object["nbformat"] as? Int == 4)
        #expect(object["nbformat_minor"] as? Int == 5)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect((metadata["kernelspec"] as? [String: Any])?["name"] as? String == "python3")
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.count == 6)
        #expect(cells[1]["execution_count"] is NSNull)
        let output = try #require((cells[2]["outputs"] as? [[String: Any]])?.first)
        #expect(output["output_type"] as? String == "display_data")
        let data = try #require(output["data"] as? [String: Any])
        #expect(data.keys.sorted() == ["image/svg+xml", "text/plain"])
        try ChartSamples.export(notebook.json, as: "sample.ipynb")
    }

    @Test func derivesUniqueStableCellIdsFromContent() throws {
        let ids = sample().cellIDs
        #expect(ids == sample().cellIDs)
        #expect(Set(ids).count == ids.count)
        let pattern = try Regex("^[a-zA-Z0-9-_]{1,64}$")
        #expect(ids.allSatisfy { $0.wholeMatch(of: pattern) != nil })
        let edited = Notebook(cells: [.markdown("Other")] + sample().cells.dropFirst())
        #expect(edited.cellIDs.dropFirst() == ids.dropFirst())
        #expect(edited.cellIDs.first != ids.first)
    }

    @Test func serialisesLikeJupyterWithOneSpaceIndentAndLineLists() {
        let json = Notebook(cells: [.markdown("a\nb")]).json
        #expect(json.hasPrefix("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n"))
        #expect(json.contains("   \"source\": [\n    \"a\\n\",\n    \"b\"\n   ]"))
        #expect(json.hasSuffix("}\n"))
    }
}
