import Foundation
import Reporting

/// The file a run writes into each folder it replaces (`awareness-night.json`): which tool wrote the folder, as
/// which of a night's folders, and which night it belongs to.
///
/// It is what makes a folder a run's own for the next run (``OutputOwnership``), and what shows that a reports
/// folder and a notebooks folder belong together: both carry the same ``night``, a SHA-256 of tonight's reports
/// and notebooks (the run manifest left out, whose run time changes every night), so that two runs on the same
/// inputs still write byte-identical folders.
public struct NightMark: Codable, Sendable, Equatable {
    /// The mark's file name inside each folder.
    public static let fileName = "awareness-night.json"
    /// The tool that wrote the folder; always ``toolName``.
    public let tool: String
    /// Which folder of the night: `reports` or `notebooks`.
    public let folder: String
    /// The night's identity, the same in both folders of one night (lowercase hexadecimal SHA-256).
    public let night: String

    /// The name every mark carries.
    public static let toolName = "awareness"

    /// Creates the mark of `role`'s folder for `night`.
    public init(role: OutputRole, night: String) {
        self.tool = Self.toolName
        self.folder = role.markName
        self.night = night
    }

    /// The night of a reports folder's `files` and a notebooks folder's, as ``night``: the SHA-256 of every file's
    /// path, length and contents in path order, the run manifest left out.
    public static func night(reports: [OutputFile], notebooks: [OutputFile]) -> String {
        var text = ""
        for (folder, files) in [("reports", reports), ("notebooks", notebooks)] {
            for file in files.sorted(by: { $0.path < $1.path }) where file.path != "run-manifest.json" {
                text += "\(folder)/\(file.path)\n\(file.contents.utf8.count)\n\(file.contents)\n"
            }
        }
        return SHA256Digest.hex(of: text)
    }

    /// The mark as written: JSON with sorted keys, two-space indented, ending with a line break.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The mark in the folder at `path`, or nil when it has none or one that does not parse.
    public static func read(inFolder path: String) -> NightMark? {
        let file = (path as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(NightMark.self, from: data)
    }
}

extension OutputRole {
    /// The role's name in a ``NightMark``.
    var markName: String {
        switch self {
        case .reports: "reports"
        case .notebooks: "notebooks"
        case .diagnostics: "diagnostics"
        }
    }
}
