import Ingest

extension RejectReason {
    /// The reason in `language`. English is what `rejects.csv` holds and what `validate` prints, in the words of
    /// earlier versions, unchanged; French quotes names and values in guillemets and puts a no-break space before
    /// `:` and a narrow one before `;`, as the French reports do.
    public func text(in language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .fr: french
        }
    }

    private var english: String {
        switch self {
        case .fieldCount(let expected, let found):
            "expected \(expected) fields as in the header, found \(found)"
        case .notADate(let value, let format):
            "date: \"\(value)\" is not a date (\(format.rawValue))"
        case .laterThanFile(let column, let value, let modified):
            "\(column): \"\(value)\" is more than a day after the file was last modified "
                + "(\(Self.utcMinute(modified))); an export cannot hold days that had not yet come"
        case .timestampWithoutZone(let value):
            "timestamp: \"\(value)\" has no time zone; add Z or an offset such as +01:00"
        case .notATimestamp(let value):
            "timestamp: \"\(value)\" is not an ISO-8601 timestamp (2020-05-04T09:30:00Z)"
        case .emptyKey(let column):
            "\(column): is empty; every row needs one"
        case .valueTooLong(let column, let length, let maximum):
            "\(column): is \(length) bytes long; a value may have at most \(maximum)"
        case .controlCharacter(let column, let value):
            "\(column): \"\(value)\" holds a control character (a line break or tab inside quotes); a value may not"
        case .notACount(let column, let value, let problem):
            "\(column): \"\(value)\" \(problem.english)"
        case .answeredOverCalls(let answered, let calls):
            "answered: \(answered) is more than calls (\(calls)) on the same row"
        case .dayTotalOverflow(let column, let count):
            "\(column): \(count) takes the day's total past the largest count (\(Int64.max))"
        case .duplicate(let firstLine, let columns):
            "duplicate of line \(firstLine): same \(columns.joined(separator: ", ")) and date"
        }
    }

    private var french: String {
        let name = FrenchQuote.name
        switch self {
        case .fieldCount(let expected, let found):
            return "\(found) champ\(found > 1 ? "s" : "") au lieu des \(expected) de l'en-tête"
        case .notADate(let value, let format):
            return "\(name("date"))\u{00A0}: \(name(value)) n'est pas une date (\(format.rawValue))"
        case .laterThanFile(let column, let value, let modified):
            return "\(name(column))\u{00A0}: \(name(value)) est plus d'un jour après la dernière modification du "
                + "fichier (\(Self.utcMinute(modified)))\u{202F}; un export ne peut contenir des jours qui n'étaient "
                + "pas encore venus"
        case .timestampWithoutZone(let value):
            return "\(name("timestamp"))\u{00A0}: \(name(value)) n'a pas de fuseau horaire\u{202F}; ajoutez Z ou un "
                + "décalage comme +01:00"
        case .notATimestamp(let value):
            return "\(name("timestamp"))\u{00A0}: \(name(value)) n'est pas un horodatage ISO 8601 "
                + "(2020-05-04T09:30:00Z)"
        case .emptyKey(let column):
            return "\(name(column))\u{00A0}: vide\u{202F}; chaque ligne doit en avoir un"
        case .valueTooLong(let column, let length, let maximum):
            return "\(name(column))\u{00A0}: \(length) octets\u{202F}; une valeur en a au plus \(maximum)"
        case .controlCharacter(let column, let value):
            return "\(name(column))\u{00A0}: \(name(value)) contient un caractère de contrôle (un saut de ligne ou "
                + "une tabulation entre guillemets)\u{202F}; une valeur ne le peut pas"
        case .notACount(let column, let value, let problem):
            return "\(name(column))\u{00A0}: \(name(value)) \(problem.french)"
        case .answeredOverCalls(let answered, let calls):
            return "\(name("answered"))\u{00A0}: \(answered) dépasse \(name("calls")) (\(calls)) sur la même ligne"
        case .dayTotalOverflow(let column, let count):
            return "\(name(column))\u{00A0}: \(count) porte le total du jour au-delà du plus grand nombre possible "
                + "(\(Int64.max))"
        case .duplicate(let firstLine, let columns):
            let listed = columns.map(name).joined(separator: ", ") + " et " + name("date")
            return "doublon de la ligne \(firstLine)\u{00A0}: mêmes \(listed)"
        }
    }
}

extension CountProblem {
    /// What is wrong with the value, after it is quoted: `"-4" is negative; …`.
    fileprivate var english: String {
        switch self {
        case .empty: "is empty; a count is required"
        case .tooLarge: "is too large for a count (the largest is \(Int64.max))"
        case .negative: "is negative; counts are non-negative whole numbers"
        case .scientific: "is in scientific notation; write the whole number with plain digits"
        case .decimals: "is not a whole number; counts have no decimals"
        case .digitSeparator: "has a digit separator; write plain digits such as 1200"
        case .notACount: "is not a count (a non-negative whole number)"
        }
    }

    fileprivate var french: String {
        switch self {
        case .empty: "est vide\u{202F}; un nombre est requis"
        case .tooLarge: "est trop grand pour un nombre (le plus grand est \(Int64.max))"
        case .negative: "est négatif\u{202F}; les nombres sont des entiers positifs ou nuls"
        case .scientific: "est en notation scientifique\u{202F}; écrivez le nombre entier en chiffres simples"
        case .decimals: "n'est pas un nombre entier\u{202F}; les nombres n'ont pas de décimales"
        case .digitSeparator: "a un séparateur de chiffres\u{202F}; écrivez des chiffres simples, comme 1200"
        case .notACount: "n'est pas un nombre (un entier positif ou nul)"
        }
    }
}

extension RejectReason {
    /// `seconds` since 1970-01-01T00:00:00Z as `2026-12-08 00:34 UTC`: a file's modification time, the same in
    /// every language and whatever the calendar's zone.
    static func utcMinute(_ seconds: Int64) -> String {
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, second) = rest < 0 ? (days - 1, rest + 86_400) : (days, rest)
        let date = CivilDate(daysSinceEpoch: Int(day))
        let hours = Int(second / 3600)
        let minutes = Int(second % 3600 / 60)
        return "\(date) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes) UTC"
    }
}

/// French quotation of names and values: `«\u{00A0}calls\u{00A0}»`.
enum FrenchQuote {
    static func name(_ text: String) -> String { "«\u{00A0}\(text)\u{00A0}»" }
}
