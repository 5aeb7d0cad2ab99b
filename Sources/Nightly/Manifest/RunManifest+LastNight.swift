import Foundation
import Ingest
import Reporting

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
        if case .read(let lastNight) = lastNightManifest(inReports: reportsPath) { return lastNight }
        return nil
    }

    /// What became of the manifest of the last night that wrote the reports folder at `reportsPath`.
    public enum LastNightManifest: Sendable, Equatable {
        /// There is none: the first night, or a reports folder that `run` did not write.
        case absent
        /// It was read.
        case read(LastNight)
        /// It is there but could not be read or decoded: tonight is not compared with last night, which is said.
        case unusable(path: String)
    }

    /// Last night's manifest in the reports folder at `reportsPath`, read as ``lastNight(inReports:)`` reads it,
    /// telling a missing manifest from one that is there but unusable.
    public static func lastNightManifest(inReports reportsPath: String) -> LastNightManifest {
        let path = (reportsPath as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .absent }
        guard let bytes = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(InputsOnly.self, from: bytes)
        else { return .unusable(path: path) }
        var files = Set<String>()
        var rows: [Feed: Int] = [:]
        for input in manifest.inputs {
            files.insert(input.path)
            if let rolledUp = input.rollupOf { files.insert(rolledUp) }
            // A feed this version does not know (renamed or dropped since) cannot vanish tonight.
            guard let feed = input.feed.flatMap(Feed.init(rawValue:)) else { continue }
            rows[feed, default: 0] += max(0, input.rowsAccepted ?? 0)
        }
        return .read(LastNight(files: files, rowsAccepted: rows))
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
