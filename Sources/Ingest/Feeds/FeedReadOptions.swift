/// How the files of one feed are read, from `campaigns.yaml` (`date_format:` at the root, and the feed's entry
/// under `feeds:`). The default reads files as the feeds' own specification says (DESIGN §3.2).
public struct FeedReadOptions: Sendable, Equatable {
    /// How the `date` column writes its days.
    public var dateFormat: DateFormat

    /// Creates options; the defaults read a file as the feed's specification says.
    public init(dateFormat: DateFormat = .yearMonthDay) {
        self.dateFormat = dateFormat
    }
}
