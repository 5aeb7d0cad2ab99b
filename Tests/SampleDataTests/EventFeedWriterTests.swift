import Foundation
import Testing

@testable import SampleData

/// The event-level benchmark feeds.
@Suite struct EventFeedWriterTests {
    /// The records of an RFC 4180 file, split on newlines outside quotes.
    func records(_ bytes: [UInt8]) -> [[UInt8]] {
        var records: [[UInt8]] = []
        var current: [UInt8] = []
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: "\n"), !quoted {
                records.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        return records
    }

    func write(
        events: Int, seed: UInt64
    ) throws -> (impressions: [UInt8], clicks: [UInt8], summary: EventFeedWriter.Summary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "events-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try EventFeedWriter(events: events, seed: seed).write(to: folder)
        let impressions = [UInt8](
            try Data(contentsOf: folder.appendingPathComponent("impressions/impressions_events.csv")))
        let clicks = [UInt8](try Data(contentsOf: folder.appendingPathComponent("clicks/clicks_events.csv")))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("campaigns.yaml").path))
        return (impressions, clicks, summary)
    }

    @Test func writesOneEventPerRowWithUTCTimestampsInOrder() throws {
        let (impressions, clicks, summary) = try write(events: 50_000, seed: 3)
        let rows = records(impressions)
        #expect(rows.count == 50_001)
        #expect(String(decoding: rows[0], as: UTF8.self) == "timestamp,campaign,banner,placement,region")
        let stamps = rows.dropFirst().map { String(decoding: $0.prefix(20), as: UTF8.self) }
        #expect(stamps.allSatisfy { $0.hasPrefix("2020-") && $0.hasSuffix("Z") && $0.count == 20 })
        #expect(stamps == stamps.sorted())
        let clickRows = records(clicks).count - 1
        #expect(clickRows == summary.clickRows)
        #expect((500...1_500).contains(clickRows))
        #expect(summary.bytes == impressions.count + clicks.count)
    }

    @Test func aboutFourPercentOfBannersAreQuotedAndExactlyOneHoldsANewline() throws {
        let rows = records(try write(events: 50_000, seed: 3).impressions).dropFirst()
        let quoted = rows.filter { $0.contains(UInt8(ascii: "\"")) }
        #expect((1_600...2_400).contains(quoted.count))
        #expect(rows.filter { $0.contains(UInt8(ascii: "\n")) }.count == 1)
        #expect(quoted.contains { String(decoding: $0, as: UTF8.self).contains("\"Bannière \"\"119\"\", recherche\"") })
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        let first = try write(events: 5_000, seed: 11)
        let second = try write(events: 5_000, seed: 11)
        #expect(first.impressions == second.impressions)
        #expect(first.clicks == second.clicks)
        #expect(try write(events: 5_000, seed: 12).impressions != first.impressions)
    }
}
