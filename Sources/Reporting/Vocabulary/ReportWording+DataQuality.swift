import Foundation
import Ingest

/// The words of the data-quality summary (``DataQualitySummary``) that `awareness validate` prints and
/// `failed-night.md` quotes: its title, the line of each feed and file, the revisions, the file-order warnings,
/// the totals and the verdict.
///
/// English keeps the words of earlier versions, with ISO dates and plain numbers (`1234`, `2.50%`); French writes
/// French dates and numbers (`4 mai 2020`, `1 234`, `2,50 %`) and agrees its participles with the counts.
extension ReportWording {
    // MARK: - Numbers and days

    /// A count as the summary writes it: `1234` / `1 234`.
    public func qualityCount(_ count: Int) -> String {
        pick(String(count), format.integer(count))
    }

    /// A fraction as a percentage with two decimals: `2.50%` / `2,50 %`.
    public func qualityPercent(_ fraction: Double) -> String {
        pick(String(format: "%.2f%%", fraction * 100), format.percent(fraction, fractionDigits: 2))
    }

    /// A day as the summary writes it: `2020-05-04` / `4 mai 2020`.
    public func qualityDay(_ day: CivilDate) -> String {
        pick(day.description, format.date(day))
    }

    /// The days a feed or file covers, both inclusive: `2020-05-04 to 2020-05-10` / `4–10 mai 2020`.
    public func daysCovered(from first: CivilDate, to last: CivilDate) -> String {
        pick("\(first) to \(last)", format.dateRange(from: first, to: last))
    }

    // MARK: - Feeds and files

    /// The first line of the summary, naming the data folder as the user gave it and the calendar's time zone.
    public func dataQualityTitle(folder: String, timeZone: String) -> String {
        pick(
            "Data quality of \(folder) (time zone \(timeZone))",
            "Qualité des données de \(folder) (fuseau horaire \(timeZone))")
    }

    /// What a feed without a folder holds: `no folder (no data)`.
    public var feedWithoutFolder: String { pick("no folder (no data)", "pas de dossier (aucune donnée)") }

    /// A feed's counts over its files: `2 files, 12 rows read, 10 accepted, 2 rejected` /
    /// `2 fichiers, 12 lignes lues, 10 acceptées, 2 rejetées`.
    public func feedCounts(files: Int, read: Int, accepted: Int, rejected: Int) -> String {
        pick(
            "\(Self.plural(files, "file")), \(Self.plural(read, "row")) read, \(accepted) accepted, \(rejected) rejected",
            "\(format.integer(files)) fichier\(Self.frenchPlural(files)), "
                + frenchRows(read: read, accepted: accepted, rejected: rejected))
    }

    /// A file's counts: `12 read, 10 accepted, 2 rejected` / `12 lignes lues, 10 acceptées, 2 rejetées`.
    public func fileCounts(read: Int, accepted: Int, rejected: Int) -> String {
        pick(
            "\(read) read, \(accepted) accepted, \(rejected) rejected",
            frenchRows(read: read, accepted: accepted, rejected: rejected))
    }

    /// `12 lignes lues, 10 acceptées, 2 rejetées`, each participle agreeing with its count (`0 ligne lue`).
    private func frenchRows(read: Int, accepted: Int, rejected: Int) -> String {
        "\(format.integer(read)) ligne\(Self.frenchPlural(read)) lue\(Self.frenchPlural(read)), "
            + "\(format.integer(accepted)) acceptée\(Self.frenchPlural(accepted)), "
            + "\(format.integer(rejected)) rejetée\(Self.frenchPlural(rejected))"
    }

    /// What an entry left by another program is: `skipped, not a feed file`, before its reason in parentheses.
    public var skippedNotAFeedFile: String { pick("skipped, not a feed file", "ignoré, pas un fichier de flux") }

    /// What a file refused as a whole is: `refused`, before its counts in parentheses.
    public var fileRefused: String { pick("refused", "refusé") }

    /// Where a file's counts came from when a rollup gave them: `from its rollup <rollup>`.
    public func fromRollup(_ rollup: String) -> String {
        pick("from its rollup \(rollup)", "depuis son cumul \(rollup)")
    }

    /// ``fromRollup(_:)`` with the byte ranges the rollup summed: `from its rollup <rollup> (3 byte ranges)`.
    public func fromRollup(_ rollup: String, byteRanges: Int) -> String {
        pick(
            "from its rollup \(rollup) (\(Self.plural(byteRanges, "byte range")))",
            "depuis son cumul \(rollup) (\(format.integer(byteRanges)) plage\(Self.frenchPlural(byteRanges)) d'octets)")
    }

    /// Whether a file's rows carry timestamps or dates: `event-level` / `daily`.
    public func rowGranularity(eventLevel: Bool) -> String {
        eventLevel ? pick("event-level", "au niveau des événements") : pick("daily", "quotidien")
    }

    /// The delimiter of a file that does not use commas: `delimiter tab`, `delimiter ";"` /
    /// `séparateur tabulation`, `séparateur « ; »`.
    public func fileDelimiter(_ delimiter: UInt8) -> String {
        let character = String(UnicodeScalar(delimiter))
        return delimiter == 0x09
            ? pick("delimiter tab", "séparateur tabulation")
            : pick("delimiter \"\(character)\"", "séparateur \(FrenchQuote.name(character))")
    }

    /// The head of the list of a file's columns that its feed does not know.
    public var unknownColumnsIgnored: String { pick("unknown columns (ignored)", "colonnes inconnues (ignorées)") }

    /// How many days of values a file gives again: `restates 3 days given by earlier files`.
    public func restatesEarlierDays(_ days: Int) -> String {
        pick(
            "restates \(days) day\(days == 1 ? "" : "s") given by earlier files",
            "remplace les valeurs de \(format.integer(days)) jour\(Self.frenchPlural(days)) données par des fichiers "
                + "précédents")
    }

    // MARK: - Findings

    /// The head of an error line: `error` / `erreur`.
    public var errorHead: String { pick("error", "erreur") }

    /// The head of a warning line: `warning` / `avertissement`.
    public var warningHead: String { pick("warning", "avertissement") }

    /// The row `rejects.csv` ends a file's rejects with when some were not listed (always English there):
    /// `12 more rejected rows, not listed: rejects.csv lists the first 10000 of each file`.
    public func rejectsNotListed(_ count: Int, limit: Int) -> String {
        let plural = Self.frenchPlural(count)
        return pick(
            "\(count) more rejected rows, not listed: rejects.csv lists the first \(limit) of each file",
            "\(format.integer(count)) autre\(plural) ligne\(plural) rejetée\(plural), non listée\(plural)\u{00A0}: "
                + "rejects.csv liste les \(format.integer(limit)) premières de chaque fichier")
    }

    /// The note after a file's first errors: `… and 4 more rejected rows`, followed by ` in <path>` when `path`
    /// (the file, with the data folder before it) is given.
    public func moreRejectedRows(_ others: Int, in path: String? = nil) -> String {
        let plural = Self.frenchPlural(others)
        let more = pick(
            "… and \(others) more rejected rows",
            "… et \(format.integer(others)) autre\(plural) ligne\(plural) rejetée\(plural)")
        return path.map { more + pick(" in ", " dans ") + $0 } ?? more
    }

    /// The warning that the file `later` (its path) is read after `earlier` although it ends on `laterLastDay`,
    /// before `earlierLastDay`, so that its `restatedValues` values replaced the other file's.
    public func fileOrderWarning(
        later: String, earlier: String, laterLastDay: CivilDate, earlierLastDay: CivilDate, restatedValues: Int
    ) -> String {
        let plural = Self.frenchPlural(restatedValues)
        return pick(
            "\(later) is read after \(earlier) (it sorts after it by name) but ends on \(laterLastDay), before "
                + "\(earlierLastDay): its \(restatedValues) restated value\(restatedValues == 1 ? "" : "s") replaced "
                + "the other file's. Files are read in name order and later ones win: name exports so that they sort "
                + "by date (appels_2020-07-01.csv)",
            "\(later) est lu après \(earlier) (son nom vient après) mais finit le \(format.date(laterLastDay)), avant "
                + "le \(format.date(earlierLastDay))\u{00A0}: ses \(format.integer(restatedValues)) valeur\(plural) "
                + "reformulée\(plural) ont remplacé celles de l'autre fichier. Les fichiers sont lus dans l'ordre de "
                + "leur nom et les derniers l'emportent\u{00A0}: nommez les exports pour qu'ils se trient par date "
                + "(appels_2020-07-01.csv)")
    }

    // MARK: - Notes on the whole folder

    /// The head of the list of revisions: `Revisions: 3 values restated by a later file`.
    public func valuesRestatedByLaterFiles(_ count: Int) -> String {
        pick(
            "Revisions: \(count) value\(count == 1 ? "" : "s") restated by a later file",
            "Révisions\u{00A0}: \(format.integer(count)) valeur\(Self.frenchPlural(count)) remplacée"
                + "\(Self.frenchPlural(count)) par un fichier ultérieur")
    }

    /// One revision: `helpline_calls helpline=119 2020-05-04: 12 -> 14 (b.csv:3 restates a.csv:5)`, the counts
    /// before and after in the feed's column order, `-` for one absent.
    public func revision(_ revision: Revision) -> String {
        let before = revision.previous.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
        let after = revision.restated.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
        return "\(revision.feed.rawValue) \(revision.key) \(qualityDay(revision.date))" + colon
            + "\(before) -> \(after) (\(revision.file):\(revision.line) \(pick("restates", "remplace")) "
            + "\(revision.previousFile):\(revision.previousLine))"
    }

    /// What a list cut short leaves out: `… and 12 more` / `… et 12 autres`.
    public func andMore(_ count: Int) -> String {
        pick("… and \(count) more", "… et \(format.integer(count)) autres")
    }

    /// The head of the list of campaign ids the calendar does not declare.
    public var undeclaredCampaignIds: String {
        pick(
            "Campaign ids not declared in campaigns.yaml (kept)",
            "Identifiants de campagne absents de campaigns.yaml (gardés)")
    }

    /// The head of the list of days with clicks but no impressions, before their number.
    public var daysWithClicksButNoImpressions: String {
        pick(
            "Days with clicks but no impressions (kept, flagged)",
            "Jours avec des clics mais sans impressions (gardés, signalés)")
    }

    /// The note that last night's manifest at `path` is there but could not be read, so tonight is not compared
    /// with last night: `Last night's manifest <path> could not be read: …`.
    public func lastNightManifestUnusable(_ path: String) -> String {
        pick("Last night's manifest ", "Le manifeste de la veille ") + path + " " + lastNightManifestUnreadable
    }

    /// What a manifest that is there but cannot be read means for tonight, for a line located at it.
    public var lastNightManifestUnreadable: String {
        pick(
            "could not be read: tonight is not compared with last night (every file counts as new, no feed folder "
                + "as vanished)",
            "n'a pas pu être lu\u{00A0}: cette nuit n'est pas comparée à la veille (chaque fichier compte comme "
                + "nouveau, aucun dossier de flux comme disparu)")
    }

    // MARK: - Totals and verdict

    /// The totals of the folder with its reject rate and the threshold (fractions of rows read).
    public func dataQualityTotal(
        read: Int, accepted: Int, rejected: Int, rejectRate: Double, maxRejectRate: Double
    ) -> String {
        pick(
            "Total: \(Self.plural(read, "row")) read, \(accepted) accepted, \(rejected) rejected "
                + "(\(qualityPercent(rejectRate)); threshold \(qualityPercent(maxRejectRate))).",
            "En tout\u{00A0}: \(frenchRows(read: read, accepted: accepted, rejected: rejected)) "
                + "(\(qualityPercent(rejectRate))\u{202F}; seuil \(qualityPercent(maxRejectRate))).")
    }

    /// The verdict of data fit for the estimates.
    public var verdictUsable: String { pick("Verdict: usable.", "Verdict\u{00A0}: utilisable.") }

    /// The verdict of data some of whose files (`unreadable` of them) could not be read.
    public func verdictUnreadable(files unreadable: Int) -> String {
        verdictNotUsable([filesUnreadable(unreadable)])
    }

    /// The verdict of data with too many rejected rows or refused files: `rejectRate` when it is over
    /// `maxRejectRate` (nil otherwise), then the `refused` files when there are any.
    public func verdictNotUsable(rejectRate: Double?, maxRejectRate: Double, refused: Int) -> String {
        var reasons: [String] = []
        if let rejectRate {
            reasons.append(rowsRejectedOverThreshold(rejectRate: rejectRate, maxRejectRate: maxRejectRate))
        }
        if refused > 0 { reasons.append(filesRefused(refused)) }
        return verdictNotUsable(reasons)
    }

    /// The verdict of a night that fails, with its `reasons` already worded: `Verdict: not usable: <reason>;
    /// <reason>.`
    public func verdictNotUsable(_ reasons: [String]) -> String {
        pick("Verdict: not usable: ", "Verdict\u{00A0}: inutilisable\u{00A0}: ") + reasons.joined(separator: semicolon)
            + "."
    }

    /// `12.00% of rows rejected, over the 1.00% threshold`: the fraction `rejectRate` of all rows rejected, over
    /// the fraction `maxRejectRate`.
    public func rowsRejectedOverThreshold(rejectRate: Double, maxRejectRate: Double) -> String {
        pick(
            "\(qualityPercent(rejectRate)) of rows rejected, over the \(qualityPercent(maxRejectRate)) threshold",
            "\(qualityPercent(rejectRate)) des lignes rejetées, au-delà du seuil de \(qualityPercent(maxRejectRate))")
    }

    /// `3 files refused` / `3 fichiers refusés`.
    public func filesRefused(_ refused: Int) -> String {
        let plural = Self.frenchPlural(refused)
        return pick(
            "\(refused) file\(refused == 1 ? "" : "s") refused",
            "\(format.integer(refused)) fichier\(plural) refusé\(plural)")
    }

    /// `2 file(s) could not be read` / `2 fichiers illisibles`.
    public func filesUnreadable(_ unreadable: Int) -> String {
        let plural = Self.frenchPlural(unreadable)
        return pick(
            "\(unreadable) file(s) could not be read",
            "\(format.integer(unreadable)) fichier\(plural) illisible\(plural)")
    }

    /// What a feed folder that exists but cannot be listed holds, for the summary's line of the feed: `folder
    /// cannot be read (Permission denied)`.
    public func feedFolderUnreadable(system: String) -> String {
        pick("folder cannot be read (\(system))", "dossier illisible (\(system))")
    }

    // MARK: - Agreement

    /// `3 files`, `1 file`: an English count with its noun, plural unless it is one.
    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The French plural mark of a count: `s` from two up (`0 ligne`, `1 ligne`, `2 lignes`).
    private static func frenchPlural(_ count: Int) -> String { count > 1 ? "s" : "" }

}
