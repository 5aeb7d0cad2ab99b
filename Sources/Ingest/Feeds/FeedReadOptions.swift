#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the files of one feed are read, from `campaigns.yaml` (`date_format:` and `encoding:` at the root, the feed's
/// entry under `feeds:`, and its `files:` patterns). The default reads each file in the date format its own dates
/// tell, as UTF-8 (DESIGN §3.2).
public struct FeedReadOptions: Sendable, Equatable {
    /// How the `date` column writes its days, or nil to tell it from each file's dates.
    public var dateFormat: DateFormat?
    /// The export's header name of each feed column that the export names otherwise (`calls` → `Appels reçus`).
    /// A column mapped is looked for under that name only, case-insensitively, and must be in every header.
    public var columns: [String: String]
    /// The character encoding of the files; UTF-8 files are checked, others converted to UTF-8 as they are read
    /// (but a file that is valid UTF-8 with characters beyond ASCII is read as UTF-8, with a note).
    public var encoding: TextEncoding
    /// Settings of the files whose names match a pattern (`feeds.<feed>.files:`), in the calendar's order: the
    /// first that matches a file wins over the feed's own settings.
    public var files: [FileSettings]

    /// Creates options; the defaults read a file as the feed's specification says.
    public init(
        dateFormat: DateFormat? = nil, columns: [String: String] = [:], encoding: TextEncoding = .utf8,
        files: [FileSettings] = []
    ) {
        self.dateFormat = dateFormat
        self.columns = columns
        self.encoding = encoding
        self.files = files
    }

    /// The settings of the files a pattern matches (`"historique_*.csv": { date_format: DD/MM/YYYY }`).
    public struct FileSettings: Sendable, Equatable {
        /// A shell pattern (`*`, `?`, `[…]`): matched against the file's name when it holds no `/`, against the
        /// file's path inside its feed folder otherwise (`dt=*/part-*.csv`), `*` never crossing a `/`.
        public var pattern: String
        /// The date format of the files, if set.
        public var dateFormat: DateFormat?
        /// The encoding of the files, if set.
        public var encoding: TextEncoding?

        /// Creates the settings of the files `pattern` matches.
        public init(pattern: String, dateFormat: DateFormat? = nil, encoding: TextEncoding? = nil) {
            self.pattern = pattern
            self.dateFormat = dateFormat
            self.encoding = encoding
        }

        /// Whether the pattern matches the file at `path` inside its feed folder.
        public func matches(_ path: String) -> Bool {
            let subject = pattern.contains("/") ? path : String(path.split(separator: "/").last ?? "")
            return fnmatch(pattern, subject, FNM_PATHNAME) == 0
        }
    }

    /// The options of the file at `path` inside the feed folder: the feed's, with the settings of the first
    /// pattern that matches it over them; `files` is left empty.
    public func resolved(forFile path: String) -> FeedReadOptions {
        var options = self
        options.files = []
        if let settings = files.first(where: { $0.matches(path) }) {
            if let format = settings.dateFormat { options.dateFormat = format }
            if let encoding = settings.encoding { options.encoding = encoding }
        }
        return options
    }
}
