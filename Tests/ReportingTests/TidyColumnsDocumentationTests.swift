import Analytics
import Foundation
import Reporting
import Testing

/// The table of tidy columns in docs/outputs.md is the contract scripts are written against: each table's columns there are
/// those the CSV header and the JSON keys follow, in the same order.
@Suite("Tidy columns as documented")
struct TidyColumnsDocumentationTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/outputs.md")

    /// The columns docs/outputs.md gives each table: the first code span of its row in the table under
    /// `## Tidy columns`.
    static func documentedColumns() throws -> [String: [String]] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let after = try #require(text.components(separatedBy: "\n## Tidy columns\n").dropFirst().first)
        let section = after.components(separatedBy: "\n## ").first ?? after
        var tables: [String: [String]] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 2, let open = cells[2].firstIndex(of: "`") else { continue }
            let rest = cells[2][cells[2].index(after: open)...]
            guard let close = rest.firstIndex(of: "`") else { continue }
            tables[cells[1]] = rest[..<close].split(separator: ",").map(String.init)
        }
        return tables
    }

    static let tables: [(name: String, columns: [String])] = [
        ("daily", TidyTables.dailyColumns), ("weekly", WeeklySummaryRow.columns), ("uplift", UpliftRow.columns),
        ("compare", TidyTables.comparisonColumns), ("funnel", TidyTables.funnelColumns),
        ("plan", PlanAnswer.columns), ("rejects", TidyTables.rejectColumns),
        ("revisions", TidyTables.revisionColumns),
    ]

    @Test(arguments: tables.map(\.name))
    func theReadmeListsEachTablesColumnsInTheirOrder(table: String) throws {
        let documented = try Self.documentedColumns()
        let columns = try #require(Self.tables.first { $0.name == table }?.columns)
        #expect(documented[table] == columns)
    }

    @Test func theReadmeDocumentsEveryTidyTable() throws {
        #expect(Set(try Self.documentedColumns().keys) == Set(Self.tables.map(\.name)))
    }
}
