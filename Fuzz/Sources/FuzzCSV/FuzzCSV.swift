import Foundation
import FuzzDriver
import Ingest

/// libFuzzer entry point over the CSV reader and feed validation.
///
/// The first input byte picks the feed (and whether a second, well-formed file follows); the rest is written as
/// that feed's file in a data folder of this process. The folder is read twice, by `DataFolder.load` (files read
/// start to end) and by a `DataFolderReader` forced to cut every file of 128 bytes or more into up to three
/// parts, and the invariants of DESIGN §6 are checked. A violated invariant aborts, which libFuzzer records as
/// a crash with its input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let selector = start[0]
    // The low seven bits pick the feed, so that every feed is reached whatever their number; bit 7 is the flag.
    let feed = Feed.allCases[Int(selector & 0x7F) % Feed.allCases.count]
    let contents = Data(bytes: start + 1, count: count - 1)
    FuzzFolder.shared.reset(feed: feed, contents: contents, withSecondFile: selector & 0x80 != 0)
    let folder = FuzzFolder.shared.path
    let whole: IngestedData
    do {
        whole = try DataFolder.load(path: folder).data
    } catch {
        violated("the fuzz folder's campaigns.yaml was refused: \(error)")
    }
    let parts = DataFolderReader(
        localDays: FuzzFolder.paris, declaredCampaigns: ["banner-119"],
        parallelism: IngestParallelism(parts: 3, minimumPartSize: 64)
    ).read(folder: folder)
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

/// The data folder the inputs are written to: one per process, under `$TMPDIR` (which `Fuzz/run` sets and cleans).
final class FuzzFolder: Sendable {
    static let shared = FuzzFolder()
    static let paris: LocalDayTable = {
        guard let table = LocalDayTable(timeZoneIdentifier: "Europe/Paris") else { violated("no Europe/Paris zone") }
        return table
    }()

    let path: String

    private init() {
        path = NSTemporaryDirectory() + "/awareness-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        let calendar = """
            timezone: Europe/Paris
            language: en
            holidays: FR
            campaigns:
              - id: banner-119
                name: "Bannière 119"
                start: 2020-05-04
                end: 2020-05-17
                helplines: ["119"]
                hashtags: ["#119"]

            """
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try? Data(calendar.utf8).write(to: URL(fileURLWithPath: path + "/campaigns.yaml"))
    }

    /// Leaves exactly one feed folder holding the input as `a.csv`, and a small valid `b.csv` after it when asked.
    func reset(feed: Feed, contents: Data, withSecondFile: Bool) {
        for other in Feed.allCases {
            try? FileManager.default.removeItem(atPath: path + "/" + other.rawValue)
        }
        let feedFolder = path + "/" + feed.rawValue
        try? FileManager.default.createDirectory(atPath: feedFolder, withIntermediateDirectories: true)
        try? contents.write(to: URL(fileURLWithPath: feedFolder + "/a.csv"))
        if withSecondFile {
            try? Data(Self.validFile(feed).utf8).write(to: URL(fileURLWithPath: feedFolder + "/b.csv"))
        }
    }

    private static func validFile(_ feed: Feed) -> String {
        switch feed {
        case .impressions, .clicks: return "date,campaign,placement,\(feed.rawValue)\n2020-05-04,banner-119,search,7\n"
        case .banners: return "date,campaign,placement,impressions,clicks\n2020-05-04,banner-119,search,70,7\n"
        case .hashtagVideos: return "date,hashtag,videos,views\n2020-05-04,#119,3,40\n"
        case .helplineCalls: return "date,helpline,calls,answered\n2020-05-04,119,812,700\n"
        }
    }
}

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzCSV_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
