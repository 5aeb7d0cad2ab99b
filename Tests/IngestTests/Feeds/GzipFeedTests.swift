import Foundation
import Ingest
import Testing

/// gzip-compressed feeds: read through zlib as they stream, with the rows, rejects and line numbers of the same
/// text uncompressed; a file cut short or corrupt is refused with the line where its readable text stops.
@Suite("gzip-compressed feeds")
struct GzipFeedTests {
    static let awarenessTests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AwarenessTests")

    /// Every data folder of the end-to-end fixtures and of the bad-input corpus that holds a `.csv` feed file, none
    /// of them compressed already, and no rollup (a rollup names its file by its uncompressed name).
    static let dataFolders: [String] = {
        let corpus = awarenessTests.appendingPathComponent("BadInput/cases")
        let cases = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
            .map { "BadInput/cases/\($0)" }
        return (["Fixtures/good", "Fixtures/bad"] + cases).filter { name in
            let folder = awarenessTests.appendingPathComponent(name)
            let files = feedFiles(in: folder)
            let hasRollup = Feed.allCases.contains { feed in
                DataFolderReader.feedFiles(in: folder.appendingPathComponent(feed.rawValue).path)
                    .contains(where: DataFolderReader.isRollup)
            }
            return !files.isEmpty && !hasRollup
                && !files.contains { path in
                    let bytes = try? Data(contentsOf: folder.appendingPathComponent(path))
                    return bytes?.starts(with: [0x1F, 0x8B]) == true
                }
        }
    }()

    /// The `.csv` files of the feed folders of `folder`, relative to it.
    static func feedFiles(in folder: URL) -> [String] {
        Feed.allCases.flatMap { feed in
            DataFolderReader.feedFiles(in: folder.appendingPathComponent(feed.rawValue).path)
                .filter { $0.hasSuffix(".csv") }.map { "\(feed.rawValue)/\($0)" }
        }
    }

    /// The bytes of `file` compressed by `gzip -n` (no name or time stamp in the header).
    static func gzip(_ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-n", "-c", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return bytes
    }

    /// A copy of data folder `name` under `root`, its feed files compressed: renamed `.csv.gz`, or left named
    /// `.csv` when `keepingNames`.
    static func compressedCopy(of name: String, into root: URL, keepingNames: Bool) throws -> URL {
        let source = awarenessTests.appendingPathComponent(name)
        let target = root.appendingPathComponent(keepingNames ? "named-csv" : "csv-gz")
        try FileManager.default.copyItem(at: source, to: target)
        for path in feedFiles(in: target) {
            let file = target.appendingPathComponent(path)
            let compressed = try gzip(file)
            // The original's modification time, which bounds the dates a file may hold (a date beyond it is rejected
            // with it in its reason).
            let original = source.appendingPathComponent(path).path
            let modified = try FileManager.default.attributesOfItem(atPath: original)[.modificationDate]
            try FileManager.default.removeItem(at: file)
            let written = keepingNames ? file : file.appendingPathExtension("gz")
            try compressed.write(to: written)
            if let modified {
                try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: written.path)
            }
        }
        return target
    }

    static func read(_ folder: URL, parallelism: IngestParallelism = .automatic) throws -> IngestedData {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        return DataFolderReader(localDays: paris, declaredCampaigns: ["banner-119"], parallelism: parallelism)
            .read(folder: folder.path)
    }

    /// Everything a read accounts for but the sizes of the files on disk, with `.csv.gz` names written `.csv`.
    /// Banner rows are compared apart: their shared keys print without their fields.
    static func account(_ data: IngestedData) -> String {
        var copy = data
        copy.files = copy.files.map { report in
            var report = report
            report.byteCount = 0
            report.sha256 = nil
            return report
        }
        copy.impressions = []
        copy.clicks = []
        return String(describing: copy).replacingOccurrences(of: ".csv.gz", with: ".csv")
    }

    /// `reject` with a `.csv.gz` file name written `.csv`, as the uncompressed folder names it.
    static func renamed(_ reject: RejectedRow) -> RejectedRow {
        RejectedRow(
            file: reject.file.replacingOccurrences(of: ".csv.gz", with: ".csv"), line: reject.line,
            column: reject.column, value: reject.value, reason: reject.reason, record: reject.record)
    }

    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theFixturesAreFound() {
        #expect(Self.dataFolders.count >= 30)
        #expect(Self.dataFolders.contains("Fixtures/good"))
    }

    @Test(arguments: dataFolders)
    func readsEachFixtureCompressedAsItReadsItUncompressed(name: String) throws {
        let scratch = try Scratch()
        let plain = try Self.read(Self.awarenessTests.appendingPathComponent(name))
        for keepingNames in [false, true] {
            let folder = try Self.compressedCopy(of: name, into: scratch.root, keepingNames: keepingNames)
            // Read whole, and decompressed in parts of 64 bytes parsed on other cores.
            for parallelism in [IngestParallelism.automatic, IngestParallelism(parts: 8, minimumPartSize: 64)] {
                let compressed = try Self.read(folder, parallelism: parallelism)
                let label = "named .csv: \(keepingNames), parts of \(parallelism.minimumPartSize)"
                #expect(Self.account(compressed) == Self.account(plain), "\(label)")
                #expect(compressed.impressions == plain.impressions, "\(label)")
                #expect(compressed.clicks == plain.clicks, "\(label)")
                #expect(compressed.rejects.map(Self.renamed) == plain.rejects, "\(label)")
            }
        }
    }

    /// Some rows, some of them bad, and a quoted newline, so that lines and records differ.
    static let text: String = {
        var text = "date,helpline,calls,answered\n"
        for day in 1...28 {
            let calls = day % 9 == 0 ? "-\(day)" : "\(700 + day)"
            let answered = day == 14 ? "\"6\n00\"" : "\(600 + day)"
            text += "2020-02-\(day < 10 ? "0" : "")\(day),119,\(calls),\(answered)\n"
        }
        return text
    }()

    /// A folder with `helpline_calls/calls.csv.gz` holding `bytes`, read.
    static func readCalls(_ bytes: Data, in scratch: Scratch) throws -> IngestedData {
        let feed = scratch.root.appendingPathComponent("data/helpline_calls")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        try bytes.write(to: feed.appendingPathComponent("calls.csv.gz"))
        return try read(scratch.root.appendingPathComponent("data"))
    }

    static func compressed(_ text: String, in scratch: Scratch) throws -> Data {
        let file = scratch.root.appendingPathComponent("text-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        return try gzip(file)
    }

    @Test func aFileCutShortIsRefusedWithTheLineWhereItsTextStops() throws {
        let scratch = try Scratch()
        // Text that compresses poorly (counts from a linear congruential sequence), so that the cut falls in the
        // middle of the rows.
        var state: UInt64 = 20_200_504
        var text = "date,helpline,calls\n"
        for day in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += "\(CivilDate(daysSinceEpoch: 17_897 + day)),119,\(state >> 40)\n"
        }
        let whole = try Self.compressed(text, in: scratch)
        let data = try Self.readCalls(whole.prefix(whole.count / 2), in: scratch)
        let report = try #require(data.files.first)
        let failure = try #require(report.failure)
        #expect(!failure.isIOError)
        #expect(failure.csvProblem?.caseName == "gzipTruncated")
        let line = try #require(failure.line)
        #expect(line > 100 && line < 2001)
        // Every complete row before the line where the text stops was read, and counts as rejected.
        #expect(report.rowsRead == line - 2)
        #expect(report.rowsRejected == report.rowsRead)
        #expect(
            NightVerdict(data: data, lastNight: nil, maxRejectRate: 1, maxFileRejectRate: 1).dataVerdict == .problems)
    }

    @Test func aWrongChecksumIsRefusedAfterTheLastLine() throws {
        let scratch = try Scratch()
        var bytes = try Self.compressed(Self.text, in: scratch)
        bytes[bytes.count - 8] ^= 0xFF
        let report = try #require(try Self.readCalls(bytes, in: scratch).files.first)
        let failure = try #require(report.failure)
        #expect(failure.line == 31)
        #expect(failure.csvProblem?.caseName == "gzipCorrupt")
        if case .gzipCorrupt(_, let zlib)? = failure.csvProblem { #expect(zlib == "incorrect data check") }
        #expect(report.rowsRead == 28)
    }

    @Test func bytesAfterTheGzipDataAreRefused() throws {
        let scratch = try Scratch()
        let bytes = try Self.compressed(Self.text, in: scratch) + Data("trailing text\n".utf8)
        let failure = try #require(try Self.readCalls(bytes, in: scratch).files.first?.failure)
        #expect(failure.line == 31)
        #expect(failure.csvProblem?.caseName == "gzipTrailingBytes")
    }

    @Test func aHeaderThatIsNotGzipDataIsRefusedAtLine1() throws {
        let scratch = try Scratch()
        let bytes = Data([0x1F, 0x8B, 0x08, 0xFF]) + Data(repeating: 0x41, count: 40)
        let failure = try #require(try Self.readCalls(bytes, in: scratch).files.first?.failure)
        #expect(failure.line == 1)
        #expect(!failure.isIOError)
        #expect(failure.csvProblem?.caseName == "gzipCorrupt")
    }

    @Test func readsTheMembersOfAConcatenatedFileAsOneText() throws {
        let scratch = try Scratch()
        let lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines[..<10].joined(separator: "\n") + "\n"
        let rest = lines[10...].joined(separator: "\n")
        let bytes = try Self.compressed(first, in: scratch) + Self.compressed(rest, in: scratch)
        let joined = try Self.readCalls(bytes, in: scratch)
        let plain = try DataFolderFixture(["helpline_calls/calls.csv": Self.text]).read(declaring: ["banner-119"])
        #expect(Self.account(joined) == Self.account(plain))
        #expect(joined.files.first?.rowsRead == 28)
        #expect(joined.rejects.map(\.line) == plain.rejects.map(\.line))
        #expect(joined.rejects.count == 4)
    }

    @Test func aLargeCompressedFileIsReadWholeAsTheCutPlainFileIs() throws {
        let scratch = try Scratch()
        var text = "timestamp,campaign,placement\n"
        for minute in 0..<20_000 {
            text +=
                "2020-05-\(4 + minute / 1440)T\(minute / 60 % 24 < 10 ? "0" : "")\(minute / 60 % 24):"
                + "\(minute % 60 < 10 ? "0" : "")\(minute % 60):00Z,banner-119,\(minute % 3 == 0 ? "search" : "\"disc\nover\"")\n"
        }
        let parts = IngestParallelism(parts: 8, minimumPartSize: 16 << 10)
        let plainFolder = try DataFolderFixture(["impressions/events.csv": text])
        let plain = try Self.read(plainFolder.root, parallelism: parts)
        let feed = scratch.root.appendingPathComponent("data/impressions")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        try Self.gzip(plainFolder.root.appendingPathComponent("impressions/events.csv"))
            .write(to: feed.appendingPathComponent("events.csv.gz"))
        let compressed = try Self.read(scratch.root.appendingPathComponent("data"), parallelism: parts)
        #expect(plain.files.first?.rowsRead == 20_000)
        #expect(Self.account(compressed) == Self.account(plain))
        #expect(compressed.impressions == plain.impressions)
    }

    @Test func aFileNamedCsvGzThatIsPlainTextIsReadAsText() throws {
        let scratch = try Scratch()
        let data = try Self.readCalls(Data(Self.text.utf8), in: scratch)
        #expect(data.files.first?.failure == nil)
        #expect(data.files.first?.rowsRead == 28)
    }

    @Test(arguments: ["calls.gz", "calls.txt.gz", "calls.tar.gz"])
    func otherGzipNamesAreRefusedByName(name: String) {
        #expect(DataFolderReader.refusalOfName(name) == .gzipNameWithoutCSV)
        #expect(DataFolderReader.refusalOfName("calls.csv.gz") == nil)
        #expect(DataFolderReader.refusalOfName("CALLS.CSV.GZ") == nil)
    }
}
