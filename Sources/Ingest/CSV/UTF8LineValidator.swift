import CByteScan

/// Checks, block by block, that a file is UTF-8 text without NUL bytes, and locates the first problem.
///
/// Sequences may straddle blocks: up to three trailing bytes of an unfinished sequence are carried
/// into the next call. Overlong forms, surrogates and code points above U+10FFFF are invalid, as in
/// the Unicode standard's table 3-7.
///
/// A validator that `toleratesInvalidSequences` stops only at a NUL byte: every invalid sequence is noted in
/// ``tolerated`` (in file order, with its line and column) and the check goes on after its lead byte, so that the
/// reader can tell which field holds it and keep a row whose invalid bytes lie in a column its feed ignores.
struct UTF8LineValidator {
    /// Where the first problem is and what it is.
    struct Problem: Equatable {
        let line: Int
        let column: Int
        /// The offset in the block of the start of the problem's line (0 when it began in an earlier block).
        var lineStart = 0
        /// The problem, when it is not an invalid sequence.
        private var fixedProblem: CSVProblem?
        /// The first bytes of the invalid sequence (up to four, the first in the lowest byte) and how many there are:
        /// the problem is made only when it is read, since a file may hold millions of such sequences in columns
        /// its feed ignores.
        private var sequence: UInt32 = 0
        private var sequenceLength = 0

        init(line: Int, column: Int, problem: CSVProblem, lineStart: Int = 0) {
            self.line = line
            self.column = column
            self.lineStart = lineStart
            fixedProblem = problem
        }

        /// A problem of the invalid sequence that starts `bytes`.
        init(line: Int, column: Int, invalid bytes: some Collection<UInt8>) {
            self.line = line
            self.column = column
            for (index, byte) in bytes.prefix(4).enumerated() {
                sequence |= UInt32(byte) << (8 * UInt32(index))
                sequenceLength = index + 1
            }
        }

        /// What is wrong.
        var problem: CSVProblem {
            if let fixedProblem { return fixedProblem }
            let bytes = (0..<sequenceLength).map { UInt8(truncatingIfNeeded: sequence >> (8 * UInt32($0))) }
            return .invalidUTF8(bytes: bytes)
        }
    }

    /// Whether invalid sequences are noted rather than returned (NUL bytes are always returned).
    var toleratesInvalidSequences = false

    /// The invalid sequences noted so far and not yet taken by the reader, in file order.
    var tolerated: [Problem] = []

    private var carried: [UInt8] = []

    /// The number of line feeds in the last block validated without a problem (the parser's line count comes
    /// from this pass over the bytes rather than from another).
    private(set) var newlines = 0

    /// Validates `bytes`, whose first byte lies on `firstLine` at character `firstColumn`, and returns the first
    /// problem, if any (the first NUL only, when invalid sequences are tolerated).
    mutating func validate(_ bytes: UnsafeRawBufferPointer, firstLine: Int, firstColumn: Int = 1) -> Problem? {
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
            let held = carried
            carried = []
            if !Self.isValidSequence(sequence) {
                guard toleratesInvalidSequences else {
                    return problem(
                        at: 0, in: bytes, firstLine: firstLine, problem: .invalidUTF8(bytes: Array(sequence.prefix(4))))
                }
                // The carried bytes are a lead and continuation bytes (see below), all on this line: the lead is one
                // character before the block, each continuation byte left alone is invalid too. The block is then
                // checked from its start.
                for (position, byte) in held.enumerated() {
                    tolerated.append(
                        Problem(
                            line: firstLine, column: max(1, firstColumn - 1), invalid: position == 0 ? sequence : [byte]
                        ))
                }
                index = 0
                newlines = 0
            }
        }
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), index < count else { return nil }
        // Where the line of `index` starts and the characters before `index` on it, kept up to date only once an
        // invalid sequence is met (the fast path needs neither).
        var located: (offset: Int, line: Int, column: Int)?
        while true {
            index += awareness_utf8_prefix(base + index, count - index, &newlines)
            guard index < count else { return nil }
            // A NUL, an invalid sequence, or a sequence that the next block completes.
            let lead = bytes[index]
            if lead == 0 {
                return problem(
                    at: index, in: bytes, firstLine: firstLine, firstColumn: firstColumn,
                    problem: .nulByte)
            }
            let length = Self.expectedLength(lead)
            if length > 0 && index + length > count {
                let tail = bytes[(index + 1)..<count]
                if !toleratesInvalidSequences || tail.allSatisfy({ $0 & 0xC0 == 0x80 }) {
                    carried = Array(bytes[index..<count])
                    newlines += carried.lazy.filter { $0 == 0x0A }.count
                    return nil
                }
                // Already invalid (a byte after the lead is no continuation): noted here, so that carried bytes never
                // hold a line end and a record is never delivered before its invalid bytes are noted.
            }
            let sequence = bytes[index..<min(index + max(length, 1), count)]
            guard toleratesInvalidSequences else {
                return problem(
                    at: index, in: bytes, firstLine: firstLine, firstColumn: firstColumn,
                    problem: .invalidUTF8(bytes: Array(sequence.prefix(4))))
            }
            var place = located ?? (0, firstLine, firstColumn)
            for byte in bytes[place.offset..<index] {
                if byte == 0x0A {
                    place.line += 1
                    place.column = 1
                } else if byte & 0xC0 != 0x80 {
                    place.column += 1
                }
            }
            tolerated.append(Problem(line: place.line, column: place.column, invalid: sequence))
            // The invalid lead counts as one character, whatever it is; the check goes on after it.
            place.offset = index + 1
            place.column += 1
            located = place
            index += 1
        }
    }

    /// A problem at the end of the input: an unfinished sequence (noted in ``tolerated`` when invalid sequences
    /// are tolerated, and then nil).
    mutating func finish(lastLine: Int, lastColumn: Int = 1) -> Problem? {
        guard !carried.isEmpty else { return nil }
        let problem = Problem(line: lastLine, column: max(1, lastColumn - 1), invalid: carried)
        carried = []
        guard toleratesInvalidSequences else { return problem }
        tolerated.append(problem)
        return nil
    }

    private func problem(
        at offset: Int, in bytes: UnsafeRawBufferPointer, firstLine: Int, firstColumn: Int = 1, problem: CSVProblem
    ) -> Problem {
        var line = firstLine
        var column = firstColumn
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
        return Problem(line: line, column: column, problem: problem, lineStart: lineStart)
    }

    /// The number of invalid sequences in `bytes`, each counted at its lead byte and the count going on after it, as
    /// a tolerant ``validate(_:firstLine:firstColumn:)`` notes them (0 for valid UTF-8).
    static func invalidSequenceCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var index = 0
        var count = 0
        var newlines = 0
        while true {
            index += awareness_utf8_prefix(base + index, bytes.count - index, &newlines)
            guard index < bytes.count else { return count }
            count += 1
            index += 1
        }
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
