import Foundation
import FuzzDriver
import Ingest

/// libFuzzer entry point over the rollup reader (DESIGN §3.5): the input is the text of a `*.rollup.json` file.
///
/// Every input is decoded by `RangeRollup(jsonData:)`; a `RollupFormatError` is an expected outcome, and a crash or
/// sanitizer report a finding. A rollup that decodes must add up, and must come back equal when its own JSON is
/// decoded again (the writer and the reader agree on every key and reason). It is then read in memory by
/// `DataFolderReader` as `events.csv.rollup.json` in its feed's folder, as a night would read it: the report must
/// add up, and a rollup that is used gives its own accounting. Inputs that do not decode skip the folder read:
/// the folder reader refuses them by the same decoding.
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
    let read = reader.read(files: [
        DataFolderReader.FileBytes(
            feed: rollup.feed, name: "events.csv" + RangeRollup.fileSuffix,
            bytes: Array(UnsafeBufferPointer(start: start, count: count)))
    ])
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

/// The reader of every input, made once: the calendar's zone and its one banner campaign.
let reader: DataFolderReader = {
    guard let paris = LocalDayTable(timeZoneIdentifier: "Europe/Paris") else { violated("no Europe/Paris zone") }
    return DataFolderReader(localDays: paris, declaredCampaigns: ["banner-119"], digestsInputs: false)
}()

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzRollup_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
