import Foundation
import Testing

/// The data-quality summary in French: `awareness validate --language fr` (or a calendar whose `language:` is fr)
/// and the copy of it in `failed-night.md` are French through and through, reasons included.
@Suite("French data-quality summary")
struct FrenchDataQualityTests {
    /// The English words of `text` that are prose: names and values in guillemets are data, as are the paths and
    /// `file:line:column` locations the scan of ``FrenchOutputTests`` leaves out.
    static func englishIn(_ text: String, source: String) -> [String] {
        let unquoted = text.replacingOccurrences(of: "«\u{00A0}[^»]*\u{00A0}»", with: " ", options: .regularExpression)
        return FrenchOutputTests.englishIn(unquoted, source: source)
            + FrenchOutputTests.englishIn(
                unquoted.replacingOccurrences(of: "```text", with: "").replacingOccurrences(of: "```", with: ""),
                source: source)
    }

    @Test func validateInFrenchWordsEveryLineAndReasonInFrench() throws {
        let result = try CommandRunner.run(["validate", "--data", "bad", "--language", "fr"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Qualité des données de bad (fuseau horaire Europe/Paris)")
        #expect(lines.contains("clicks\u{00A0}: pas de dossier (aucune donnée)"))
        #expect(
            lines.contains(
                "    erreur\u{00A0}: bad/impressions/events.csv:2:1\u{00A0}: «\u{00A0}timestamp\u{00A0}»\u{00A0}: "
                    + "«\u{00A0}2020-05-04T10:00:00\u{00A0}» n'a pas de fuseau horaire\u{202F}; ajoutez Z ou un "
                    + "décalage comme +01:00"))
        #expect(
            lines.contains(
                "    erreur\u{00A0}: bad/helpline_calls/b-unterminated.csv:3\u{00A0}: le champ entre guillemets "
                    + "ouvert à la ligne 3 n'est jamais fermé"),
            "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("  helpline_calls/d-empty.csv\u{00A0}: refusé (0 ligne lue") })
        #expect(lines.contains { $0.hasPrefix("Verdict\u{00A0}: inutilisable\u{00A0}: ") })
        let english = Self.englishIn(result.stdout, source: "validate")
        #expect(english.isEmpty, "\(english)")
        // The terminal's warnings are the CLI's, in English, and not the summary's.
        #expect(!result.stdout.contains("error:"))
    }

    @Test func validateFollowsTheCalendarsLanguageUnlessAskedOtherwise() throws {
        let folder = try BadInputFolder()
        try folder.copyCase("windows1252-declared")
        let calendar = try CommandRunner.run(["validate", "--data", "windows1252-declared"], in: folder.root)
        #expect(calendar.stdout.hasPrefix("Qualité des données de windows1252-declared"))
        #expect(
            calendar.stdout.contains(
                "erreur\u{00A0}: windows1252-declared/helpline_calls/appels.csv:4:3\u{00A0}: «\u{00A0}calls\u{00A0}»"
                    + "\u{00A0}: «\u{00A0}-3\u{00A0}» est négatif"))
        let english = try folder.validate("windows1252-declared", language: "en")
        #expect(english.stdout.hasPrefix("Data quality of windows1252-declared"))
        #expect(english.status == calendar.status)
    }

    @Test func aFailedNightInFrenchQuotesTheSummaryInFrench() throws {
        let folder = try BadInputFolder()
        try folder.copyCase("windows1252-declared")
        let result = try folder.run("windows1252-declared")
        let out = folder.outputs(of: "windows1252-declared")
        #expect(result.status == 1)
        let night = try String(
            contentsOf: out.appendingPathComponent("reports.failed/failed-night.md"), encoding: .utf8)
        #expect(night.hasPrefix("# La nuit a gardé les rapports de la veille"))
        #expect(night.contains("```text\nQualité des données de windows1252-declared (fuseau horaire Europe/Paris)\n"))
        #expect(night.contains("est négatif\u{202F}; les nombres sont des entiers positifs ou nuls"))
        let english = Self.englishIn(night, source: "failed-night.md")
        #expect(english.isEmpty, "\(english)")
        // rejects.csv is a tidy file: its reasons stay English.
        let rejects = try String(contentsOf: out.appendingPathComponent("reports.failed/rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("calls: \"\"-3\"\" is negative; counts are non-negative whole numbers"))
        // The terminal's located errors stay English.
        #expect(result.stderr.contains(": calls: \"-3\" is negative; counts are non-negative whole numbers"))
    }
}
