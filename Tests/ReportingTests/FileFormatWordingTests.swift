import Ingest
import Reporting
import Testing

/// What the reader says of a file's own formats, in English and French: the note of a UTF-8 file read against its
/// declared encoding, the date format a file was read in, and each kind of date-format refusal.
@Suite("Wording of a file's own formats")
struct FileFormatWordingTests {
    @Test func theNoteOfAUTF8FileReadAsSuchNamesTheEncodingDeclaredAndTheLine() {
        let note = ReadAsUTF8(declared: .windows1252, firstLine: 2)
        #expect(
            note.text(in: .en)
                == "read as UTF-8: the file is valid UTF-8 (first character beyond ASCII on line 2), not Windows-1252 "
                + "as campaigns.yaml declares it; read as Windows-1252, its accented letters would be garbled")
        #expect(
            note.text(in: .fr)
                == "lu en UTF-8\u{00A0}: le fichier est de l'UTF-8 valide (premier caractère hors ASCII à la ligne 2), "
                + "pas du Windows-1252 comme campaigns.yaml le déclare\u{202F}; lu en Windows-1252, ses lettres "
                + "accentuées seraient altérées")
        #expect(ReadAsUTF8(declared: .latin1, firstLine: 9).text(in: .en).contains("not Latin-1 as campaigns.yaml"))
    }

    @Test(arguments: DateFormat.allCases)
    func aFilesDateFormatIsNamedInBothLanguages(format: DateFormat) {
        #expect(format.readAs(in: .en) == "dates \(format.rawValue)")
        #expect(format.readAs(in: .fr) == "dates au format \(format.rawValue)")
    }

    @Test func eachKindOfDateFormatRefusalReadsInFrench() {
        #expect(
            FileRefusalReason.dateFormat(RejectReasonWordingTests.ambiguousDates).text(in: .fr)
                == "chaque date convient à DD/MM/YYYY et MM/DD/YYYY (aucun jour après le 12, 3 dates)\u{202F}; le "
                + "fichier ne dit donc pas lequel est le sien\u{202F}; donnez-le pour ce fichier dans "
                + "campaigns.yaml\u{00A0}: feeds: { helpline_calls: { files: { \"2021-01.csv\": { date_format: "
                + "DD/MM/YYYY } } } } (ou MM/DD/YYYY)")
        #expect(
            FileRefusalReason.dateFormat(RejectReasonWordingTests.mixedDates).text(in: .fr)
                == "les dates sont dans plusieurs formats (sur 7246 dates\u{00A0}: 4346 DD/MM/YYYY, 2900 YYYY-MM-DD, "
                + "1296 MM/DD/YYYY)\u{202F}; voici la première qui n'est pas au format DD/MM/YYYY\u{00A0}: les dates "
                + "d'un fichier doivent toutes être dans un même format (exportez-le à nouveau, ou scindez-le)")
        #expect(
            FileRefusalReason.dateFormat(RejectReasonWordingTests.usDatesSetDayFirst).text(in: .fr)
                == "les dates ne sont pas au format DD/MM/YYYY, celui que campaigns.yaml donne au fichier, mais au "
                + "format MM/DD/YYYY (toutes les 3\u{202F}; voici la première qui n'est pas au format DD/MM/YYYY)"
                + "\u{202F}; pour les lire, donnez à ce fichier\u{00A0}: feeds: { helpline_calls: { files: { "
                + "\"dt=2021-01/us \\\"export\\\".csv\": { date_format: MM/DD/YYYY } } } }")
    }

    @Test func aMixedFileUnderASettingSaysTheSettingIsTheFormatMissed() {
        let conflict = DateFormatConflict(
            feed: .hashtagVideos, file: "a.csv", configured: .yearMonthDay, fitting: [],
            readable: [.init(format: .dayMonthYearSlash, dates: 5), .init(format: .yearMonthDay, dates: 1)], dates: 6)
        #expect(
            FileRefusalReason.dateFormat(conflict).text(in: .en)
                == "the dates are in several formats (of 6 dates: 5 DD/MM/YYYY, 1 YYYY-MM-DD); this is the first not "
                + "YYYY-MM-DD, the format campaigns.yaml sets for the file: a file's dates must all be in one format "
                + "(export it again, or split it)")
        #expect(
            FileRefusalReason.dateFormat(conflict).text(in: .fr).contains("celui que campaigns.yaml donne au fichier"))
    }
}
