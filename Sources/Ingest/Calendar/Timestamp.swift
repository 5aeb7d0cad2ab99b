/// Parses ISO-8601 timestamps with a zone from bytes, without Foundation on the hot path.
public enum Timestamp {
    /// Why a timestamp was refused.
    public enum Problem: Error, Equatable, Sendable {
        /// Not of the form `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
        case malformed
        /// Well formed but without `Z` or an offset, so its day cannot be known.
        case missingZone
        /// A field out of range (month 13, 2020-02-30, hour 24, offset beyond ±18:00).
        case outOfRange
    }

    /// Seconds since 1970-01-01T00:00:00Z for `bytes` of the form `YYYY-MM-DDTHH:MM:SS`, optional fraction
    /// (ignored: days are what matter), then `Z`, `±HH:MM`, `±HHMM` or `±HH`. A space may stand for `T`.
    public static func secondsSince1970<Bytes: RandomAccessCollection>(
        _ bytes: Bytes
    ) -> Result<Int64, Problem> where Bytes.Element == UInt8, Bytes.Index == Int {
        let base = bytes.startIndex
        guard bytes.count >= 19 else { return .failure(.malformed) }
        func digits(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in offset..<offset + count {
                let byte = bytes[base + index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let separatorsOK =
            bytes[base + 4] == 0x2D && bytes[base + 7] == 0x2D
            && (bytes[base + 10] == 0x54 || bytes[base + 10] == 0x20) && bytes[base + 13] == 0x3A
            && bytes[base + 16] == 0x3A
        guard separatorsOK, let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2)
        else { return .failure(.malformed) }
        var index = 19
        if index < bytes.count, bytes[base + index] == 0x2E || bytes[base + index] == 0x2C {
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[base + index] >= 0x30, bytes[base + index] <= 0x39 { index += 1 }
            guard index > fractionStart else { return .failure(.malformed) }
        }
        guard index < bytes.count else { return .failure(.missingZone) }
        var offsetSeconds = 0
        let zone = bytes[base + index]
        if zone == 0x5A || zone == 0x7A {
            guard index + 1 == bytes.count else { return .failure(.malformed) }
        } else if zone == 0x2B || zone == 0x2D {
            let rest = bytes.count - index - 1
            let hours: Int?
            let minutes: Int?
            switch rest {
            case 2: (hours, minutes) = (digits(index + 1, 2), 0)
            case 4: (hours, minutes) = (digits(index + 1, 2), digits(index + 3, 2))
            case 5 where bytes[base + index + 3] == 0x3A:
                (hours, minutes) = (digits(index + 1, 2), digits(index + 4, 2))
            default: return .failure(.malformed)
            }
            guard let hours, let minutes else { return .failure(.malformed) }
            guard hours <= 18, minutes < 60 else { return .failure(.outOfRange) }
            offsetSeconds = (hours * 3600 + minutes * 60) * (zone == 0x2D ? -1 : 1)
        } else {
            return .failure(.malformed)
        }
        guard let date = CivilDate(year: year, month: month, day: day), hour < 24, minute < 60, second <= 60 else {
            return .failure(.outOfRange)
        }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return .success(seconds - Int64(offsetSeconds))
    }
}
