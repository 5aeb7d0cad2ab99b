#if canImport(Glibc)
    import Glibc
#endif

/// The text of a file in a single-byte encoding (`TextEncoding`), converted to UTF-8 by glibc's iconv as it is read,
/// a block at a time, so that libcsv and the UTF-8 check see the text they always see.
///
/// Line feeds and carriage returns are themselves in these encodings, so lines are those of the file, and each
/// character is one byte of the file: the column of a character is its byte's position in its line. Reads go
/// forward only, from the start of the text. A byte that is no character in the encoding (0x81 in Windows-1252)
/// is an error of kind `.encoding` located at its line and column, thrown once the text before it has been
/// delivered.
final class TranscodingByteSource: CSVByteSource {
    let path: String
    private let base: any CSVByteSource
    private let encoding: TextEncoding
    private let converter: iconv_t
    private let input: UnsafeMutableRawBufferPointer
    /// The bytes of `input` not converted yet.
    private var inputStart = 0
    private var inputEnd = 0
    /// The offset in `base` of the next bytes read from it.
    private var baseOffset = 0
    /// Text bytes delivered so far.
    private var position = 0
    /// Whether `base` has no more bytes.
    private var baseIsRead = false
    /// The line and column of the next byte to convert.
    private var line = 1
    private var column = 1
    /// The error met after the text delivered so far, thrown by the next read.
    private var pendingError: CSVFileError?
    /// Whether a byte with no character is written as the byte 0xFF (never UTF-8) rather than ending the text.
    private let marksUndefinedBytes: Bool
    /// The bytes written as 0xFF and not yet taken, in file order.
    private var undefinedBytes: [UInt8] = []
    private var undefinedBytesTaken = 0

    /// The byte written in place of a byte that is no character when `marksUndefinedBytes`: invalid in UTF-8, so
    /// that the UTF-8 check notes it where it stands, as it notes an invalid byte of a UTF-8 file.
    static let undefinedByteMark: UInt8 = 0xFF

    /// Converts the bytes of `base` from `encoding`; `blockSize` bytes of `base` are read at a time.
    /// With `marksUndefinedBytes`, a byte that is no character is written as ``undefinedByteMark`` and its problem
    /// kept for ``takeUndefinedByteProblem()``, instead of ending the text with an error.
    init(
        base: any CSVByteSource, encoding: TextEncoding, blockSize: Int = 1 << 18, marksUndefinedBytes: Bool = false
    ) throws {
        guard let converter = iconv_open("UTF-8", encoding.iconvName), converter != iconv_t(bitPattern: -1) else {
            throw CSVFileError(
                kind: .io, file: base.path, line: nil, column: nil,
                problem: .conversionUnavailable(encoding: encoding, system: String(cString: strerror(errno))))
        }
        path = base.path
        self.base = base
        self.encoding = encoding
        self.converter = converter
        self.marksUndefinedBytes = marksUndefinedBytes
        input = .allocate(byteCount: max(1, blockSize), alignment: 16)
    }

    deinit {
        iconv_close(converter)
        input.deallocate()
    }

    /// Fills `buffer` with the UTF-8 text from `offset` on, which must be the end of the text already delivered;
    /// returns how many bytes it holds (0 at the end of the text).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard offset == position else {
            throw CSVFileError.io(
                file: path, problem: .readBackwards(source: .converted, offset: offset, position: position))
        }
        guard let outputBase = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        var produced = 0
        while produced < buffer.count, pendingError == nil {
            if inputStart == inputEnd {
                if baseIsRead { break }
                let count = try base.read(into: input, at: baseOffset)
                guard count > 0 else {
                    baseIsRead = true
                    break
                }
                baseOffset += count
                inputStart = 0
                inputEnd = count
            }
            guard let inputBase = input.baseAddress else { break }
            var source: UnsafeMutablePointer<CChar>? = (inputBase + inputStart).assumingMemoryBound(to: CChar.self)
            var sourceLeft = inputEnd - inputStart
            var target: UnsafeMutablePointer<CChar>? = (outputBase + produced).assumingMemoryBound(to: CChar.self)
            var targetLeft = buffer.count - produced
            let status = iconv(converter, &source, &sourceLeft, &target, &targetLeft)
            let failure = status == -1 ? errno : 0
            let consumed = inputEnd - inputStart - sourceLeft
            advanceLocation(over: UnsafeRawBufferPointer(start: inputBase + inputStart, count: consumed))
            inputStart += consumed
            produced = buffer.count - targetLeft
            if failure == E2BIG {
                // The buffer is full (a character takes up to three bytes in UTF-8): the rest comes next read.
                if produced == 0 {
                    throw CSVFileError.io(file: path, problem: .conversionBufferTooSmall)
                }
                break
            } else if failure != 0 {
                let byte = input.load(fromByteOffset: inputStart, as: UInt8.self)
                guard marksUndefinedBytes else {
                    pendingError = CSVFileError(
                        kind: .encoding, file: path, line: line, column: column,
                        problem: .undefinedByte(byte, encoding: encoding))
                    break
                }
                guard produced < buffer.count else { break }
                buffer[produced] = Self.undefinedByteMark
                produced += 1
                undefinedBytes.append(byte)
                advanceLocation(over: UnsafeRawBufferPointer(rebasing: input[inputStart..<(inputStart + 1)]))
                inputStart += 1
            }
        }
        position += produced
        if produced == 0, let pendingError { throw pendingError }
        return produced
    }

    /// The problem of the next byte written as ``undefinedByteMark``, in file order.
    func takeUndefinedByteProblem() -> CSVProblem {
        guard undefinedBytesTaken < undefinedBytes.count else {
            return .undefinedByte(nil, encoding: encoding)
        }
        defer {
            undefinedBytesTaken += 1
            if undefinedBytesTaken == undefinedBytes.count {
                undefinedBytes.removeAll(keepingCapacity: true)
                undefinedBytesTaken = 0
            }
        }
        return .undefinedByte(undefinedBytes[undefinedBytesTaken], encoding: encoding)
    }

    /// How far through `base` the conversion has come, whatever `offset`.
    func diskOffset(afterReadingTo offset: Int) -> Int {
        base.diskOffset(afterReadingTo: baseOffset)
    }

    /// Moves the location of the next byte past `bytes`, one character each.
    private func advanceLocation(over bytes: UnsafeRawBufferPointer) {
        let newlines = CSVRecordParser.countNewlines(bytes)
        if newlines > 0, let last = bytes.lastIndex(of: 0x0A) {
            line += newlines
            column = bytes.count - last
        } else {
            column += bytes.count
        }
    }
}
