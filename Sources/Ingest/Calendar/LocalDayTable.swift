import Foundation

/// Maps instants to local days in one time zone from a precomputed table of UTC-offset changes, so that
/// bucketing a timestamp costs a binary search instead of a `Calendar` call.
///
/// The table is read once from Foundation's time-zone database for 1900–2200; instants outside that span
/// use the offset at its nearest end. Daylight-saving changes are exact to the second: in Europe/Paris,
/// 2020-03-29T00:59:59Z is the local day 29 March (01:59:59 CET), and 2020-10-24T22:00:00Z is 25 October
/// (00:00 CEST).
public struct LocalDayTable: Sendable {
    /// The zone's identifier, such as `Europe/Paris`.
    public let identifier: String
    /// Instants (seconds since 1970 UTC) from which `offsets` at the same index apply, ascending.
    private let starts: [Int64]
    /// UTC offsets in seconds (east positive).
    private let offsets: [Int64]

    /// Builds the table for `identifier`, or returns nil when the zone is unknown.
    public init?(timeZoneIdentifier identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        let first = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let last = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        var starts: [Int64] = [Int64.min]
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: first))]
        var cursor = first
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < last, next > cursor {
            let offset = Int64(zone.secondsFromGMT(for: next))
            if offset != offsets[offsets.count - 1] {
                starts.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The UTC offset in seconds at the instant `secondsSince1970`.
    public func offset(atUTC secondsSince1970: Int64) -> Int64 {
        offsets[index(atUTC: secondsSince1970)]
    }

    /// The span of constant offset containing `secondsSince1970`: `starts[i] ≤ t < starts[i + 1]`.
    public struct Span: Sendable, Equatable {
        /// The first instant of the span (inclusive) and the first after it (exclusive).
        public let start: Int64
        public let end: Int64
        /// The UTC offset in seconds throughout the span.
        public let offset: Int64
    }

    /// The span containing `secondsSince1970`, which callers keep to skip the search for the next instants
    /// (event files are mostly in time order).
    public func span(atUTC secondsSince1970: Int64) -> Span {
        let index = index(atUTC: secondsSince1970)
        return Span(
            start: starts[index], end: index + 1 < starts.count ? starts[index + 1] : .max, offset: offsets[index])
    }

    private func index(atUTC secondsSince1970: Int64) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= secondsSince1970 {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    /// The local day containing the instant `secondsSince1970` (UTC).
    public func localDay(atUTC secondsSince1970: Int64) -> CivilDate {
        Self.localDay(atUTC: secondsSince1970, offset: offset(atUTC: secondsSince1970))
    }

    /// The local day of the instant `secondsSince1970` (UTC) at a known `offset`.
    public static func localDay(atUTC secondsSince1970: Int64, offset: Int64) -> CivilDate {
        let local = secondsSince1970 + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: Int(day))
    }
}
