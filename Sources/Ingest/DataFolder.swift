import Foundation

/// A data folder read whole: its campaign calendar and its feeds.
public struct DataFolder: Sendable {
    /// The folder's path as given.
    public let path: String
    /// The parsed `campaigns.yaml`.
    public let calendar: CampaignCalendar
    /// The feeds' rows and the account of every file.
    public let data: IngestedData
    /// The SHA-256 of the bytes `campaigns.yaml` was parsed from, for the run manifest; nil only when libcrypto
    /// could not compute it (out of memory).
    public var calendarSHA256: String? = nil

    /// Why a data folder could not be read at all.
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder does not exist or is not a folder.
        case folderNotFound(String)
        /// `campaigns.yaml` is missing, unreadable or invalid.
        case calendar(CampaignCalendarError)

        /// `path: message`, as printed after `error: `.
        public var description: String {
            switch self {
            case .folderNotFound(let path): return "\(path): no such data folder"
            case .calendar(let error): return error.description
            }
        }

        /// Whether the failure is one of input/output (exit status 3) rather than of configuration (2).
        public var isIOError: Bool {
            switch self {
            case .folderNotFound: return false
            case .calendar(let error): return error.isIOError
            }
        }
    }

    /// The campaign-calendar file of a data folder.
    public static let calendarFileName = "campaigns.yaml"

    /// The path of the campaign calendar of the data folder at `folder`.
    public static func calendarPath(in folder: String) -> String {
        (folder as NSString).appendingPathComponent(calendarFileName)
    }

    /// Reads `campaigns.yaml` then every feed of `path`; `onFile` is called before each feed file, and
    /// `progress`, when given, counts the bytes and rows read. `digestsInputs` (for the run manifest) hashes each
    /// file from the descriptor it was read from (``DataFolderReader/digestsInputs``).
    public static func load(
        path: String, onFile: (String) -> Void = { _ in }, progress: ReadProgress? = nil, digestsInputs: Bool = true
    ) throws(LoadError) -> DataFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderNotFound(path)
        }
        let calendarPath = calendarPath(in: path)
        let calendar: CampaignCalendar
        let calendarBytes: Data
        do {
            (calendar, calendarBytes) = try CampaignCalendar.read(contentsOf: calendarPath)
        } catch {
            throw .calendar(error)
        }
        guard let localDays = LocalDayTable(timeZoneIdentifier: calendar.timeZoneIdentifier) else {
            throw .calendar(
                CampaignCalendarError(
                    file: calendarPath, line: nil, column: nil, keyPath: "timezone",
                    message: "\"\(calendar.timeZoneIdentifier)\" is not a known time zone"))
        }
        let declared = Set(calendar.campaigns.flatMap(\.banners))
        let reader = DataFolderReader(
            localDays: localDays, delimiter: calendar.delimiter, options: calendar.feedOptions,
            declaredCampaigns: declared, progress: progress, digestsInputs: digestsInputs)
        var folder = DataFolder(path: path, calendar: calendar, data: reader.read(folder: path, onFile: onFile))
        folder.calendarSHA256 = Self.sha256(of: calendarBytes)
        return folder
    }

    /// The SHA-256 of `bytes` as lowercase hexadecimal, nil when libcrypto fails.
    private static func sha256(of bytes: Data) -> String? {
        guard let hasher = SHA256Hasher() else { return nil }
        let updated = bytes.withUnsafeBytes { hasher.update($0) }
        guard updated, let digest = hasher.finalize() else { return nil }
        return SHA256Hasher.hex(digest)
    }
}
