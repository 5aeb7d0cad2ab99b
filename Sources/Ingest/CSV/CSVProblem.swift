/// What stopped a CSV file from being read, with its data (offsets, bytes, the system's own text for a failed
/// call). Reporting words it, in the report's language, when a file is refused for it.
public enum CSVProblem: Sendable, Equatable, Hashable {
    /// The path names nothing.
    case noSuchFile
    /// The path names a directory.
    case isDirectory
    /// The path names a FIFO, a socket or a device, which is not read: reading a FIFO waits for a writer, for ever
    /// if none comes.
    case notARegularFile(FileSnapshot.Kind)
    /// The file's size or modification time changed between its opening and the end of its read (it was written
    /// to, or cut short, in place): what was read is not one version of the file. Sizes in bytes.
    case changedWhileRead(sizeAtOpen: Int, sizeAfter: Int)
    /// libcrypto could not compute the SHA-256 of the bytes read (it fails only when out of memory).
    case digestFailed
    /// `open` failed; `system` is `strerror`'s text.
    case cannotOpen(system: String)
    /// A read failed at byte `offset` (of the file, or of a stream); `system` is `strerror`'s text.
    case readFailed(offset: Int, system: String)
    /// A source that reads forward only was asked for byte `offset` after byte `position`.
    case readBackwards(source: ForwardSource, offset: Int, position: Int)
    /// The file starts with a UTF-16 byte-order mark.
    case utf16
    /// The file has no bytes.
    case empty
    /// The file has bytes but no header record (blank lines only).
    case noHeaderLine
    /// A NUL byte.
    case nulByte
    /// A sequence that is not UTF-8 (its first bytes, up to four).
    case invalidUTF8(bytes: [UInt8])
    /// A byte that is no character in `encoding`, or nil when which byte is unknown.
    case undefinedByte(UInt8?, encoding: TextEncoding)
    /// iconv cannot convert from `encoding`; `system` is `strerror`'s text.
    case conversionUnavailable(encoding: TextEncoding, system: String)
    /// A read buffer cannot hold one converted character.
    case conversionBufferTooSmall
    /// A quote inside an unquoted field.
    case quoteInUnquotedField
    /// Text after the closing quote of a quoted field.
    case textAfterClosingQuote
    /// A quoted field opened on line `openedOnLine` is never closed.
    case unclosedQuote(openedOnLine: Int)
    /// libcsv ran out of memory while parsing.
    case parserOutOfMemory
    /// The records of a block could not be collected (out of memory).
    case outOfMemory
    /// zlib could not start (out of memory).
    case zlibCouldNotStart
    /// zlib ran out of memory.
    case zlibOutOfMemory
    /// The gzip data ends before its end marker, after `compressedBytes`.
    case gzipTruncated(compressedBytes: Int)
    /// Bytes after the end of the gzip data, from compressed byte `offset`, are not gzip.
    case gzipTrailingBytes(offset: Int)
    /// The gzip data is corrupt at compressed byte `offset`; `zlib` is zlib's own text.
    case gzipCorrupt(offset: Int, zlib: String)

    /// The sources that read forward only.
    public enum ForwardSource: String, Sendable, Equatable, Hashable, CaseIterable {
        /// A gzip file, decompressed as it is read.
        case gzip
        /// A file converted to UTF-8 as it is read.
        case converted
        /// A file read ahead by a second thread.
        case readAhead = "read_ahead"
        /// A stream (standard input).
        case stream
    }
}
