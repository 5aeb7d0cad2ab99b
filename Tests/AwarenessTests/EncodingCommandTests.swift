import Foundation
import Testing

/// `encoding:` end to end through `awareness validate`, on the corpus case `windows1252-declared`: a real
/// Windows-1252 export (`é` as 0xE9, `€` as 0x80, CRLF line ends) with French headers and day-first dates.
@Suite("Encodings, end to end")
struct EncodingCommandTests {
    @Test func validateReadsTheWindows1252ExportWithItsLines() throws {
        let folder = try BadInputFolder()
        try folder.copyCase("windows1252-declared")
        let file = folder.root.appendingPathComponent("windows1252-declared/helpline_calls/appels.csv")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.contains(0xE9) && bytes.contains(0x80) && !bytes.contains(0xC3))
        let result = try folder.validate("windows1252-declared")
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                Data quality of windows1252-declared (time zone Europe/Paris)

                impressions: no folder (no data)

                clicks: no folder (no data)

                hashtag_videos: no folder (no data)

                helpline_calls: 1 file, 3 rows read, 2 accepted, 1 rejected, 2020-05-04 to 2020-05-05
                  helpline_calls/appels.csv: 3 read, 2 accepted, 1 rejected, 2020-05-04 to 2020-05-05, daily, delimiter ";", dates DD/MM/YYYY
                    unknown columns (ignored): coût (€)
                    error: windows1252-declared/helpline_calls/appels.csv:4:3: calls: "-3" is negative; counts are non-negative whole numbers

                Total: 3 rows read, 2 accepted, 1 rejected (33.33%; threshold 1.00%).
                Verdict: not usable: 33.33% of rows rejected, over the 1.00% threshold.

                """)
    }

    @Test func withoutTheEncodingTheExportIsRefusedAtItsFirstAccent() throws {
        let folder = try BadInputFolder()
        try folder.copyCase("windows1252-declared")
        let calendar = folder.root.appendingPathComponent("windows1252-declared/campaigns.yaml")
        let yaml = try String(contentsOf: calendar, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "    encoding: windows-1252\n", with: "").utf8).write(to: calendar)
        let result = try folder.validate("windows1252-declared")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "error: windows1252-declared/helpline_calls/appels.csv:1:14: invalid UTF-8 (0xE9 0x63 0x6F); the file is "
                    + "not UTF-8 text (Latin-1 or Windows-1252?), export it as UTF-8 or set encoding: for its feed in "
                    + "campaigns.yaml"))
    }
}
