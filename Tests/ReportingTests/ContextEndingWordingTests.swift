import Analytics
import Ingest
import Reporting
import Testing

@Suite("Wording of a context event's end")
struct ContextEndingWordingTests {
    static let lockdown: [ContextEvent] =
        DayRange(
            start: CivilDate(year: 2020, month: 3, day: 17) ?? CivilDate(daysSinceEpoch: 0),
            end: CivilDate(year: 2020, month: 5, day: 10) ?? CivilDate(daysSinceEpoch: 0)
        ).map { [ContextEvent(id: "lockdown-1", name: "Premier confinement", window: $0)] } ?? []
    static let english = ReportWording(language: .en, context: lockdown)
    static let french = ReportWording(language: .fr, context: lockdown)

    @Test(arguments: [
        (
            EstimateNote.contextEnding(
                event: "lockdown-1", endedDaysBefore: 1, declaredReturn: ContextReturn(days: 14)),
            "counts may still be returning to their usual level after 'Premier confinement' (it ended the day before "
                + "the window); the estimate rests on the return the event declares (over 14 days, linear)",
            "les comptages peuvent encore être en train de revenir à leur niveau habituel après «\u{00A0}Premier "
                + "confinement\u{00A0}» (terminé la veille de la fenêtre)\u{202F}; l'estimation repose sur le retour "
                + "que l'événement déclare (sur 14 jours, linéaire)"
        ),
        (
            EstimateNote.contextEnding(
                event: "lockdown-1", endedDaysBefore: 20,
                declaredReturn: ContextReturn(days: 21, shape: .exponential)),
            "counts may still be returning to their usual level after 'Premier confinement' (it ended 20 days before "
                + "the window); the estimate rests on the return the event declares (over 21 days, exponential)",
            "les comptages peuvent encore être en train de revenir à leur niveau habituel après «\u{00A0}Premier "
                + "confinement\u{00A0}» (terminé 20 jours avant la fenêtre)\u{202F}; l'estimation repose sur le retour "
                + "que l'événement déclare (sur 21 jours, exponentiel)"
        ),
        (
            EstimateNote.contextEnding(event: "lockdown-1", endedDaysBefore: -6, declaredReturn: nil),
            "counts may still be returning to their usual level after 'Premier confinement' (it ended inside the "
                + "window); the estimate assumes its effect stopped on its last day (no ends_over declared)",
            "les comptages peuvent encore être en train de revenir à leur niveau habituel après «\u{00A0}Premier "
                + "confinement\u{00A0}» (terminé pendant la fenêtre)\u{202F}; l'estimation suppose que son effet a "
                + "cessé à son dernier jour (aucun ends_over déclaré)"
        ),
    ])
    func saysTheEstimateRestsOnHowTheEventEndsInBothLanguages(note: EstimateNote, english: String, french: String) {
        #expect(note.text(Self.english) == english)
        #expect(note.text(Self.french) == french)
    }

    @Test func namesAnEventTheWordingDoesNotKnowByItsId() {
        let note = EstimateNote.contextEnding(event: "news", endedDaysBefore: 3, declaredReturn: nil)
        #expect(note.text(ReportWording(language: .en)).contains("after 'news' (it ended 3 days before the window)"))
    }
}
