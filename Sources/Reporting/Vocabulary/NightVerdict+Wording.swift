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
        /// `1 row`, `12 rows` / `1 ligne`, `1 234 lignes`.
        func rows(_ count: Int) -> String {
            language.pick(
                "\(count) row\(count == 1 ? "" : "s")", "\(format.integer(count)) ligne\(count > 1 ? "s" : "")")
        }
        switch self {
        case .feedUnreadable(_, let system):
            return language.pick(
                "the feed folder cannot be read (\(system)); its files could not be seen",
                "le dossier du flux ne peut pas être lu (\(system))\u{00A0}; ses fichiers n'ont pas pu être vus")
        case .fileUnreadable:
            return language.pick("the file could not be read", "le fichier n'a pas pu être lu")
        case .feedVanished(_, let lastNight):
            return language.pick(
                "the feed folder is missing, and it gave \(rows(lastNight)) last night (an unmounted share?)",
                "le dossier du flux manque alors qu'il a donné \(rows(lastNight)) la veille (un partage non monté\u{00A0}?)"
            )
        case .feedEmpty(_, let lastNight):
            return language.pick(
                "the feed folder holds no file, and it gave \(rows(lastNight)) last night",
                "le dossier du flux ne contient aucun fichier alors qu'il a donné \(rows(lastNight)) la veille")
        case .feedHeaderOnly(_, let lastNight):
            return language.pick(
                "the feed's files hold no data row (headers only), and they gave \(rows(lastNight)) last night",
                "les fichiers du flux n'ont aucune ligne de données (en-têtes seuls) alors qu'ils ont donné "
                    + "\(rows(lastNight)) la veille")
        case .fileRefused:
            return language.pick("the file was refused", "le fichier a été refusé")
        case .fileWhollyRejected(_, let count):
            if count == 1 {
                return language.pick("its only row was rejected", "sa seule ligne a été rejetée")
            }
            return language.pick(
                "all \(count) of its rows were rejected", "ses \(format.integer(count)) lignes ont toutes été rejetées")
        case .newFileOverThreshold(_, let rate, let threshold):
            return language.pick(
                "a new file with \(wording.qualityPercent(rate)) of its rows rejected, over the "
                    + "\(wording.qualityPercent(threshold)) threshold for a new file",
                "nouveau fichier dont \(wording.qualityPercent(rate)) des lignes sont rejetées, au-delà du seuil de "
                    + "\(wording.qualityPercent(threshold)) pour un nouveau fichier")
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
