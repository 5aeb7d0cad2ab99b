import Foundation
import FuzzDriver
import Ingest

/// libFuzzer entry point over the CSV reader and feed validation, in memory: no file is written or opened.
///
/// The first input byte picks the feed (its low seven bits modulo the number of feeds, in `Feed.allCases` order)
/// and, with bit 7, a small well-formed second file after the input; the rest is that feed's file `a.csv`. The
/// files are read twice by `DataFolderReader.read(files:)`, as a data folder holding them would be: start to
/// end, and cut into up to three parts of 64 bytes or more, and the invariants of DESIGN §6 are checked. A
/// violated invariant aborts, which libFuzzer records as a crash with its input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let selector = start[0]
    // The low seven bits pick the feed, so that every feed is reached whatever their number; bit 7 is the flag.
    let feed = Feed.allCases[Int(selector & 0x7F) % Feed.allCases.count]
    var files = [
        DataFolderReader.FileBytes(
            feed: feed, name: "a.csv", bytes: Array(UnsafeBufferPointer(start: start + 1, count: count - 1)))
    ]
    if selector & 0x80 != 0 {
        files.append(DataFolderReader.FileBytes(feed: feed, name: "b.csv", bytes: Array(validFile(feed).utf8)))
    }
    let whole = Readers.whole.read(files: files)
    let parts = Readers.parts.read(files: files)
    for report in whole.files + parts.files where report.rowsRead != report.rowsAccepted + report.rowsRejected {
        violated("\(report.file): \(report.rowsRead) read != \(report.rowsAccepted) + \(report.rowsRejected)")
    }
    for report in whole.files where report.rowsRead < 0 || report.rowsAccepted < 0 || report.rowsRejected < 0 {
        violated("\(report.file): negative count \(report)")
    }
    let listed = Dictionary(grouping: whole.rejects, by: \.file).mapValues(\.count)
    for report in whole.files where listed[report.file, default: 0] > report.rowsRejected {
        violated("\(report.file): more rejects listed than counted")
    }
    if whole != parts {
        violated("a read in parts differs from a whole read:\n\(whole)\n---\n\(parts)")
    }
    return 0
}

/// Prints why an invariant does not hold and aborts, so that libFuzzer saves the input.
func violated(_ message: String) -> Never {
    FileHandle.standardError.write(Data("invariant violated: \(message)\n".utf8))
    abort()
}

/// The two readers every input goes through, made once: the calendar's zone and its one banner campaign, files
/// read start to end or cut into up to three parts. No digest: it is a pass over the same bytes, and the manifest
/// is not fuzzed here.
enum Readers {
    static let paris: LocalDayTable = {
        guard let table = LocalDayTable(timeZoneIdentifier: "Europe/Paris") else { violated("no Europe/Paris zone") }
        return table
    }()
    static let whole = DataFolderReader(
        localDays: paris, declaredCampaigns: ["banner-119"], parallelism: .sequential, digestsInputs: false)
    static let parts = DataFolderReader(
        localDays: paris, declaredCampaigns: ["banner-119"],
        parallelism: IngestParallelism(parts: 3, minimumPartSize: 64), digestsInputs: false)
}

/// A small well-formed file of `feed`, read after the input when the first byte's bit 7 is set, so that what a
/// fuzzed file leaves behind (its keys, restated days) meets a file after it.
func validFile(_ feed: Feed) -> String {
    switch feed {
    case .impressions, .clicks: return "date,campaign,placement,\(feed.rawValue)\n2020-05-04,banner-119,search,7\n"
    case .banners: return "date,campaign,placement,impressions,clicks\n2020-05-04,banner-119,search,70,7\n"
    case .hashtagVideos: return "date,hashtag,videos,views\n2020-05-04,#119,3,40\n"
    case .helplineCalls: return "date,helpline,calls,answered\n2020-05-04,119,812,700\n"
    }
}

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzCSV_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
