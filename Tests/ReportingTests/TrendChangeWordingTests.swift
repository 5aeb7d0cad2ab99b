import Analytics
import Ingest
import Reporting
import Testing

@Suite("Wording of a change the model found")
struct TrendChangeWordingTests {
    static let day = CivilDate(year: 2020, month: 3, day: 2) ?? CivilDate(daysSinceEpoch: 0)

    @Test(arguments: [
        (
            TrendChange.Kind.level, "the model found a change of level on 2020-03-02",
            "le modèle a trouvé un changement de niveau le 2 mars 2020"
        ),
        (
            TrendChange.Kind.slope, "the model found a change of trend on 2020-03-02",
            "le modèle a trouvé un changement de tendance le 2 mars 2020"
        ),
    ])
    func saysWhatChangedAndWhenInBothLanguages(kind: TrendChange.Kind, english: String, french: String) {
        let note = EstimateNote.trendChanged(TrendChange(kind: kind, day: Self.day))
        #expect(note.text(ReportWording(language: .en)) == english)
        #expect(note.text(ReportWording(language: .fr)) == french)
    }
}
