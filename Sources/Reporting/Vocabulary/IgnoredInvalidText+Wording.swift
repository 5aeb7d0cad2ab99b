import Ingest

extension IgnoredInvalidText {
    /// The count for people, in `language`: how many rows were kept, from which line, and which ignored columns held
    /// the bytes that are not text.
    public func text(in language: ReportLanguage) -> String {
        let names = columns.joined(separator: ", ")
        switch language {
        case .en:
            let noun = rows == 1 ? "row" : "rows"
            return "kept \(rows) \(noun) whose ignored columns hold bytes that are not text (first on line "
                + "\(firstLine); column\(columns.count == 1 ? "" : "s"): \(names))"
        case .fr:
            let noun = rows == 1 ? "ligne gardée" : "lignes gardées"
            return "\(rows) \(noun) dont des colonnes ignorées contiennent des octets qui ne sont pas du texte "
                + "(première à la ligne \(firstLine)\u{00A0}; colonne\(columns.count == 1 ? "" : "s")\u{00A0}: \(names))"
        }
    }
}
