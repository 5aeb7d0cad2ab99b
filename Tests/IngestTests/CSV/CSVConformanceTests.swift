import Foundation
import Ingest
import Testing

/// The public csv-spectrum suite, kept in `Fixtures/csv-spectrum` (its licence beside it):
/// every CSV file there must parse to exactly the records of the JSON file of the same name, so a case
/// added to the folder is tested without a code change.
@Suite("CSV conformance (csv-spectrum)")
struct CSVConformanceTests {
    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv-spectrum")

    static var caseNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: suite.appendingPathComponent("csvs").path))
        return (files ?? []).filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func theSuiteIsPresent() {
        #expect(Self.caseNames.count >= 12, "csv-spectrum not found at \(Self.suite.path)")
    }

    /// Each case as stored. The stored copy of the `_crlf` cases has LF line ends, while their JSON was
    /// written for CRLF bytes; when a file holds no CR, the expected values get LF line ends too.
    /// Cases the strict reader must refuse, with the located error it gives. `location_coordinates.csv` has
    /// a `"` inside an unquoted field, which RFC 4180 §2.5 forbids; its JSON also disagrees with its CSV
    /// (phone number, upstream csv-spectrum issue #20) and is an object rather than an array (issue #22).
    static let refused: [String: String] = [
        "location_coordinates": "2:22: quoteInUnquotedField"
    ]

    @Test(arguments: caseNames.filter { refused[$0] != nil })
    func refusesCasesThatAreNotRFC4180WithTheirLocation(name: String) throws {
        let csv = try Data(contentsOf: Self.suite.appendingPathComponent("csvs/\(name).csv"))
        let error = try #require(throws: CSVFileError.self) { try parse(csv) }
        #expect(error.kind == .syntax)
        #expect("\(error.line ?? 0):\(error.column ?? 0): \(error.problem)" == Self.refused[name])
    }

    @Test(arguments: caseNames.filter { refused[$0] == nil })
    func parsesEachCaseToItsJSON(name: String) throws {
        let csv = try Data(contentsOf: Self.suite.appendingPathComponent("csvs/\(name).csv"))
        var expected = try expectedRecords(name)
        if !csv.contains(0x0D) {
            expected = expected.map { $0.mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
        }
        #expect(try parse(csv) == expected)
    }

    /// Each case with every line end turned into CRLF: quoted line ends are kept as CRLF, record ends vanish.
    @Test(arguments: caseNames.filter { refused[$0] == nil })
    func parsesEachCaseWithCRLFLineEnds(name: String) throws {
        let lf = try Data(contentsOf: Self.suite.appendingPathComponent("csvs/\(name).csv"))
        let text = String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let expected = try expectedRecords(name).map {
            $0.mapValues {
                $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
            }
        }
        #expect(try parse(crlf) == expected)
    }

    private func expectedRecords(_ name: String) throws -> [[String: String]] {
        let json = try Data(contentsOf: Self.suite.appendingPathComponent("json/\(name).json"))
        return try JSONDecoder().decode([[String: String]].self, from: json)
    }

    private func parse(_ data: Data) throws -> [[String: String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spectrum-\(UUID().uuidString).csv")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var header: [String]?
        var records: [[String: String]] = []
        try CSVFileReader().read(path: file.path) { record in
            guard let names = header else {
                header = record.strings
                return
            }
            records.append(Dictionary(uniqueKeysWithValues: zip(names, record.strings)))
        }
        return records
    }
}
