import Foundation
import Testing

/// `columns:` end to end through `awareness validate`: an export with French headers read as it is, and a mapped
/// name the export lacks refusing the file at its header line.
@Suite("Column names, end to end")
struct ColumnMappingCommandTests {
    static let calendar = """
        timezone: Europe/Paris
        language: fr
        campaigns: []
        feeds:
          helpline_calls:
            date_format: DD/MM/YYYY
            columns: { date: "Date", helpline: "Ligne d'écoute", calls: "Appels reçus" }

        """

    static let frenchCalls = """
        Date;Ligne d'écoute;Appels reçus;Commentaire
        04/05/2020;119;812;
        05/05/2020;119;790;férié
        06/05/2020;119;-3;

        """

    @Test func validateReadsFrenchHeadersThroughTheMapping() throws {
        let folder = try DateFormatCommandTests.folder("fr", calls: Self.frenchCalls, calendar: Self.calendar)
        let result = try folder.validate("fr")
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                Data quality of fr (time zone Europe/Paris)

                impressions: no folder (no data)

                clicks: no folder (no data)

                hashtag_videos: no folder (no data)

                helpline_calls: 1 file, 3 rows read, 2 accepted, 1 rejected, 2020-05-04 to 2020-05-05
                  helpline_calls/calls.csv: 3 read, 2 accepted, 1 rejected, 2020-05-04 to 2020-05-05, daily, delimiter ";", dates DD/MM/YYYY
                    unknown columns (ignored): commentaire
                    error: fr/helpline_calls/calls.csv:4:3: calls: "-3" is negative; counts are non-negative whole numbers

                Total: 3 rows read, 2 accepted, 1 rejected (33.33%; threshold 1.00%).
                Verdict: not usable: 33.33% of rows rejected, over the 1.00% threshold.

                """)
    }

    @Test func validateRefusesAFileWithoutAMappedNameAtItsHeaderLine() throws {
        let calls = Self.frenchCalls.replacingOccurrences(of: "Appels reçus", with: "Appels recus")
        let folder = try DateFormatCommandTests.folder("fr", calls: calls, calendar: Self.calendar)
        let result = try folder.validate("fr")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                """
                  helpline_calls/calls.csv: refused (0 read, 0 accepted, 0 rejected)
                    error: fr/helpline_calls/calls.csv:1: missing column 'Appels reçus', which campaigns.yaml names for calls (feeds: helpline_calls: columns:) (header has: date, ligne d'écoute, appels recus, commentaire)

                """))
    }

    @Test func validateRefusesAColumnThatTheFeedDoesNotHave() throws {
        let folder = try DateFormatCommandTests.folder(
            "fr", calls: Self.frenchCalls,
            calendar: Self.calendar.replacingOccurrences(of: "calls: \"Appels", with: "appels: \"Appels"))
        let result = try folder.validate("fr")
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: fr/campaigns.yaml:7:58: feeds.helpline_calls.columns.appels: \"appels\" is not a column of "
                    + "helpline_calls (date, helpline, calls, answered)"))
    }
}
