import CZlib

/// The text of a gzip-compressed file, decompressed by zlib as it is read: one block of compressed bytes and
/// zlib's window in memory, whatever the size of the file.
///
/// Reads go forward only: a read at an offset past the bytes delivered so far decompresses and drops the bytes
/// in between (the reader starts after a byte-order mark this way). Files of several gzip members (`cat a.gz
/// b.gz`) are read as their concatenated text, as `gunzip` reads them. Each member's CRC-32 and length are
/// checked by zlib at its end. A file that ends inside a member, corrupt compressed data and bytes after the last
/// member that are not gzip are errors of kind `.compression`, thrown once the text before them has been
/// delivered, so that the caller can say on which line the readable text stops.
final class GzipByteSource: CSVByteSource {
    /// The two bytes every gzip member starts with (RFC 1952, §2.3.1).
    static let magic: [UInt8] = [0x1F, 0x8B]

    let path: String
    private let file: OpenedInput
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    /// Compressed bytes read from the file so far.
    private(set) var compressedOffset = 0
    /// Text bytes delivered so far.
    private(set) var position = 0
    /// Whether zlib has ended a member and no other has started yet.
    private var betweenMembers = false
    /// Whether the file has been read to its end with every member complete.
    private var isFinished = false
    /// The error met after the text delivered so far, thrown by the next read.
    private var pendingError: CSVFileError?

    /// Opens `path` and sets up zlib for gzip data; `blockSize` compressed bytes are read at a time.
    convenience init(path: String, blockSize: Int = 1 << 18) throws {
        try self.init(input: OpenedInput.open(path: path), blockSize: blockSize)
    }

    /// Sets up zlib for the gzip data of `input`, read from its start; `blockSize` compressed bytes at a time.
    init(input file: OpenedInput, blockSize: Int = 1 << 18) throws {
        let path = file.path
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard awareness_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            throw CSVFileError.io(file: path, problem: .zlibCouldNotStart)
        }
        self.path = path
        self.file = file
        self.stream = stream
        input = .allocate(byteCount: max(1, blockSize), alignment: 16)
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Fills `buffer` with the text from `offset` on, which must not be before the bytes already delivered;
    /// returns how many bytes it holds (0 at the end of the text).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset >= position else {
            throw CSVFileError.io(
                file: path, problem: .readBackwards(source: .gzip, offset: offset, position: position))
        }
        while position < offset {
            let skipped = try inflate(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, offset - position)]))
            if skipped == 0 { return 0 }
        }
        return try inflate(into: buffer)
    }

    /// The compressed bytes read from the file so far, whatever `offset`: how far through the file on disk the
    /// read has come.
    func diskOffset(afterReadingTo offset: Int) -> Int {
        compressedOffset
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        var produced = 0
        while produced < buffer.count && !isFinished && pendingError == nil {
            if stream.pointee.avail_in == 0 {
                let count = try file.read(into: input, at: compressedOffset)
                compressedOffset += count
                if count == 0 {
                    if betweenMembers {
                        isFinished = true
                    } else {
                        pendingError = problem(.gzipTruncated(compressedBytes: compressedOffset))
                    }
                    break
                }
                stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(count)
            }
            let startsMember = betweenMembers
            if betweenMembers {
                // More bytes after a member: another member, or something that is not gzip.
                inflateReset(stream)
                betweenMembers = false
            }
            stream.pointee.next_out = (base + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(buffer.count - produced)
            let before = produced
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            produced = buffer.count - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 || stream.pointee.avail_out == 0:
                continue
            case Z_STREAM_END:
                betweenMembers = true
            case Z_MEM_ERROR:
                throw CSVFileError.io(file: path, problem: .zlibOutOfMemory)
            default:
                let zlibText = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                let consumed = compressedOffset - Int(stream.pointee.avail_in)
                pendingError = problem(
                    startsMember && produced == before
                        ? .gzipTrailingBytes(offset: consumed) : .gzipCorrupt(offset: consumed, zlib: zlibText))
            }
        }
        position += produced
        if produced == 0, let pendingError { throw pendingError }
        return produced
    }

    private func problem(_ problem: CSVProblem) -> CSVFileError {
        CSVFileError(kind: .compression, file: path, line: nil, column: nil, problem: problem)
    }
}
