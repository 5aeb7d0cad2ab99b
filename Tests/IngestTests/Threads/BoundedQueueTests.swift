import Foundation
import Synchronization
import Testing

@testable import Ingest

/// A count shared between the test and its threads.
private final class Count: Sendable {
    private let atomic = Atomic<Int>(0)
    var value: Int { atomic.load(ordering: .relaxed) }
    func add() { atomic.add(1, ordering: .relaxed) }
}

@Suite("Bounded queue and owned thread")
struct BoundedQueueTests {
    @Test func deliversEveryElementInOrderAcrossThreadsThenNil() throws {
        let queue = BoundedQueue<Int>(capacity: 3)
        let producer = try OwnedThread {
            for value in 0..<1000 { queue.push(value) }
            queue.close()
        }
        var taken: [Int] = []
        while let value = queue.pop() { taken.append(value) }
        producer.join()
        #expect(taken == Array(0..<1000))
        #expect(queue.pop() == nil)
    }

    @Test func holdsNoMoreThanItsCapacity() throws {
        let queue = BoundedQueue<Int>(capacity: 2)
        let pushed = Count()
        let producer = try OwnedThread {
            for value in 0..<5 {
                guard queue.push(value) else { return }
                pushed.add()
            }
        }
        // Given time, the producer fills the two places and waits on the third push.
        for _ in 0..<10_000 where pushed.value < 2 { usleep(1000) }
        usleep(50_000)
        #expect(pushed.value == 2)
        #expect(queue.pop() == 0)
        queue.close()
        producer.join()
        #expect(pushed.value <= 3)
    }

    @Test func closingWakesAProducerWaitingOnAFullQueueAndItsPushFails() throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        let results = Mutex<[Bool]>([])
        let producer = try OwnedThread {
            for value in 0..<3 {
                let added = queue.push(value)
                results.withLock { $0.append(added) }
                if !added { return }
            }
        }
        // Once the first push is in, the second waits for a place, given time to get there.
        for _ in 0..<10_000 where results.withLock({ $0.isEmpty }) { usleep(1000) }
        usleep(50_000)
        queue.close()
        producer.join()
        #expect(results.withLock { $0 } == [true, false])
    }

    @Test func closingWakesEveryConsumerWaitingOnAnEmptyQueue() throws {
        let queue = BoundedQueue<Int>(capacity: 4)
        let ended = Count()
        let consumers = try (0..<3).map { _ in
            try OwnedThread {
                if queue.pop() == nil { ended.add() }
            }
        }
        usleep(50_000)
        queue.close()
        for consumer in consumers { consumer.join() }
        #expect(ended.value == 3)
    }
}
