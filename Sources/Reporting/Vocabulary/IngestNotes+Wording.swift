import Ingest

extension ReadAsUTF8 {
    /// The note for people, in `language`: the file was read as UTF-8, not in the encoding its feed is declared in.
    public func text(in language: ReportLanguage) -> String {
        let declared = declared.displayName
        switch language {
        case .en:
            return "read as UTF-8: the file is valid UTF-8 (first character beyond ASCII on line \(firstLine)), not "
                + "\(declared) as campaigns.yaml declares it; read as \(declared), its accented letters would be garbled"
        case .fr:
            return "lu en UTF-8\u{00A0}: le fichier est de l'UTF-8 valide (premier caractère hors ASCII à la ligne "
                + "\(firstLine)), pas du \(declared) comme campaigns.yaml le déclare\u{202F}; lu en \(declared), ses "
                + "lettres accentuées seraient altérées"
        }
    }
}

extension DateFormat {
    /// The format a file's dates were read in, as the file's line of `validate` gives it: `dates DD/MM/YYYY`.
    public func readAs(in language: ReportLanguage) -> String {
        switch language {
        case .en: "dates \(rawValue)"
        case .fr: "dates au format \(rawValue)"
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
        case (.jobMarker, .en): "marker of a finished Spark or Hadoop job"
        case (.jobMarker, .fr): "marque de fin d'un traitement Spark ou Hadoop"
        case (.emptyFolder, .en): "empty folder"
        case (.emptyFolder, .fr): "dossier vide"
        }
    }
}
