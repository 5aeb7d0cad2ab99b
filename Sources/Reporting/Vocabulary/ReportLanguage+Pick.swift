import Ingest

extension ReportLanguage {
    /// `english` or `french`, whichever this language is: the one place a wording chooses between the two, so
    /// that no sentence is assembled from a language test of its own.
    public func pick(_ english: String, _ french: String) -> String {
        switch self {
        case .en: english
        case .fr: french
        }
    }
}
