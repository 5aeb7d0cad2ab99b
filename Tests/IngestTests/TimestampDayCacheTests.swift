import Testing

@testable import Ingest

@Suite("Timestamps of a remembered day")
struct TimestampDayCacheTests {
    private func full(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { try? Timestamp.secondsSince1970($0).get() }
    }

    private func cached(_ cache: TimestampDayCache, _ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { cache.seconds($0) }
    }

    private func remembering(_ text: String) throws -> TimestampDayCache {
        var cache = TimestampDayCache()
        let seconds = try #require(full(text))
        Array(text.utf8).withUnsafeBufferPointer { cache.remember($0, seconds: seconds) }
        return cache
    }

    @Test func readsTimesOfTheRememberedDayAsTheFullParserDoes() throws {
        let cache = try remembering("2020-03-29T00:59:59Z")
        for text in [
            "2020-03-29T00:00:00Z", "2020-03-29T01:00:00Z", "2020-03-29T12:34:56Z", "2020-03-29T23:59:59Z",
            "2020-03-29T23:59:60Z",
        ] {
            let seconds = try #require(cached(cache, text), "\(text) should take the short way")
            #expect(seconds == full(text), "\(text)")
        }
    }

    @Test func leavesEverythingElseToTheFullParser() throws {
        let cache = try remembering("2020-03-29T10:00:00Z")
        for text in [
            "2020-03-30T10:00:00Z", "2021-03-29T10:00:00Z", "2020-03-29T24:00:00Z", "2020-03-29T10:60:00Z",
            "2020-03-29T10:00:61Z", "2020-03-29T1a:00:00Z", "2020-03-29T10-00:00Z", "2020-03-29 10:00:00Z",
            "2020-03-29T10:00:00z", "2020-03-29T10:00:00+01:00", "2020-03-29T10:00:00.5Z", "2020-03-29T10:00:00",
            "2020-03-29T10:00:0Z", "2020-03-29T1::00:00Z", "2020-03-29T10:0/:00Z", "2020-03-29T10:00:0?Z",
            "2020-03-29T10;00:00Z", "",
        ] {
            #expect(cached(cache, text) == nil, "\(text)")
        }
        #expect(cached(TimestampDayCache(), "2020-03-29T10:00:00Z") == nil)
    }

    @Test func remembersOnlyTheTwentyByteForm() throws {
        let cache = try remembering("2020-03-29T10:00:00+00:00")
        #expect(cached(cache, "2020-03-29T10:00:01Z") == nil)
    }
}
