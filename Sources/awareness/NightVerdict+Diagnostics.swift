import Foundation
import Ingest
import Reporting

extension Diagnostic {
    /// The `error:` lines that say why the night fails, located at the feed folder or file to blame under the data
    /// folder `dataPath`, as `validate` and `run` both print them. Refused and unreadable files and the overall rate
    /// have lines of their own already (the file's refusal; `run`'s "the data has problems"), so only the reasons
    /// nothing else says are given: a feed folder unreadable, vanished, empty or header-only, and a file wholly
    /// rejected or new and over its threshold.
    static func verdictErrors(_ verdict: NightVerdict, dataPath: String) -> [Diagnostic] {
        verdict.reasons.compactMap { reason in
            switch reason {
            case .fileUnreadable, .fileRefused, .overallOverThreshold:
                return nil
            case .feedUnreadable, .feedVanished, .feedEmpty, .feedHeaderOnly, .fileWhollyRejected,
                .newFileOverThreshold:
                let file = reason.subject.map { (dataPath as NSString).appendingPathComponent($0) }
                return .error(reason.message(in: .en), file: file)
            }
        }
    }
}

extension Diagnostic {
    /// The warning that last night's manifest is there but could not be read, located at it, when it is so: the
    /// night is then judged without history, which must not go unsaid.
    static func manifestWarning(_ verdict: NightVerdict) -> [Diagnostic] {
        guard let path = verdict.unusableManifest else { return [] }
        return [.warning(ReportWording(language: .en).lastNightManifestUnreadable, file: path)]
    }
}

extension ExitStatus {
    /// The one mapping of a command's outcome to its exit status, used by `validate` and `run`: the verdict's
    /// status, and at least 1 when any diagnostic the command printed is an error, so that an `error:` line never
    /// comes with status 0 and rejected rows under the thresholds (printed as warnings) never fail a night.
    init(_ verdict: DataVerdict, diagnostics: [Diagnostic]) {
        self.init(verdict)
        if self == .success, diagnostics.contains(where: { $0.severity == .error }) { self = .dataProblems }
    }
}
