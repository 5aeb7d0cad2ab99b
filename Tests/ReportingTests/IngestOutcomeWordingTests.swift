import Ingest
import Reporting
import Testing

/// The words of ingest's outcomes that IngestTests pinned by their English before they asserted typed values: the
/// reasons a file is passed over, a rollup's read failures and a misnamed gzip file.
@Suite("Wording of ingest's outcomes")
struct IngestOutcomeWordingTests {
    @Test func saysEachReasonAFileIsPassedOverInEnglishAndFrench() {
        let texts = SkippedFile.Reason.allCases.map { ($0.text(in: .en), $0.text(in: .fr)) }
        #expect(
            texts.map(\.0) == [
                "Office lock file", "hidden file", "Windows thumbnail cache", "Windows folder settings",
                "marker of a finished Spark or Hadoop job", "empty folder",
            ])
        #expect(
            texts.map(\.1) == [
                "fichier de verrou d'Office", "fichier caché", "cache de vignettes de Windows",
                "réglages de dossier de Windows", "marque de fin d'un traitement Spark ou Hadoop", "dossier vide",
            ])
    }

    @Test func wordsARollupsReadFailuresInEnglishAndFrench() {
        typealias Reason = RangeRollupReader.ReadFailure.Reason
        #expect(Reason.csv(.noSuchFile).text(in: .en) == "no such file")
        #expect(
            Reason.streamEnded(position: 10, end: 20).text(in: .en)
                == "the stream ended at byte 10, before the range's end at byte 20")
        #expect(
            Reason.streamEnded(position: 10, end: 20).text(in: .fr)
                == "le flux s'arrête à l'octet 10, avant la fin de la plage à l'octet 20")
    }

    @Test func saysWhyAGzipFileWithoutCSVInItsNameIsNotAFeedFile() {
        #expect(
            FileRefusalReason.gzipNameWithoutCSV.text(in: .en).hasPrefix("not a feed file: a gzip file is read when"))
    }
}
