/// An entry of a feed folder (or of a folder inside it) that is not a delivery but something other programs leave
/// beside one: an Office lock file, a hidden file or folder, a Windows thumbnail cache or folder settings, the marker
/// a Spark or Hadoop job writes when it has finished; or a folder with nothing in it. It is not read and not refused; it is
/// listed once, in `validate`'s output and in the run manifest, so that nothing in a feed folder goes unmentioned.
public struct SkippedFile: Sendable, Equatable {
    /// What kind of leftover an entry is, told by its name alone.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// `~$report.xlsx`, `~$calls.csv`: the lock file Microsoft Office keeps beside a file it has open.
        case officeLockFile = "office_lock_file"
        /// A name starting with `.` (`.DS_Store`, `._calls.csv`, `.~lock.calls.csv#`): hidden by file browsers.
        case hidden
        /// `Thumbs.db`, any case: the thumbnail cache Windows Explorer writes into folders.
        case thumbnailCache = "thumbnail_cache"
        /// `desktop.ini`, any case: the folder settings Windows Explorer writes.
        case folderSettings = "folder_settings"
        /// `_SUCCESS`: the empty file a Spark or Hadoop job writes into a folder of its output once it has finished.
        case jobMarker = "job_marker"
        /// A folder inside a feed folder with no entry at all (told by listing it, not by its name): an export that
        /// wrote nothing there, listed so that it is seen.
        case emptyFolder = "empty_folder"

        /// The reason an entry named `name` is skipped, or nil when it is accounted for as a feed file (read, or
        /// refused by name). Office lock files are told before hidden ones; `Thumbs.db` and `desktop.ini` are
        /// matched without regard to case, as Windows names them; `_SUCCESS` as the jobs write it.
        public init?(name: String) {
            if name.hasPrefix("~$") {
                self = .officeLockFile
            } else if name.hasPrefix(".") {
                self = .hidden
            } else if name == "_SUCCESS" {
                self = .jobMarker
            } else {
                switch name.lowercased() {
                case "thumbs.db": self = .thumbnailCache
                case "desktop.ini": self = .folderSettings
                default: return nil
                }
            }
        }
    }

    /// The feed folder the entry is in.
    public let feed: Feed
    /// The path relative to the data folder (`helpline_calls/~$calls.csv`, `impressions/dt=2021-01-05/_SUCCESS`).
    public let file: String
    /// Why it is skipped.
    public let reason: Reason

    /// Creates the record of a skipped entry.
    public init(feed: Feed, file: String, reason: Reason) {
        self.feed = feed
        self.file = file
        self.reason = reason
    }
}
