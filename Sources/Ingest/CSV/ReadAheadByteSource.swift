import Foundation

/// The bytes of another source read ahead on a thread of their own, so that producing them (decompressing a gzip
/// file) runs on one core while the reader parses on another.
///
/// The producer fills chunks of a fixed size, in order, into a bounded queue of `depth` chunks (memory stays at
/// `depth` chunks whatever the file's size) and waits when the queue is full; the reader takes them in order and
/// waits when it is empty. The bytes delivered are exactly the source's, in the same order, whatever the timing: a
/// read returns as many bytes as asked unless the text ends, and an error the source met is thrown only once every
/// byte before it has been delivered, as the source itself throws it (so a truncated gzip file is still refused at
/// the line where its readable text stops). When the reader lets the source go before the end (a file refused, a
/// handler that threw), the producer is told to stop and waited for, and every chunk is freed: no thread outlives
/// the read.
final class ReadAheadByteSource: CSVByteSource {
    let path: String
    private let pipeline: Pipeline
    /// The chunk being read, and how far.
    private var current: Pipeline.Chunk?
    private var currentOffset = 0
    /// Text bytes delivered so far.
    private var position = 0

    /// Reads `base` ahead in chunks of `chunkSize` bytes, at most `depth` of them waiting.
    init(base: any CSVByteSource, chunkSize: Int = 1 << 20, depth: Int = 4) {
        path = base.path
        pipeline = Pipeline(base: base, chunkSize: max(1, chunkSize), depth: max(1, depth))
        let pipeline = pipeline
        let thread = Thread { pipeline.produce() }
        thread.name = "awareness read-ahead"
        thread.start()
    }

    deinit {
        if let current { pipeline.recycle(current.buffer) }
        pipeline.stop()
    }

    /// Fills `buffer` with the text from `offset` on, which must not be before the bytes already delivered;
    /// returns how many bytes it holds (0 at the end of the text).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset >= position else {
            throw CSVFileError.io(
                file: path, problem: .readBackwards(source: .readAhead, offset: offset, position: position))
        }
        guard let target = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        var produced = 0
        while produced < buffer.count {
            if current == nil || currentOffset == current?.count {
                if let current { pipeline.recycle(current.buffer) }
                current = nil
                switch pipeline.next() {
                case .chunk(let chunk):
                    current = chunk
                    currentOffset = 0
                case .end:
                    position += produced
                    return produced
                case .failure(let error):
                    position += produced
                    if produced == 0 { throw error }
                    return produced
                }
            }
            guard let chunk = current, let source = chunk.buffer.baseAddress else { break }
            // Bytes before `offset` (after a byte-order mark) are passed over, not copied.
            let skip = min(offset - position - produced, chunk.count - currentOffset)
            if skip > 0 {
                currentOffset += skip
                position += skip
                continue
            }
            let count = min(buffer.count - produced, chunk.count - currentOffset)
            (target + produced).copyMemory(from: source + currentOffset, byteCount: count)
            currentOffset += count
            produced += count
        }
        position += produced
        return produced
    }

    /// How far through the file on disk the producer had come when it filled the chunk being read.
    func diskOffset(afterReadingTo offset: Int) -> Int {
        current?.diskOffset ?? 0
    }
}

/// The queue between the producer thread and the reader; everything shared is touched under `condition` only, and
/// `base` by the producer alone.
private final class Pipeline: @unchecked Sendable {
    struct Chunk {
        let buffer: UnsafeMutableRawBufferPointer
        let count: Int
        /// `base.diskOffset` once the chunk was filled.
        let diskOffset: Int
    }

    enum Item {
        case chunk(Chunk)
        case end
        case failure(any Error)
    }

    private let base: any CSVByteSource
    private let chunkSize: Int
    private let condition = NSCondition()
    /// Filled chunks not yet taken, in order.
    private var ready: [Chunk] = []
    /// Empty buffers the producer may fill.
    private var free: [UnsafeMutableRawBufferPointer]
    /// Set by the producer after the last chunk: the end of the text, or the error that stopped it.
    private var last: Item?
    private var isStopped = false
    private var isProducerDone = false

    init(base: any CSVByteSource, chunkSize: Int, depth: Int) {
        self.base = base
        self.chunkSize = chunkSize
        free = (0..<depth).map { _ in .allocate(byteCount: chunkSize, alignment: 16) }
    }

    /// The producer's loop: fills free buffers from `base` in order until the text ends, `base` throws, or the
    /// reader stops it.
    func produce() {
        var offset = 0
        while true {
            condition.lock()
            while free.isEmpty && !isStopped { condition.wait() }
            guard !isStopped, let buffer = free.popLast() else {
                condition.unlock()
                break
            }
            condition.unlock()
            var filled = 0
            var ending: Item?
            do {
                while filled < chunkSize {
                    let count = try base.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: offset + filled)
                    if count == 0 {
                        ending = .end
                        break
                    }
                    filled += count
                }
            } catch {
                ending = .failure(error)
            }
            offset += filled
            let diskOffset = base.diskOffset(afterReadingTo: offset)
            condition.lock()
            if filled > 0 {
                ready.append(Chunk(buffer: buffer, count: filled, diskOffset: diskOffset))
            } else {
                free.append(buffer)
            }
            last = ending
            condition.broadcast()
            condition.unlock()
            if ending != nil { break }
        }
        condition.lock()
        isProducerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for the producer when none is ready; the end or the error once every chunk is taken.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && last == nil && !isProducerDone { condition.wait() }
        if !ready.isEmpty { return .chunk(ready.removeFirst()) }
        return last ?? .end
    }

    /// Gives a taken chunk's buffer back to the producer.
    func recycle(_ buffer: UnsafeMutableRawBufferPointer) {
        condition.lock()
        free.append(buffer)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the producer, waits for it to leave its loop, and frees every buffer it held.
    func stop() {
        condition.lock()
        isStopped = true
        condition.broadcast()
        while !isProducerDone { condition.wait() }
        let buffers = free + ready.map(\.buffer)
        free = []
        ready = []
        condition.unlock()
        for buffer in buffers { buffer.deallocate() }
    }
}
