import Foundation
import Ingest

/// The folder `awareness sample-data` is asked to write into, checked before anything is written, so that the
/// synthetic sample never lands where the user did not ask for it: never into a folder that already holds
/// something, unless forced, and never beside real feeds, even when forced.
public struct SampleDataDestination: Sendable, Equatable {
    /// The folder, as given.
    public let path: String
    /// The files the sample would write, relative to the folder (`helpline_calls/helpline_calls_2019.csv`).
    public let paths: [String]

    /// Why a folder is not written into.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path exists and is not a folder.
        case notAFolder(path: String)
        /// The folder exists and holds something, and writing over it was not forced.
        case notEmpty(path: String)
        /// A feed folder holds a file the sample would not write over: real data the sample would mix with.
        case besideRealFeed(path: String)

        /// The path concerned.
        public var path: String {
            switch self {
            case .notAFolder(let path), .notEmpty(let path), .besideRealFeed(let path): path
            }
        }

        /// `path: reason`, as the command prints after `error: `.
        public var description: String {
            switch self {
            case .notAFolder(let path):
                "\(path): exists and is not a folder; sample-data writes into a new or empty folder"
            case .notEmpty(let path):
                "\(path): the folder exists and is not empty; sample-data writes only into a new or empty folder "
                    + "(--force writes over an earlier sample in it)"
            case .besideRealFeed(let path):
                "\(path): a feed file that sample-data does not write; the sample is never written beside real "
                    + "feeds, even with --force"
            }
        }
    }

    /// The bytes free to an unprivileged writer on the file system that holds `path`, or that will hold it once
    /// created (the nearest folder above it that exists), from statvfs(3); nil when none can be asked.
    public static func freeBytes(at path: String) -> Int? {
        var candidate = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: candidate.path) {
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
        var info = statvfs()
        guard statvfs(candidate.path, &info) == 0 else { return nil }
        let (bytes, overflow) = Int(clamping: info.f_bavail).multipliedReportingOverflow(
            by: Int(clamping: info.f_frsize))
        return overflow ? .max : bytes
    }

    /// The destination `path` of the files `paths` (relative to it).
    public init(path: String, paths: [String]) {
        self.path = path
        self.paths = paths
    }

    /// Checks the folder: it may be absent (it is created) or empty; with `force`, it may also hold an earlier
    /// sample, as long as no feed folder in it holds an entry the sample does not write (the entries the reader
    /// accounts for, as `DataFolderReader.feedFiles(in:)` lists them). Throws the first refusal, feed folders and
    /// their entries in name order.
    public func check(force: Bool) throws(Refusal) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .notAFolder(path: path) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        guard force else { throw .notEmpty(path: path) }
        let written = Set(paths)
        for feed in Feed.allCases.map(\.rawValue).sorted() {
            let folder = (path as NSString).appendingPathComponent(feed)
            for name in DataFolderReader.feedFiles(in: folder) where !written.contains("\(feed)/\(name)") {
                throw .besideRealFeed(path: (folder as NSString).appendingPathComponent(name))
            }
        }
    }
}
