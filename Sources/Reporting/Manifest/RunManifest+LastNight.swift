import Foundation
import Ingest

extension RunManifest {
    /// The name of the manifest in a reports folder.
    public static let fileName = "run-manifest.json"

    /// What the last night that wrote the reports folder at `reportsPath` read, from its `run-manifest.json`; nil
    /// when there is none or it cannot be read or decoded.
    ///
    /// Read defensively: a manifest that is missing, unreadable or truncated means no history, never a stopped
    /// night (the verdict then treats every file as new and no feed as vanished). Only the inputs' paths, feeds and
    /// accepted rows are read, so a manifest of an earlier version, without the keys added since, still counts.
    public static func lastNight(inReports reportsPath: String) -> LastNight? {
        let path = (reportsPath as NSString).appendingPathComponent(fileName)
        guard let bytes = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(InputsOnly.self, from: bytes)
        else { return nil }
        var files = Set<String>()
        var rows: [Feed: Int] = [:]
        for input in manifest.inputs {
            files.insert(input.path)
            if let rolledUp = input.rollupOf { files.insert(rolledUp) }
            // A feed this version does not know (renamed or dropped since) cannot vanish tonight.
            guard let feed = input.feed.flatMap(Feed.init(rawValue:)) else { continue }
            rows[feed, default: 0] += max(0, input.rowsAccepted ?? 0)
        }
        return LastNight(files: files, rowsAccepted: rows)
    }

    /// The part of a manifest the verdict reads.
    private struct InputsOnly: Decodable {
        struct Input: Decodable {
            let path: String
            let feed: String?
            let rowsAccepted: Int?
            let rollupOf: String?

            enum CodingKeys: String, CodingKey {
                case path, feed
                case rowsAccepted = "rows_accepted"
                case rollupOf = "rollup_of"
            }
        }

        let inputs: [Input]
    }
}
