import Analytics
import Foundation
import Ingest
import Reporting
import Testing

/// The warnings about campaigns.yaml, in English (what `validate` and `run` print) and in French with French
/// typography.
@Suite("Wording of calendar warnings")
struct CalendarWarningTextTests {
    static let start = CivilDate(year: 2021, month: 3, day: 1) ?? CivilDate(daysSinceEpoch: 0)
    static let lastDay = CivilDate(year: 2021, month: 2, day: 14) ?? CivilDate(daysSinceEpoch: 0)

    /// A warning with its English and French sentences.
    struct Worded: Sendable, CustomTestStringConvertible {
        let warning: CalendarWarning
        let english: String
        let french: String
        var testDescription: String { english }
    }

    static let warnings: [Worded] = [
        .init(
            warning: .seriesNotInData(campaign: "banner-119", line: 4, series: "calls:119"),
            english: "campaign 'banner-119' names calls:119, which no feed has: its section will be empty",
            french:
                "la campagne «\u{00A0}banner-119\u{00A0}» nomme calls:119, qu'aucun flux ne contient\u{00A0}: sa "
                + "section sera vide"),
        .init(
            warning: .probableTypo(series: "calls:Allô 119", near: "calls:119"),
            english: "the data has calls:Allô 119, which no campaign names, next to calls:119: a probable typo",
            french:
                "les données contiennent calls:Allô 119, qu'aucune campagne ne nomme, à côté de calls:119\u{00A0}: "
                + "faute de frappe\u{202F}?"),
        .init(
            warning: .campaignAfterData(campaign: "spring", line: 9, start: start, lastDay: lastDay),
            english: "campaign 'spring' starts on 2021-03-01, after the last day of data (2021-02-14)",
            french:
                "la campagne «\u{00A0}spring\u{00A0}» commence le 2021-03-01, après le dernier jour de données "
                + "(2021-02-14)"),
    ]

    /// The ordinary spaces French typography does not allow: before `:`, `;`, `?`, `!` and `»`, and after `«`.
    static func ordinarySpaces(_ text: String) -> [String] {
        let marks = [" :", " ;", " ?", " !", " »", "« "]
        return marks.filter { text.contains($0) }
    }

    @Test(arguments: warnings)
    func aWarningReadsInEnglishAsTheCommandsPrintIt(_ worded: Worded) {
        #expect(worded.warning.text(in: .en) == worded.english)
    }

    @Test(arguments: warnings)
    func aWarningReadsInFrenchWithNoBreakSpacesInsideGuillemetsAndBeforePunctuation(_ worded: Worded) {
        let french = worded.warning.text(in: .fr)
        #expect(french == worded.french)
        #expect(Self.ordinarySpaces(french).isEmpty, "\(french): \(Self.ordinarySpaces(french))")
    }

    @Test func theTableHasEveryKindOfWarning() {
        let kinds = Set(
            Self.warnings.map { worded -> String in
                switch worded.warning {
                case .seriesNotInData: "seriesNotInData"
                case .probableTypo: "probableTypo"
                case .campaignAfterData: "campaignAfterData"
                }
            })
        #expect(kinds.count == 3)
    }
}
