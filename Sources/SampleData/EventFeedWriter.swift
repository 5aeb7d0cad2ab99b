import Foundation
import Ingest

/// Writes event-level impression and click feeds for benchmarks: one event per row,
/// `timestamp,campaign,banner,placement,region`, ISO-8601 UTC timestamps (`2020-11-05T09:13:27Z`) spread
/// over 2020 in increasing order.
///
/// About 4% of the rows carry a banner name that must be quoted (commas and `""` escapes, such as
/// `"Bannière ""119"", recherche"`), and exactly one impression row has a quoted banner name with an embedded
/// newline (it gets no click). Each impression is followed by a click with the placement's CTR (search 2%, Discover 0.5%,
/// hashtag page 4%, about 2.6% of the impressions overall), a few seconds later, in the clicks feed. Rows are assembled as bytes in a reusable
/// buffer of a few megabytes and written with `fwrite`: no `String` per row.
public struct EventFeedWriter: Sendable {
    /// The number of impression rows.
    public let events: Int
    /// The seed of the draws.
    public let seed: UInt64

    /// What was written.
    public struct Summary: Sendable {
        /// Impression rows written.
        public let impressionRows: Int
        /// Click rows written.
        public let clickRows: Int
        /// Bytes written to both feeds.
        public let bytes: Int
    }

    /// The most impression rows one call writes: 1,000,000,000, about 90 GB with their clicks. Ten times the
    /// largest benchmark (14,000,000 events in `Benchmarks/run`) many times over; a count past it is a typo, and
    /// writing it would only fill the disk.
    public static let maximumEvents = 1_000_000_000

    /// The bytes written per impression row, its clicks included, rounded up: 86.1 measured (200,000 events,
    /// 17,212,075 bytes); rows are of bounded length, so the estimate grows with the count and nothing else.
    public static let bytesPerEvent = 90

    /// The bytes `events` impression rows and their clicks take on disk, at most (``bytesPerEvent`` each, plus the
    /// headers and campaigns.yaml).
    public static func estimatedBytes(events: Int) -> Int {
        let (bytes, overflow) = events.multipliedReportingOverflow(by: bytesPerEvent)
        return overflow ? .max : bytes.addingReportingOverflow(64 << 10).partialValue
    }

    /// The files `write(to:)` writes, relative to its folder.
    public static let paths = ["campaigns.yaml", "impressions/impressions_events.csv", "clicks/clicks_events.csv"]

    /// Creates the writer of `events` impression rows.
    public init(events: Int, seed: UInt64) {
        self.events = events
        self.seed = seed
    }

    /// Writes `impressions/impressions_events.csv`, `clicks/clicks_events.csv` and `campaigns.yaml` under
    /// `directory`, creating the folders.
    public func write(to directory: URL) throws(SampleDataError) -> Summary {
        let calendarURL = directory.appendingPathComponent(Self.paths[0])
        let impressionsURL = directory.appendingPathComponent(Self.paths[1])
        let clicksURL = directory.appendingPathComponent(Self.paths[2])
        do {
            for url in [impressionsURL, clicksURL] {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try Data(SampleDataSet.campaignsYAML.utf8).write(to: calendarURL, options: .atomic)
        } catch {
            throw SampleDataError(path: directory.path, message: "cannot create: \(error.localizedDescription)")
        }
        var impressions = try ByteSink(path: impressionsURL.path)
        var clicks = try ByteSink(path: clicksURL.path)
        let header = Array("timestamp,campaign,banner,placement,region\n".utf8)
        try impressions.append(header)
        try clicks.append(header)

        let choices = EventFeedWriter.choices
        let regions = BannerModel.regions.map { Array($0.name.utf8) }
        let quotedBanners = EventFeedWriter.quotedBanners.map { Array($0.utf8) }
        let newlineBanner = Array("\"Bannière 119\nrecherche\"".utf8)
        let days = (0..<366).map { Array((CivilDate.literal(2020, 1, 1).adding(days: $0).description + "T").utf8) }
        let yearSeconds = 366 * 86_400
        let newlineRow = events / 2
        var generator = SeededGenerator(seed: seed, stream: "events")
        var row = [UInt8]()
        row.reserveCapacity(256)
        var clickRows = 0
        for index in 0..<events {
            // Increasing timestamps: the row's share of the year plus a jitter inside its own slot.
            let slot = index * yearSeconds / events
            let nextSlot = (index + 1) * yearSeconds / events
            let second = slot + (nextSlot > slot ? generator.nextIndex(below: nextSlot - slot) : 0)
            let choice = choices[generator.nextIndex(below: choices.count)]
            let region = regions[generator.nextIndex(below: regions.count)]
            let draw = generator.next()
            row.removeAll(keepingCapacity: true)
            row.append(comma: choice.campaign)
            if index == newlineRow {
                row.append(comma: newlineBanner)
            } else if draw % 25 == 0 {
                row.append(comma: quotedBanners[Int((draw >> 8) % UInt64(quotedBanners.count))])
            } else {
                row.append(comma: choice.banner)
            }
            row.append(contentsOf: choice.placement)
            row.append(UInt8(ascii: ","))
            row.append(contentsOf: region)
            row.append(UInt8(ascii: "\n"))
            try impressions.appendTimestamp(second, days: days)
            try impressions.append(row)
            // The click: the top 20 bits of the same draw against the placement's CTR.
            if index != newlineRow, Double(draw >> 44) < choice.clickThroughRate * 1_048_576 {
                let clickSecond = min(yearSeconds - 1, second + 2 + Int((draw >> 32) & 0x3f))
                try clicks.appendTimestamp(clickSecond, days: days)
                try clicks.append(row)
                clickRows += 1
            }
        }
        try impressions.close()
        try clicks.close()
        return Summary(
            impressionRows: events, clickRows: clickRows, bytes: impressions.written + clicks.written)
    }

    private struct Choice {
        let campaign: [UInt8]
        let banner: [UInt8]
        let placement: [UInt8]
        let clickThroughRate: Double
    }

    private static let choices: [Choice] = BannerModel.creatives.map {
        Choice(
            campaign: Array($0.campaign.utf8), banner: Array($0.banner.utf8), placement: Array($0.placement.utf8),
            clickThroughRate: $0.placement == "discover" ? 0.005 : $0.placement == "search" ? 0.02 : 0.04)
    }

    private static let quotedBanners = [
        "\"Bannière \"\"119\"\", recherche\"",
        "\"Discover, \"\"Non au harcèlement\"\"\"",
        "\"Liens 119, 3919 \"\"#BalanceTonTikTokeur\"\"\"",
    ]
}

extension [UInt8] {
    /// Appends `bytes` and a comma.
    fileprivate mutating func append(comma bytes: [UInt8]) {
        append(contentsOf: bytes)
        append(UInt8(ascii: ","))
    }
}

/// A file written through a reusable byte buffer flushed with `fwrite` every 4 MiB.
private struct ByteSink {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer: [UInt8]
    private(set) var written = 0
    private static let capacity = 4 << 20

    init(path: String) throws(SampleDataError) {
        guard let file = fopen(path, "wb") else {
            throw SampleDataError(path: path, message: "cannot open for writing (errno \(errno))")
        }
        self.file = file
        self.path = path
        buffer = []
        buffer.reserveCapacity(ByteSink.capacity + 4096)
    }

    mutating func append(_ bytes: [UInt8]) throws(SampleDataError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= ByteSink.capacity { try flush() }
    }

    /// Appends `YYYY-MM-DDThh:mm:ssZ,` for `second` seconds into 2020 (UTC).
    mutating func appendTimestamp(_ second: Int, days: [[UInt8]]) throws(SampleDataError) {
        buffer.append(contentsOf: days[second / 86_400])
        let inDay = second % 86_400
        appendTwoDigits(inDay / 3600)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(inDay / 60 % 60)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(inDay % 60)
        buffer.append(UInt8(ascii: "Z"))
        buffer.append(UInt8(ascii: ","))
    }

    private mutating func appendTwoDigits(_ value: Int) {
        buffer.append(UInt8(ascii: "0") + UInt8(value / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    mutating func flush() throws(SampleDataError) {
        let count = buffer.count
        let done = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, count, file) }
        guard done == count else { throw SampleDataError(path: path, message: "write failed (errno \(errno))") }
        written += count
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws(SampleDataError) {
        try flush()
        guard fclose(file) == 0 else { throw SampleDataError(path: path, message: "close failed (errno \(errno))") }
    }
}
