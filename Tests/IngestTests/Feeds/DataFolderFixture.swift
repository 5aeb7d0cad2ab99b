import Foundation
import Ingest

/// A data folder written to a temporary directory from file contents, removed when dropped.
final class DataFolderFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
        for (path, content) in files {
            try write(path, Data(content.utf8))
        }
    }

    func write(_ path: String, _ bytes: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    static let paris = LocalDayTable(timeZoneIdentifier: "Europe/Paris")

    func read(
        declaring campaigns: Set<String> = [], options: [Feed: FeedReadOptions] = [:],
        parallelism: IngestParallelism = .automatic
    ) throws -> IngestedData {
        guard let paris = Self.paris else { throw CocoaError(.featureUnsupported) }
        return DataFolderReader(
            localDays: paris, options: options, declaredCampaigns: campaigns, parallelism: parallelism
        ).read(folder: root.path)
    }
}
