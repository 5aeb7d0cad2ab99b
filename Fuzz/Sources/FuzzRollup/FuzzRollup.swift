import Foundation
import FuzzDriver
import Ingest

/// libFuzzer entry point over the rollup reader (DESIGN §3.5): the input is the text of a `*.rollup.json` file.
///
/// Every input is decoded by `RangeRollup(jsonData:)`; a `RollupFormatError` is an expected outcome, and a crash or
/// sanitizer report a finding. A rollup that decodes must add up, and must come back equal when its own JSON is
/// decoded again (the writer and the reader agree on every key and reason). It is then put in a feed folder of its
/// feed as `events.csv.rollup.json` and read by `DataFolderReader` as a night would read it, whose report must add
/// up too. Inputs that do not decode skip the folder read: the folder reader refuses them by the same decoding,
/// and files cost about a hundred times the decoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let data = Data(bytes: start, count: count)
    let rollup: RangeRollup
    do {
        rollup = try RangeRollup(jsonData: data)
    } catch {
        return 0
    }
    guard rollup.addsUp else { violated("a decoded rollup does not add up: \(rollup)") }
    let again: RangeRollup
    do {
        again = try RangeRollup(jsonData: Data(rollup.jsonBytes))
    } catch {
        violated("a decoded rollup's own JSON is refused (\(error)):\n\(rollup.jsonText)")
    }
    guard again == rollup else { violated("a rollup changed through its JSON:\n\(rollup)\n---\n\(again)") }
    RollupFolder.shared.reset(feed: rollup.feed, contents: data)
    let read = DataFolderReader(localDays: RollupFolder.paris, declaredCampaigns: ["banner-119"])
        .read(folder: RollupFolder.shared.path)
    for report in read.files where report.rowsRead != report.rowsAccepted + report.rowsRejected {
        violated("\(report.file): \(report.rowsRead) read != \(report.rowsAccepted) + \(report.rowsRejected)")
    }
    for report in read.files where report.failure == nil && report.rollupFile != nil {
        // A rollup that is used gives its own accounting.
        guard report.rowsRead == rollup.rowsRead, report.rowsAccepted == rollup.rowsAccepted else {
            violated("\(report.file): the folder's report \(report) is not the rollup's accounting")
        }
    }
    return 0
}

/// Prints why an invariant does not hold and aborts, so that libFuzzer saves the input.
func violated(_ message: String) -> Never {
    FileHandle.standardError.write(Data("invariant violated: \(message)\n".utf8))
    abort()
}

/// The data folder the decoded rollups are written to: one per process, under `$TMPDIR` (which `Fuzz/run` sets
/// and cleans). It has no `campaigns.yaml`: `DataFolderReader` reads feeds only.
final class RollupFolder: Sendable {
    static let shared = RollupFolder()
    static let paris: LocalDayTable = {
        guard let table = LocalDayTable(timeZoneIdentifier: "Europe/Paris") else { violated("no Europe/Paris zone") }
        return table
    }()

    let path: String

    private init() {
        path = NSTemporaryDirectory() + "/awareness-fuzz-rollup-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Leaves exactly one feed folder, `feed`'s, holding the input as `events.csv.rollup.json`.
    func reset(feed: Feed, contents: Data) {
        for other in Feed.allCases {
            try? FileManager.default.removeItem(atPath: path + "/" + other.rawValue)
        }
        let feedFolder = path + "/" + feed.rawValue
        try? FileManager.default.createDirectory(atPath: feedFolder, withIntermediateDirectories: true)
        try? contents.write(to: URL(fileURLWithPath: feedFolder + "/events.csv" + RangeRollup.fileSuffix))
    }
}

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzRollup_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
