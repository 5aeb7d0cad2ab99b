import Foundation
import Synchronization

/// Counts the bytes and rows a data-folder read has gone through, from every thread that reads, and passes a
/// snapshot to an observer at most once per `interval`.
///
/// Readers call `add(bytes:rows:)` once per block (1 MiB), so the lock is taken a few thousand times per
/// gigabyte, never per row. The observer is called under the lock, so that the snapshots it sees never go back.
public final class ReadProgress: Sendable {
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

    /// What the readers have added up, and when the observer was last called.
    private struct Tally {
        var snapshot = Snapshot(bytesRead: 0, totalBytes: 0, rows: 0, elapsed: 0)
        var start: UInt64 = 0
        var lastShown: Double = -.infinity
    }

    private let interval: Double
    private let delay: Double
    private let observe: @Sendable (Snapshot) -> Void
    private let tally = Mutex(Tally())

    /// Creates a counter that calls `observe` at most once per `interval` seconds, and not before `delay`
    /// seconds have passed (short reads are never shown).
    public init(interval: Double = 0.1, delay: Double = 0.5, observe: @escaping @Sendable (Snapshot) -> Void) {
        self.interval = interval
        self.delay = delay
        self.observe = observe
    }

    /// Starts the clock with the total size of the files about to be read.
    func begin(totalBytes: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        tally.withLock { tally in
            tally = Tally(
                snapshot: Snapshot(bytesRead: 0, totalBytes: totalBytes, rows: 0, elapsed: 0), start: start)
        }
    }

    /// Adds what a reader went through since its previous call.
    func add(bytes: Int, rows: Int) {
        tally.withLock { tally in
            tally.snapshot.bytesRead += bytes
            tally.snapshot.rows += rows
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - tally.start) / 1e9
            guard elapsed >= delay, elapsed - tally.lastShown >= interval else { return }
            tally.lastShown = elapsed
            tally.snapshot.elapsed = elapsed
            observe(tally.snapshot)
        }
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
