import SampleData
import Testing

/// The free-space decision of `sample-data --events` (``EventSpaceShortfall``), with numbers: what the disk must
/// hold against what it has, whatever the disk of the machine running the tests.
@Suite("Event feeds refused when the disk cannot hold them")
struct EventSpaceShortfallTests {
    @Test func acceptsEventsThatFitExactly() throws {
        let needed = EventFeedWriter.estimatedBytes(events: 1_000)
        #expect(needed == 1_000 * 90 + 65_536)
        try EventSpaceShortfall.check(events: 1_000, freeBytes: needed)
        try EventSpaceShortfall.check(events: EventFeedWriter.maximumEvents, freeBytes: 100_000_000_000)
    }

    @Test func refusesEventsOneByteShortWithBothAmounts() {
        let needed = EventFeedWriter.estimatedBytes(events: 1_000)
        #expect(throws: EventSpaceShortfall(events: 1_000, needed: needed, free: needed - 1)) {
            try EventSpaceShortfall.check(events: 1_000, freeBytes: needed - 1)
        }
    }

    @Test func refusesTheBoundOnASmallDisk() {
        #expect(throws: EventSpaceShortfall(events: 1_000_000_000, needed: 90_000_065_536, free: 10_000_000_000)) {
            try EventSpaceShortfall.check(events: EventFeedWriter.maximumEvents, freeBytes: 10_000_000_000)
        }
    }

    @Test func refusesNothingWhenTheFileSystemCannotBeAsked() throws {
        try EventSpaceShortfall.check(events: EventFeedWriter.maximumEvents, freeBytes: nil)
    }
}
