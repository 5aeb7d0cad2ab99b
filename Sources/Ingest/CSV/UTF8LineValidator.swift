import CByteScan

/// Checks, block by block, that a file is UTF-8 text without NUL bytes, and locates the first problem.
///
/// Sequences may straddle blocks: up to three trailing bytes of an unfinished sequence are carried
/// into the next call. Overlong forms, surrogates and code points above U+10FFFF are invalid, as in
/// the Unicode standard's table 3-7.
struct UTF8LineValidator {
    /// Where the first problem is and what it is.
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: String
        /// The offset in the block of the start of the problem's line (0 when it began in an earlier block).
        var lineStart = 0
    }

    private var carried: [UInt8] = []

    /// The number of line feeds in the last block validated without a problem (the parser's line count comes
    /// from this pass over the bytes rather than from another).
    private(set) var newlines = 0

    /// Validates `bytes`, whose first byte lies on `firstLine`, and returns the first problem, if any.
    mutating func validate(_ bytes: UnsafeRawBufferPointer, firstLine: Int) -> Problem? {
        var index = 0
        var newlines = 0
        defer { self.newlines = newlines }
        if !carried.isEmpty {
            var sequence = carried
            while sequence.count < Self.expectedLength(sequence[0]) && index < bytes.count {
                sequence.append(bytes[index])
                if bytes[index] == 0x0A { newlines += 1 }
                index += 1
            }
            if sequence.count < Self.expectedLength(sequence[0]) {
                carried = sequence
                return nil
            }
            carried = []
            if !Self.isValidSequence(sequence) {
                return problem(at: 0, in: bytes, firstLine: firstLine, message: Self.invalidMessage(sequence))
            }
        }
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), index < count else { return nil }
        index += awareness_utf8_prefix(base + index, count - index, &newlines)
        guard index < count else { return nil }
        // A NUL, an invalid sequence, or a sequence that the next block completes.
        let lead = bytes[index]
        if lead == 0 {
            return problem(at: index, in: bytes, firstLine: firstLine, message: "NUL byte in the file; it is not text")
        }
        let length = Self.expectedLength(lead)
        if length > 0 && index + length > count {
            carried = Array(bytes[index..<count])
            newlines += carried.lazy.filter { $0 == 0x0A }.count
            return nil
        }
        let sequence = Array(bytes[index..<min(index + max(length, 1), count)])
        return problem(at: index, in: bytes, firstLine: firstLine, message: Self.invalidMessage(sequence))
    }

    /// A problem at the end of the input: an unfinished sequence.
    func finish(lastLine: Int) -> Problem? {
        guard !carried.isEmpty else { return nil }
        return Problem(line: lastLine, column: 1, message: Self.invalidMessage(carried))
    }

    private func problem(at offset: Int, in bytes: UnsafeRawBufferPointer, firstLine: Int, message: String) -> Problem {
        var line = firstLine
        var column = 1
        var lineStart = 0
        for (index, byte) in bytes[..<offset].enumerated() {
            if byte == 0x0A {
                line += 1
                column = 1
                lineStart = index + 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Problem(line: line, column: column, message: message, lineStart: lineStart)
    }

    private static func invalidMessage(_ sequence: [UInt8]) -> String {
        let hex = sequence.prefix(4).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "invalid UTF-8 (\(hex)); the file is not UTF-8 text (Latin-1 or Windows-1252?), export it as UTF-8 or "
            + "set encoding: for its feed in campaigns.yaml"
    }

    /// The length `lead` announces, 0 when it cannot lead a sequence (the rules are those of `CByteScan`).
    private static func expectedLength(_ lead: UInt8) -> Int {
        awareness_utf8_sequence_length(lead)
    }

    /// Whether `sequence` is exactly one valid UTF-8 character other than NUL.
    private static func isValidSequence(_ sequence: [UInt8]) -> Bool {
        var newlines = 0
        return sequence.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            return expectedLength(bytes[0]) == bytes.count
                && awareness_utf8_prefix(base, bytes.count, &newlines) == bytes.count
        }
    }
}
