import Analytics
import Reporting
import Testing

@Suite("Wording of the outlying days a model left out")
struct OutlierDaysWordingTests {
    @Test(arguments: [
        (
            EstimateNote.outlierDaysLeftOut(days: 7, spikes: 2),
            "7 outlying days left out of the fit and of the noise estimate (more than 4 robust sd from the model, 2 "
                + "news spikes among them); the interval allows for such spikes",
            "7 jours atypiques écartés de l'ajustement et de l'estimation du bruit (à plus de 4 écarts-types robustes "
                + "du modèle, dont 2 pics d'actualité)\u{202F}; l'intervalle tient compte de tels pics"
        ),
        (
            EstimateNote.outlierDaysLeftOut(days: 1, spikes: 1),
            "1 outlying day left out of the fit and of the noise estimate (more than 4 robust sd from the model, 1 "
                + "news spike among them); the interval allows for such spikes",
            "1 jour atypique écarté de l'ajustement et de l'estimation du bruit (à plus de 4 écarts-types robustes "
                + "du modèle, dont 1 pic d'actualité)\u{202F}; l'intervalle tient compte de tels pics"
        ),
    ])
    func saysHowManyDaysAndSpikesWereLeftOutInBothLanguages(note: EstimateNote, english: String, french: String) {
        #expect(note.text(ReportWording(language: .en)) == english)
        #expect(note.text(ReportWording(language: .fr)) == french)
    }
}
