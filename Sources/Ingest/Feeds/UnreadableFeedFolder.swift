/// A feed folder that exists but whose entries could not be listed (permissions, an I/O error on a network share).
///
/// It is never read as an empty folder: a night that cannot see a feed's files cannot tell whether they are there,
/// so the night is an I/O failure and last night's outputs are kept (DESIGN §2).
public struct UnreadableFeedFolder: Sendable, Equatable {
    /// The feed whose folder it is.
    public let feed: Feed
    /// The folder's path relative to the data folder (`helpline_calls`).
    public let folder: String
    /// Why it could not be listed: `strerror`'s text (`Permission denied`).
    public let system: String

    /// Creates the record of a folder that could not be listed.
    public init(feed: Feed, folder: String, system: String) {
        self.feed = feed
        self.folder = folder
        self.system = system
    }
}
