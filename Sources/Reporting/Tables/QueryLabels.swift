import Ingest

/// The words of the query commands' tables that are not report labels, in English or French.
struct QueryLabels: Sendable {
    /// The language of the words.
    let language: ReportLanguage

    /// What heads a model row's context events: `adjusted for context events` / `ajusté pour les événements`.
    var adjustedForContextEvents: String {
        switch language {
        case .en: "adjusted for context events"
        case .fr: "ajusté pour les événements"
        }
    }

    /// What heads a row's control series: `controls` / `contrôles`.
    var controls: String {
        switch language {
        case .en: "controls"
        case .fr: "contrôles"
        }
    }

    /// The anomaly cell of a week that has one: `yes` / `oui`.
    var yes: String {
        switch language {
        case .en: "yes"
        case .fr: "oui"
        }
    }

    /// The header of a comparison's period when there is no row to name it: `period` / `période`.
    var period: String {
        switch language {
        case .en: "period"
        case .fr: "période"
        }
    }

    /// The header of the period compared against when there is no row to name it: `against` / `contre`.
    var against: String {
        switch language {
        case .en: "against"
        case .fr: "contre"
        }
    }

    /// The header of the notes column: `note` in both languages.
    var note: String { "note" }
}
