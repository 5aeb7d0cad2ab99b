/// How the files of one feed are read, from `campaigns.yaml` (`date_format:` at the root, and the feed's entry
/// under `feeds:`). The default reads files as the feeds' own specification says (DESIGN §3.2).
public struct FeedReadOptions: Sendable, Equatable {
    /// How the `date` column writes its days.
    public var dateFormat: DateFormat
    /// The export's header name of each feed column that the export names otherwise (`calls` → `Appels reçus`).
    /// A column mapped is looked for under that name only, case-insensitively, and must be in every header.
    public var columns: [String: String]
    /// The character encoding of the files; UTF-8 files are checked, others converted to UTF-8 as they are read.
    public var encoding: TextEncoding

    /// Creates options; the defaults read a file as the feed's specification says.
    public init(
        dateFormat: DateFormat = .yearMonthDay, columns: [String: String] = [:], encoding: TextEncoding = .utf8
    ) {
        self.dateFormat = dateFormat
        self.columns = columns
        self.encoding = encoding
    }
}
