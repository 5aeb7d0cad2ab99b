import Ingest

extension FileRefusalReason {
    /// The reason in `language`. English is what `rejects.csv` holds (after `file refused: `) and what `validate`
    /// prints, in the words of earlier versions, unchanged; French follows the French reports' typography.
    public func text(in language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .fr: french
        }
    }

    /// A header's names as listed: an empty name as `""`.
    private static func listed(_ header: [String], _ quote: (String) -> String = { $0 }) -> String {
        header.map { $0.isEmpty ? "\"\"" : quote($0) }.joined(separator: ", ")
    }

    private var english: String {
        switch self {
        case .duplicateColumn(let name, let first, let second):
            "column '\(name)' appears twice in the header (fields \(first) and \(second))"
        case .missingMappedColumn(let name, let column, let feed, let header):
            "missing column '\(name)', which campaigns.yaml names for \(column) (feeds: \(feed.rawValue): columns:) "
                + "(header has: \(Self.listed(header)))"
        case .missingColumns(let columns, let header):
            "missing required column '\(columns.map(\.english).joined(separator: "', '"))' "
                + "(header has: \(Self.listed(header)))"
        case .dateAndTimestamp:
            "the header has both 'date' and 'timestamp'; a file is either daily or event-level"
        case .dateFormat(let conflict): conflict.english
        case .gzipNameWithoutCSV:
            "not a feed file: a gzip file is read when its name ends in .csv.gz (rename it, or move it out of the "
                + "feed folder)"
        case .notAFeedFileName:
            "not a feed file: only names ending in .csv, .csv.gz or .rollup.json are read (rename it, or move it out "
                + "of the feed folder)"
        case .csv(let problem): problem.text(in: .en)
        case .rollup(let error): error.text(in: .en)
        case .rollupUnreadable(let system): "cannot be read (\(system))"
        case .unexpected(let description): description
        }
    }

    private var french: String {
        let name = FrenchQuote.name
        switch self {
        case .duplicateColumn(let column, let first, let second):
            return "la colonne \(name(column)) figure deux fois dans l'en-tête (champs \(first) et \(second))"
        case .missingMappedColumn(let missing, let column, let feed, let header):
            return "colonne \(name(missing)) absente, que campaigns.yaml donne pour \(name(column)) "
                + "(feeds: \(feed.rawValue): columns:) (l'en-tête a\u{00A0}: \(Self.listed(header, name)))"
        case .missingColumns(let columns, let header):
            let plural = columns.count > 1
            return "colonne\(plural ? "s" : "") obligatoire\(plural ? "s" : "") absente\(plural ? "s" : "")\u{00A0}: "
                + columns.map(\.french).joined(separator: ", ")
                + " (l'en-tête a\u{00A0}: \(Self.listed(header, name)))"
        case .dateAndTimestamp:
            return "l'en-tête a à la fois \(name("date")) et \(name("timestamp"))\u{202F}; un fichier est soit "
                + "quotidien, soit au niveau des événements"
        case .dateFormat(let conflict): return conflict.french
        case .gzipNameWithoutCSV:
            return "pas un fichier de flux\u{00A0}: un fichier gzip est lu quand son nom finit par .csv.gz "
                + "(renommez-le, ou sortez-le du dossier du flux)"
        case .notAFeedFileName:
            return "pas un fichier de flux\u{00A0}: seuls les noms finissant par .csv, .csv.gz ou .rollup.json sont "
                + "lus (renommez-le, ou sortez-le du dossier du flux)"
        case .csv(let problem): return problem.text(in: .fr)
        case .rollup(let error): return error.text(in: .fr)
        case .rollupUnreadable(let system): return "illisible (\(system))"
        case .unexpected(let description): return "erreur imprévue\u{00A0}: \(description)"
        }
    }
}

extension DateFormatConflict {
    /// The `campaigns.yaml` setting that reads the file in `format`: its entry under its feed's `files:`.
    fileprivate func setting(_ format: DateFormat) -> String {
        let pattern =
            "\"" + file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        return "feeds: { \(feed.rawValue): { files: { \(pattern): { date_format: \(format.rawValue) } } } }"
    }

    /// `4346 DD/MM/YYYY, 2900 YYYY-MM-DD`: the dates each format reads, most first.
    private var counts: String {
        readable.map { "\($0.dates) \($0.format.rawValue)" }.joined(separator: ", ")
    }

    /// The formats in `formats` joined by `word` (`and`, `or`, `et`, `ou`).
    private static func listed(_ formats: [DateFormat], _ word: String) -> String {
        let names = formats.map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(word) " + (names.last ?? "")
    }

    /// The format most dates read in, the one a mixed file's location points past.
    private var blamed: String { configured?.rawValue ?? readable.first?.format.rawValue ?? "" }

    fileprivate var english: String {
        switch kind {
        case .mixed:
            return "the dates are in several formats (of \(dates) dates: \(counts)); this is the first not "
                + "\(blamed)\(configured == nil ? "" : ", the format campaigns.yaml sets for the file"): a file's "
                + "dates must all be in one format (export it again, or split it)"
        case .ambiguous:
            return "every date fits \(Self.listed(fitting, "and")) (no day after the 12th, \(dates) dates), so the "
                + "file does not tell which it is in; set it for this file in campaigns.yaml: "
                + setting(fitting[0])
                + (fitting.count > 1 ? " (or \(Self.listed(Array(fitting.dropFirst()), "or")))" : "")
        case .notAsConfigured:
            let said = configured?.rawValue ?? ""
            return "the dates are not \(said), the format campaigns.yaml sets for the file, but "
                + "\(Self.listed(fitting, "or")) (all \(dates) of them; this is the first not \(said)); to read them, "
                + "set for this file: " + setting(fitting[0])
        }
    }

    fileprivate var french: String {
        switch kind {
        case .mixed:
            let set = configured == nil ? "" : ", celui que campaigns.yaml donne au fichier"
            return "les dates sont dans plusieurs formats (sur \(dates) dates\u{00A0}: \(counts))\u{202F}; voici la "
                + "première qui n'est pas au format \(blamed)\(set)\u{00A0}: les dates d'un fichier doivent toutes être "
                + "dans un même format (exportez-le à nouveau, ou scindez-le)"
        case .ambiguous:
            return
                "chaque date convient à \(Self.listed(fitting, "et")) (aucun jour après le 12, \(dates) dates)\u{202F}; "
                + "le fichier ne dit donc pas lequel est le sien\u{202F}; donnez-le pour ce fichier dans "
                + "campaigns.yaml\u{00A0}: " + setting(fitting[0])
                + (fitting.count > 1 ? " (ou \(Self.listed(Array(fitting.dropFirst()), "ou")))" : "")
        case .notAsConfigured:
            let said = configured?.rawValue ?? ""
            return "les dates ne sont pas au format \(said), celui que campaigns.yaml donne au fichier, mais au format "
                + "\(Self.listed(fitting, "ou")) (toutes les \(dates)\u{202F}; voici la première qui n'est pas au format "
                + "\(said))\u{202F}; pour les lire, donnez à ce fichier\u{00A0}: " + setting(fitting[0])
        }
    }
}

extension FileRefusalReason.RequiredColumn {
    /// Between the quotes of `missing required column '…'`.
    fileprivate var english: String {
        switch self {
        case .dateOrTimestamp: "date' or 'timestamp"
        case .named(let name): name
        }
    }

    fileprivate var french: String {
        switch self {
        case .dateOrTimestamp: "\(FrenchQuote.name("date")) ou \(FrenchQuote.name("timestamp"))"
        case .named(let name): FrenchQuote.name(name)
        }
    }
}

extension FileSnapshot.Kind {
    /// The type of file after "is", in English.
    fileprivate var english: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .fifo: "a named pipe (FIFO)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .symbolicLink: "a symbolic link"
        case .other: "a special file"
        }
    }

    /// The type of file after "est", in French.
    fileprivate var french: String {
        switch self {
        case .regular: "un fichier ordinaire"
        case .directory: "un dossier"
        case .fifo: "un tube nommé (FIFO)"
        case .socket: "une socket"
        case .characterDevice: "un périphérique caractère"
        case .blockDevice: "un périphérique bloc"
        case .symbolicLink: "un lien symbolique"
        case .other: "un fichier spécial"
        }
    }
}

extension CSVProblem {
    /// The problem in `language`, as a refused file's reason says it.
    public func text(in language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .fr: french
        }
    }

    private static func hex(_ byte: UInt8) -> String { "0x" + String(byte, radix: 16, uppercase: true) }

    private var english: String {
        switch self {
        case .noSuchFile: "no such file"
        case .isDirectory: "is a directory, not a file"
        case .notARegularFile(let kind):
            "is \(kind.english), not a regular file: it is not read (reading it could wait for ever)"
        case .changedWhileRead(let before, let after) where before == after:
            "was written to while it was read (its modification time changed): it is not read; run again once "
                + "the export has finished"
        case .changedWhileRead(let before, let after):
            "changed while it was read (\(before) bytes when opened, \(after) after): it is not read; run again "
                + "once the export has finished"
        case .digestFailed: "its SHA-256 could not be computed (libcrypto out of memory)"
        case .cannotOpen(let system): "cannot be opened for reading (\(system))"
        case .readFailed(let offset, let system): "read failed at byte \(offset) (\(system))"
        case .readBackwards(.stream, let offset, let position):
            "a stream is read in order: byte \(offset) asked for, the stream is at byte \(position)"
        case .readBackwards(let source, let offset, let position):
            "a \(source.english) file is read forward only (byte \(offset) asked after byte \(position))"
        case .utf16: "the file is UTF-16 (byte-order mark found); export it as UTF-8"
        case .empty: "the file is empty"
        case .noHeaderLine: "the file has no header line"
        case .nulByte: "NUL byte in the file; it is not text"
        case .invalidUTF8(let bytes):
            "invalid UTF-8 (\(bytes.map(Self.hex).joined(separator: " "))); the file is not UTF-8 text (Latin-1 or "
                + "Windows-1252?), export it as UTF-8 or set encoding: for its feed in campaigns.yaml"
        case .undefinedByte(let byte?, let encoding):
            "byte \(Self.hex(byte)) is no character in \(encoding.displayName); the file is not "
                + "\(encoding.displayName) text (see encoding: in campaigns.yaml)"
        case .undefinedByte(nil, let encoding): "a byte is no character in \(encoding.displayName)"
        case .conversionUnavailable(let encoding, let system):
            "iconv cannot convert from \(encoding.iconvName) (\(system))"
        case .conversionBufferTooSmall: "a read buffer is too small to convert"
        case .quoteInUnquotedField: "a quote inside an unquoted field (quote the whole field and double the quote)"
        case .textAfterClosingQuote: "text after the closing quote of a quoted field"
        case .unclosedQuote(let line): "quoted field opened on line \(line) is never closed"
        case .parserOutOfMemory: "the CSV parser ran out of memory"
        case .outOfMemory: "out of memory"
        case .zlibCouldNotStart: "zlib could not start (out of memory)"
        case .zlibOutOfMemory: "zlib ran out of memory"
        case .gzipTruncated(let bytes):
            "the gzip data ends before its end marker: the file is truncated (\(bytes) compressed bytes)"
        case .gzipTrailingBytes(let offset):
            "bytes after the end of the gzip data are not gzip (compressed byte \(offset))"
        case .gzipCorrupt(let offset, let zlib): "the gzip data is corrupt at compressed byte \(offset) (zlib: \(zlib))"
        }
    }

    private var french: String {
        switch self {
        case .noSuchFile: "fichier introuvable"
        case .isDirectory: "est un dossier, pas un fichier"
        case .notARegularFile(let kind):
            "est \(kind.french), pas un fichier ordinaire\u{00A0}: il n'est pas lu (sa lecture pourrait attendre "
                + "indéfiniment)"
        case .changedWhileRead(let before, let after) where before == after:
            "a été modifié pendant sa lecture (sa date de modification a changé)\u{00A0}: il n'est pas lu\u{202F}; "
                + "relancez une fois l'export terminé"
        case .changedWhileRead(let before, let after):
            "a changé pendant sa lecture (\(before) octets à l'ouverture, \(after) ensuite)\u{00A0}: il n'est pas "
                + "lu\u{202F}; relancez une fois l'export terminé"
        case .digestFailed: "son SHA-256 n'a pas pu être calculé (libcrypto à court de mémoire)"
        case .cannotOpen(let system): "ne peut pas être ouvert en lecture (\(system))"
        case .readFailed(let offset, let system): "échec de lecture à l'octet \(offset) (\(system))"
        case .readBackwards(.stream, let offset, let position):
            "un flux se lit dans l'ordre\u{00A0}: octet \(offset) demandé, le flux est à l'octet \(position)"
        case .readBackwards(let source, let offset, let position):
            "\(source.french) se lit du début à la fin (octet \(offset) demandé après l'octet \(position))"
        case .utf16: "le fichier est en UTF-16 (indicateur d'ordre des octets trouvé)\u{202F}; exportez-le en UTF-8"
        case .empty: "le fichier est vide"
        case .noHeaderLine: "le fichier n'a pas de ligne d'en-tête"
        case .nulByte: "octet NUL dans le fichier\u{202F}; ce n'est pas du texte"
        case .invalidUTF8(let bytes):
            "UTF-8 invalide (\(bytes.map(Self.hex).joined(separator: " ")))\u{202F}; le fichier n'est pas du texte "
                + "UTF-8 (Latin-1 ou Windows-1252\u{202F}?), exportez-le en UTF-8 ou donnez encoding: à son flux dans "
                + "campaigns.yaml"
        case .undefinedByte(let byte?, let encoding):
            "l'octet \(Self.hex(byte)) n'est aucun caractère en \(encoding.displayName)\u{202F}; le fichier n'est pas "
                + "du texte \(encoding.displayName) (voir encoding: dans campaigns.yaml)"
        case .undefinedByte(nil, let encoding): "un octet n'est aucun caractère en \(encoding.displayName)"
        case .conversionUnavailable(let encoding, let system):
            "iconv ne sait pas convertir depuis \(encoding.iconvName) (\(system))"
        case .conversionBufferTooSmall: "un tampon de lecture est trop petit pour convertir"
        case .quoteInUnquotedField:
            "un guillemet dans un champ sans guillemets (mettez tout le champ entre guillemets et doublez le "
                + "guillemet)"
        case .textAfterClosingQuote: "du texte après le guillemet fermant d'un champ entre guillemets"
        case .unclosedQuote(let line): "le champ entre guillemets ouvert à la ligne \(line) n'est jamais fermé"
        case .parserOutOfMemory: "l'analyseur CSV a manqué de mémoire"
        case .outOfMemory: "mémoire insuffisante"
        case .zlibCouldNotStart: "zlib n'a pas pu démarrer (mémoire insuffisante)"
        case .zlibOutOfMemory: "zlib a manqué de mémoire"
        case .gzipTruncated(let bytes):
            "les données gzip s'arrêtent avant leur marque de fin\u{00A0}: le fichier est tronqué (\(bytes) octets "
                + "compressés)"
        case .gzipTrailingBytes(let offset):
            "les octets qui suivent la fin des données gzip ne sont pas du gzip (octet compressé \(offset))"
        case .gzipCorrupt(let offset, let zlib):
            "les données gzip sont corrompues à l'octet compressé \(offset) (zlib\u{00A0}: \(zlib))"
        }
    }
}

extension CSVProblem.ForwardSource {
    /// `a … file is read forward only`.
    fileprivate var english: String {
        switch self {
        case .gzip: "gzip"
        case .converted: "converted"
        case .readAhead: "read-ahead"
        case .stream: "stream"
        }
    }

    /// `… se lit du début à la fin`.
    fileprivate var french: String {
        switch self {
        case .gzip: "un fichier gzip"
        case .converted: "un fichier converti"
        case .readAhead: "un fichier lu par anticipation"
        case .stream: "un flux"
        }
    }
}

extension RollupFormatError {
    /// What is wrong with a rollup, in `language`, as a file refusal says it.
    public func text(in language: ReportLanguage) -> String {
        let name = FrenchQuote.name
        switch self {
        case .notJSON:
            return language.pick(
                "not a rollup: the file is not JSON", "pas un cumul\u{00A0}: le fichier n'est pas du JSON")
        case .unknownFormat(let format):
            return language.pick(
                "not a rollup of this version: format \"\(format)\", expected \"\(RangeRollup.format)\"",
                "pas un cumul de cette version\u{00A0}: format \(name(format)), attendu \(name(RangeRollup.format))")
        case .missingKey(let key):
            return language.pick("the rollup has no '\(key)'", "le cumul n'a pas de clé \(name(key))")
        case .badValue(let path):
            return language.pick(
                "the rollup's '\(path)' is not a valid value",
                "la valeur de \(name(path)) dans le cumul n'est pas valide")
        case .notABannerFeed(let feed):
            return language.pick(
                "the rollup's feed '\(feed)' has no event-level files",
                "le flux \(name(feed)) du cumul n'a pas de fichiers au niveau des événements")
        case .doesNotAddUp(let read, let accepted, let rejected):
            return language.pick(
                "the rollup does not add up: \(read) rows read ≠ \(accepted) accepted + \(rejected) rejected",
                "le cumul ne tombe pas juste\u{00A0}: \(read) lignes lues ≠ \(accepted) acceptées + \(rejected) rejetées"
            )
        case .feedMismatch(let folder, let rollup):
            return language.pick(
                "a rollup of \(rollup.rawValue) in the \(folder.rawValue) folder",
                "un cumul de \(rollup.rawValue) dans le dossier \(folder.rawValue)")
        case .notEvents(let level):
            return language.pick(
                "the rollup holds no event-level counts (level \(level.rawValue)): a daily file is read as it is",
                "le cumul ne contient pas de comptes au niveau des événements (niveau \(level.rawValue))\u{00A0}: un "
                    + "fichier quotidien est lu tel quel")
        case .fileNameMismatch(let file, let expected):
            return language.pick(
                "the rollup is of '\(file)', not of '\(expected)' as its name says",
                "le cumul porte sur \(name(file)), pas sur \(name(expected)) que son nom désigne")
        case .fileBesideRollup(let file):
            return language.pick(
                "'\(file)' is in the folder too: read with its rollup, it would be counted twice (remove one)",
                "\(name(file)) est aussi dans le dossier\u{00A0}: lu avec son cumul, il serait compté deux fois "
                    + "(retirez l'un ou l'autre)")
        case .anotherRollupOfTheFile(let other):
            return language.pick(
                "'\(other)' rolls up the same file: neither is read",
                "\(name(other)) cumule le même fichier\u{00A0}: aucun des deux n'est lu")
        case .partialCoverage(let start, let end, let stop, let fileSize):
            return language.pick(
                "the rollup does not cover its whole file: bytes \(start) to \(end) (stopped at \(stop)) of a file of "
                    + "\(fileSize) bytes",
                "le cumul ne couvre pas tout son fichier\u{00A0}: octets \(start) à \(end) (arrêt à \(stop)) d'un "
                    + "fichier de \(fileSize) octets")
        case .moreRowsThanBytes(let rows, let fileSize):
            return language.pick(
                "the rollup counts \(rows) rows in a file of \(fileSize) bytes",
                "le cumul compte \(rows) lignes dans un fichier de \(fileSize) octets")
        }
    }
}

extension RangeRollupReader.ReadFailure.Reason {
    /// Why a byte range could not be read, in `language`, as `awareness rollup` prints it after the file's name.
    public func text(in language: ReportLanguage) -> String {
        switch self {
        case .csv(let problem): problem.text(in: language)
        case .refused(let reason): reason.text(in: language)
        case .streamEnded(let position, let end):
            language == .fr
                ? "le flux s'arrête à l'octet \(position), avant la fin de la plage à l'octet \(end)"
                : "the stream ended at byte \(position), before the range's end at byte \(end)"
        case .unexpected(let description): description
        }
    }
}
