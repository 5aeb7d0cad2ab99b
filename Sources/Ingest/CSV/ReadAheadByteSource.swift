import Foundation

/// The bytes of another source read ahead on a thread of their own, so that producing them (decompressing a gzip
/// file) runs on one core while the reader parses on another.
///
/// The producer fills chunks of a fixed size, in order, into a ``BoundedQueue`` of `depth` chunks (memory stays at
/// `depth` chunks, and the one being read, whatever the file's size) and waits when the queue is full; the reader
/// takes them in order and waits when it is empty. The bytes delivered are exactly the source's, in the same order,
/// whatever the timing: a read returns as many bytes as asked unless the text ends, and an error the source met is
/// thrown only once every byte before it has been delivered, as the source itself throws it (so a truncated gzip
/// file is still refused at the line where its readable text stops). When the reader lets the source go before the
/// end (a file refused, a handler that threw), the queue is closed, which stops the producer, and its thread is
/// waited for: no thread outlives the read.
final class ReadAheadByteSource: CSVByteSource {
    /// What the producer hands over: a chunk of text, or how the text ended.
    private enum Item: Sendable {
        /// Bytes of text in order, with `base.diskOffset` once they were read.
        case chunk([UInt8], diskOffset: Int)
        case end
        case failure(any Error)
    }

    let path: String
    private let queue: BoundedQueue<Item>
    private var producer: OwnedThread?
    /// The chunk being read, how far, and its disk offset.
    private var current: [UInt8] = []
    private var currentOffset = 0
    private var currentDiskOffset = 0
    /// The end or the error, once the producer's last item is taken (given again to every later read).
    private var last: Item?
    /// Text bytes delivered so far.
    private var position = 0

    /// Reads `base` ahead in chunks of `chunkSize` bytes, at most `depth` of them waiting. `base` belongs to the
    /// producer's thread from now on.
    init(base: sending any CSVByteSource, chunkSize: Int = 1 << 20, depth: Int = 4) {
        path = base.path
        let queue = BoundedQueue<Item>(capacity: depth)
        self.queue = queue
        let chunkSize = max(1, chunkSize)
        do {
            producer = try Self.startProducer(reading: base, chunkSize: chunkSize, into: queue)
        } catch {
            // No thread to read ahead with: the read fails with the system's reason, as a failed read would.
            last = .failure(
                CSVFileError.io(
                    file: path, problem: .readFailed(offset: 0, system: String(cString: strerror(error.errno)))))
        }
    }

    deinit {
        queue.close()
        producer?.join()
    }

    /// Starts the producer's thread, which `base` belongs to from then on.
    private static func startProducer(
        reading base: sending any CSVByteSource, chunkSize: Int, into queue: BoundedQueue<Item>
    ) throws(OwnedThread.StartFailure) -> OwnedThread {
        try OwnedThread { produce(from: base, chunkSize: chunkSize, into: queue) }
    }

    /// The producer's loop: fills chunks from `base` in order until the text ends, `base` throws, or the reader
    /// closes the queue.
    private static func produce(from base: any CSVByteSource, chunkSize: Int, into queue: BoundedQueue<Item>) {
        var offset = 0
        while true {
            var ending: Item?
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, filled in
                filled = 0
                do {
                    while filled < chunkSize {
                        let count = try base.read(
                            into: UnsafeMutableRawBufferPointer(
                                rebasing: UnsafeMutableRawBufferPointer(buffer)[filled...]),
                            at: offset + filled)
                        if count == 0 {
                            ending = .end
                            break
                        }
                        filled += count
                    }
                } catch {
                    ending = .failure(error)
                }
            }
            offset += chunk.count
            if !chunk.isEmpty {
                guard queue.push(.chunk(chunk, diskOffset: base.diskOffset(afterReadingTo: offset))) else { return }
            }
            if let ending {
                queue.push(ending)
                queue.close()
                return
            }
        }
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
            if currentOffset == current.count {
                switch last ?? queue.pop() ?? .end {
                case .chunk(let chunk, let diskOffset):
                    current = chunk
                    currentOffset = 0
                    currentDiskOffset = diskOffset
                    continue
                case .end:
                    last = .end
                    position += produced
                    return produced
                case .failure(let error):
                    last = .failure(error)
                    position += produced
                    if produced == 0 { throw error }
                    return produced
                }
            }
            // Bytes before `offset` (after a byte-order mark) are passed over, not copied.
            let skip = min(offset - position - produced, current.count - currentOffset)
            if skip > 0 {
                currentOffset += skip
                position += skip
                continue
            }
            let count = min(buffer.count - produced, current.count - currentOffset)
            current.withUnsafeBytes { source in
                guard let source = source.baseAddress else { return }
                (target + produced).copyMemory(from: source + currentOffset, byteCount: count)
            }
            currentOffset += count
            produced += count
        }
        position += produced
        return produced
    }

    /// How far through the file on disk the producer had come when it filled the chunk being read.
    func diskOffset(afterReadingTo offset: Int) -> Int {
        currentDiskOffset
    }
}
