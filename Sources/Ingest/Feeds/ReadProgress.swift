import Foundation

/// Counts the bytes and rows a data-folder read has gone through, from every thread that reads, and passes a
/// snapshot to an observer at most once per `interval`.
///
/// Readers call `add(bytes:rows:)` once per block (1 MiB), so the lock is taken a few thousand times per
/// gigabyte, never per row.
public final class ReadProgress: @unchecked Sendable {
    /// The state of a read at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Bytes of feed files read so far.
        public var bytesRead: Int
        /// Bytes of all the feed files to read (known before the first is opened).
        public var totalBytes: Int
        /// Rows read so far (headers not counted).
        public var rows: Int
        /// Seconds since the read started.
        public var elapsed: Double

        /// Creates a snapshot.
        public init(bytesRead: Int, totalBytes: Int, rows: Int, elapsed: Double) {
            self.bytesRead = bytesRead
            self.totalBytes = totalBytes
            self.rows = rows
            self.elapsed = elapsed
        }
    }

    private let lock = NSLock()
    private let interval: Double
    private let delay: Double
    private let observe: @Sendable (Snapshot) -> Void
    private var snapshot = Snapshot(bytesRead: 0, totalBytes: 0, rows: 0, elapsed: 0)
    private var start: UInt64 = 0
    private var lastShown: Double = -.infinity

    /// Creates a counter that calls `observe` at most once per `interval` seconds, and not before `delay`
    /// seconds have passed (short reads are never shown).
    public init(interval: Double = 0.1, delay: Double = 0.5, observe: @escaping @Sendable (Snapshot) -> Void) {
        self.interval = interval
        self.delay = delay
        self.observe = observe
    }

    /// Starts the clock with the total size of the files about to be read.
    func begin(totalBytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        snapshot = Snapshot(bytesRead: 0, totalBytes: totalBytes, rows: 0, elapsed: 0)
        start = DispatchTime.now().uptimeNanoseconds
        lastShown = -.infinity
    }

    /// Adds what a reader went through since its previous call.
    func add(bytes: Int, rows: Int) {
        lock.lock()
        defer { lock.unlock() }
        snapshot.bytesRead += bytes
        snapshot.rows += rows
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard elapsed >= delay, elapsed - lastShown >= interval else { return }
        lastShown = elapsed
        snapshot.elapsed = elapsed
        observe(snapshot)
    }
}

/// Turns the cumulative byte and row counts of one reader into the deltas `ReadProgress` adds up.
struct ProgressTally {
    let progress: ReadProgress?
    private var bytes = 0
    private var rows = 0

    init(_ progress: ReadProgress?) {
        self.progress = progress
    }

    /// Reports the reader's totals so far (bytes of its range, rows it delivered).
    mutating func update(bytes: Int, rows: Int) {
        guard let progress else { return }
        progress.add(bytes: bytes - self.bytes, rows: rows - self.rows)
        self.bytes = bytes
        self.rows = rows
    }
}
