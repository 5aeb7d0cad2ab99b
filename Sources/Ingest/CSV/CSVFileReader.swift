import Foundation

/// Why a CSV file could not be read to its end.
public struct CSVFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, which decide the exit status (I/O failures are not data problems).
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case io
        /// The bytes are not UTF-8 text (UTF-16, Latin-1, NUL bytes).
        case encoding
        /// The quoting is malformed.
        case syntax
        /// The file has no header line.
        case empty
    }

    /// What failed.
    public let kind: Kind
    /// The path as given to the reader.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based character column within `line`, when known.
    public let column: Int?
    /// What went wrong, in words.
    public let message: String

    /// Creates an error.
    public init(kind: Kind, file: String, line: Int?, column: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// Reads a CSV file in large blocks through `CSVRecordParser`: strips a UTF-8 byte-order mark,
/// detects the delimiter from the header line, checks the bytes are UTF-8 without NUL, and hands every
/// record (the header first) to a handler. Memory stays at one block plus the longest record.
public struct CSVFileReader: Sendable {
    /// The delimiter to use, or nil to detect it from the header line (`,`, `;` or tab).
    public var delimiter: UInt8?

    /// The size in bytes of the blocks read from disk and fed to libcsv (1 MiB by default).
    public var blockSize: Int

    /// Creates a reader; `delimiter` nil means detect.
    public init(delimiter: UInt8? = nil, blockSize: Int = 1 << 20) {
        self.delimiter = delimiter
        self.blockSize = max(1, blockSize)
    }

    /// What a read found besides the records.
    public struct Summary: Sendable, Equatable {
        /// The delimiter used.
        public var delimiter: UInt8
        /// The number of bytes in the file.
        public var byteCount: Int
        /// The number of records delivered, the header included.
        public var recordCount: Int
    }

    /// Reads `path`, calling `onRecord` for each record in order, and `onProgress` with the number of bytes
    /// read after each block. Errors thrown by `onRecord` are rethrown unchanged.
    @discardableResult
    public func read(
        path: String,
        onProgress: (Int) -> Void = { _ in },
        onRecord: (CSVRecord) throws -> Void
    ) throws -> Summary {
        let handle: FileHandle
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVFileError(kind: .io, file: path, line: nil, column: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw CSVFileError(kind: .io, file: path, line: nil, column: nil, message: "is a directory, not a file")
        }
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw CSVFileError(kind: .io, file: path, line: nil, column: nil, message: "cannot be opened for reading")
        }
        defer { try? handle.close() }

        var parser: CSVRecordParser?
        var validator = UTF8LineValidator()
        var byteCount = 0
        // The first bytes are held back until the header line is complete, for the byte-order mark and
        // the delimiter; a header longer than this limit is judged on its first part.
        var head = Data()
        let headLimit = 1 << 16
        var endOfFile = false
        while !endOfFile {
            var block: Data
            do {
                block = try handle.read(upToCount: blockSize) ?? Data()
            } catch {
                throw CSVFileError(
                    kind: .io, file: path, line: parser?.line, column: nil,
                    message: "read failed after \(byteCount) bytes")
            }
            endOfFile = block.isEmpty
            byteCount += block.count
            if parser == nil {
                head.append(block)
                guard endOfFile || head.contains(0x0A) || head.count >= headLimit else { continue }
                if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
                    throw CSVFileError(
                        kind: .encoding, file: path, line: 1, column: 1,
                        message: "the file is UTF-16 (byte-order mark found); export it as UTF-8")
                }
                if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
                if head.isEmpty { break }
                parser = head.withUnsafeBytes { CSVRecordParser(delimiter: delimiter ?? Self.detectDelimiter($0)) }
                block = head
            }
            guard let parser else { continue }
            try block.withUnsafeBytes { bytes in
                if let problem = validator.validate(bytes, firstLine: parser.line) {
                    // The records before the bad line are still delivered, so that rows read are counted.
                    try? parser.feed(UnsafeRawBufferPointer(rebasing: bytes[..<problem.lineStart]), onRecord: onRecord)
                    throw CSVFileError(
                        kind: .encoding, file: path, line: problem.line, column: problem.column,
                        message: problem.message)
                }
                do {
                    try parser.feed(bytes, onRecord: onRecord)
                } catch let error as CSVSyntaxError {
                    throw CSVFileError(
                        kind: .syntax, file: path, line: error.line, column: error.column, message: error.message)
                }
            }
            onProgress(byteCount)
        }
        guard let parser else {
            throw CSVFileError(kind: .empty, file: path, line: nil, column: nil, message: "the file is empty")
        }
        if let problem = validator.finish(lastLine: parser.line) {
            throw CSVFileError(
                kind: .encoding, file: path, line: problem.line, column: problem.column, message: problem.message)
        }
        do {
            try parser.finish(onRecord: onRecord)
        } catch let error as CSVSyntaxError {
            throw CSVFileError(kind: .syntax, file: path, line: error.line, column: nil, message: error.message)
        }
        guard parser.recordCount > 0 else {
            throw CSVFileError(
                kind: .empty, file: path, line: nil, column: nil, message: "the file has no header line")
        }
        return Summary(delimiter: delimiter ?? parser.delimiter, byteCount: byteCount, recordCount: parser.recordCount)
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line of `bytes` (`,` when none
    /// occurs; on a tie `,` wins, then `;`).
    public static func detectDelimiter(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == 0x0A || byte == 0x0D) {
                break
            } else if !quoted, let count = counts[byte] {
                counts[byte] = count + 1
            }
        }
        var best: UInt8 = 0x2C
        for candidate: UInt8 in [0x3B, 0x09] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}
