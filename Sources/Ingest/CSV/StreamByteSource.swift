import Foundation

/// The bytes of a stream (standard input, a pipe) as a byte source of the segment reader. A stream is read once,
/// in order: its first byte stands for offset `baseOffset` of the file it carries, and each read must start where
/// the one before stopped.
final class StreamByteSource: CSVByteSource {
    let path: String
    private let descriptor: Int32
    /// The file offset of the next byte the stream gives.
    private(set) var position: Int

    /// A source over `descriptor` (left open), reported as `path`, whose first byte is the file's `baseOffset`.
    init(descriptor: Int32, path: String, baseOffset: Int) {
        self.descriptor = descriptor
        self.path = path
        position = baseOffset
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        guard offset == position else {
            throw CSVFileError.io(
                file: path, problem: .readBackwards(source: .stream, offset: offset, position: position))
        }
        // What the stream has now is returned at once: a pipe's writer may be waiting for the reader to finish.
        while true {
            let count = Foundation.read(descriptor, base, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVFileError.io(
                    file: path, problem: .readFailed(offset: position, system: String(cString: strerror(errno))))
            }
            position += count
            return count
        }
    }

    func diskOffset(afterReadingTo offset: Int) -> Int { offset }
}

/// Bytes held in memory as a byte source (a header line given on the command line).
final class MemoryByteSource: CSVByteSource {
    let path: String
    private let bytes: [UInt8]

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset < bytes.count else { return 0 }
        let count = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        return count
    }

    func diskOffset(afterReadingTo offset: Int) -> Int { offset }
}
