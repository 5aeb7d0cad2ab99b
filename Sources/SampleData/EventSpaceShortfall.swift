/// Why `sample-data --events` writes nothing: the events need more disk space than the output folder's file system
/// has free. Decided before a byte is written, so that a count within ``EventFeedWriter/maximumEvents`` still never
/// fills a disk; the command line words it and exits with status 3.
public struct EventSpaceShortfall: Error, Sendable, Equatable {
    /// The impression rows asked for.
    public let events: Int
    /// The bytes they take with their clicks, at most (``EventFeedWriter/estimatedBytes(events:)``).
    public let needed: Int
    /// The bytes free to the writer on the file system that will hold them.
    public let free: Int

    /// Creates the shortfall of `events` rows needing `needed` bytes where `free` are free.
    public init(events: Int, needed: Int, free: Int) {
        self.events = events
        self.needed = needed
        self.free = free
    }

    /// Throws the shortfall when `events` rows need more than `freeBytes`; exactly as many bytes as needed is
    /// enough. `freeBytes` nil (the file system could not be asked) refuses nothing: the writer still stops on a
    /// full disk with the system's error.
    public static func check(events: Int, freeBytes: Int?) throws(EventSpaceShortfall) {
        guard let freeBytes else { return }
        let needed = EventFeedWriter.estimatedBytes(events: events)
        guard needed <= freeBytes else { throw EventSpaceShortfall(events: events, needed: needed, free: freeBytes) }
    }
}
