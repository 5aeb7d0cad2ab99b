import Ingest

extension DateFormatHint {
    /// The hint for people, in `language`, naming the setting to write in `campaigns.yaml`.
    public func text(in language: ReportLanguage) -> String {
        let setting = "feeds: { \(feed.rawValue): { date_format: \(format.rawValue) } }"
        switch language {
        case .en:
            let noun = dates == 1 ? "date" : "dates"
            return "hint: every date of this file (\(dates) \(noun)) is not \(configured.rawValue) but "
                + "\(format.rawValue); to read them, add to campaigns.yaml: \(setting)"
        case .fr:
            return "indice\u{00A0}: aucune date de ce fichier (\(dates)) n'est au format \(configured.rawValue), "
                + "toutes sont au format \(format.rawValue)\u{202F}; pour les lire, ajoutez à campaigns.yaml\u{00A0}: "
                + setting
        }
    }
}

extension SkippedFile.Reason {
    /// Why an entry of a feed folder is skipped, in `language`.
    public func text(in language: ReportLanguage) -> String {
        switch (self, language) {
        case (.officeLockFile, .en): "Office lock file"
        case (.officeLockFile, .fr): "fichier de verrou d'Office"
        case (.hidden, .en): "hidden file"
        case (.hidden, .fr): "fichier caché"
        case (.thumbnailCache, .en): "Windows thumbnail cache"
        case (.thumbnailCache, .fr): "cache de vignettes de Windows"
        case (.folderSettings, .en): "Windows folder settings"
        case (.folderSettings, .fr): "réglages de dossier de Windows"
        }
    }
}
