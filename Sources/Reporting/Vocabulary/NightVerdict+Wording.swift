import Ingest

extension NightVerdict.Reason {
    /// What the reason is about, relative to the data folder: the feed folder (`helpline_calls`), the file
    /// (`helpline_calls/2021-01.csv`), or nil for the whole night.
    public var subject: String? {
        switch self {
        case .feedUnreadable(let feed, _), .feedVanished(let feed, _), .feedEmpty(let feed, _),
            .feedHeaderOnly(let feed, _):
            feed.rawValue
        case .fileUnreadable(let file), .fileRefused(let file), .fileWhollyRejected(let file, _),
            .newFileOverThreshold(let file, _, _):
            file
        case .overallOverThreshold:
            nil
        }
    }

    /// The reason for people, in `language`, without its ``subject``: what a diagnostic located at the subject
    /// says.
    public func message(in language: ReportLanguage) -> String {
        let wording = ReportWording(language: language)
        let format = wording.format
        let french = language == .fr
        /// `1 row`, `12 rows` / `1 ligne`, `1 234 lignes`.
        func rows(_ count: Int) -> String {
            french
                ? "\(format.integer(count)) ligne\(count > 1 ? "s" : "")" : "\(count) row\(count == 1 ? "" : "s")"
        }
        switch self {
        case .feedUnreadable(_, let system):
            return french
                ? "le dossier du flux ne peut pas être lu (\(system))\u{00A0}; ses fichiers n'ont pas pu être vus"
                : "the feed folder cannot be read (\(system)); its files could not be seen"
        case .fileUnreadable:
            return french ? "le fichier n'a pas pu être lu" : "the file could not be read"
        case .feedVanished(_, let lastNight):
            return french
                ? "le dossier du flux manque alors qu'il a donné \(rows(lastNight)) la veille (un partage non monté\u{00A0}?)"
                : "the feed folder is missing, and it gave \(rows(lastNight)) last night (an unmounted share?)"
        case .feedEmpty(_, let lastNight):
            return french
                ? "le dossier du flux ne contient aucun fichier alors qu'il a donné \(rows(lastNight)) la veille"
                : "the feed folder holds no file, and it gave \(rows(lastNight)) last night"
        case .feedHeaderOnly(_, let lastNight):
            return french
                ? "les fichiers du flux n'ont aucune ligne de données (en-têtes seuls) alors qu'ils ont donné "
                    + "\(rows(lastNight)) la veille"
                : "the feed's files hold no data row (headers only), and they gave \(rows(lastNight)) last night"
        case .fileRefused:
            return french ? "le fichier a été refusé" : "the file was refused"
        case .fileWhollyRejected(_, let count):
            if count == 1 {
                return french ? "sa seule ligne a été rejetée" : "its only row was rejected"
            }
            return french
                ? "ses \(format.integer(count)) lignes ont toutes été rejetées"
                : "all \(count) of its rows were rejected"
        case .newFileOverThreshold(_, let rate, let threshold):
            return french
                ? "nouveau fichier dont \(wording.qualityPercent(rate)) des lignes sont rejetées, au-delà du seuil de "
                    + "\(wording.qualityPercent(threshold)) pour un nouveau fichier"
                : "a new file with \(wording.qualityPercent(rate)) of its rows rejected, over the "
                    + "\(wording.qualityPercent(threshold)) threshold for a new file"
        case .overallOverThreshold(let rate, let threshold):
            return wording.rowsRejectedOverThreshold(rejectRate: rate, maxRejectRate: threshold)
        }
    }

    /// The reason for people, in `language`: its ``subject``, then its ``message(in:)``
    /// (`helpline_calls: the feed folder is missing, …`).
    public func text(in language: ReportLanguage) -> String {
        let message = message(in: language)
        return subject.map { $0 + ReportWording(language: language).colon + message } ?? message
    }
}
