import Dispatch
import Synchronization

/// A first-in, first-out queue between threads, holding at most `capacity` elements: a producer waits while it is
/// full and a consumer while it is empty, so memory stays bounded whatever the size of what flows through it.
///
/// The elements sit behind a `Mutex`; two semaphores count the free places and the elements waiting, and are what
/// a thread sleeps on (a `Mutex` has no condition to wait for). Either side may ``close()`` the queue: a producer
/// closes it after its last element, and consumers then take what is left and get nil; a consumer that lets the
/// producer's work go closes it too, and the producer's next ``push(_:)`` returns false.
final class BoundedQueue<Element: Sendable>: Sendable {
    private struct State {
        var elements: [Element] = []
        /// The index of the first element not yet taken (elements before it are dropped in batches).
        var head = 0
        var isClosed = false

        var count: Int { elements.count - head }
    }

    private let state = Mutex(State())
    /// One signal per free place, and one more once the queue is closed (passed on by every producer it wakes).
    private let places = DispatchSemaphore(value: 0)
    /// One signal per element waiting, and one more once the queue is closed (passed on by every consumer it wakes).
    private let waiting = DispatchSemaphore(value: 0)

    /// A queue of at most `capacity` elements (at least one).
    init(capacity: Int) {
        // Counted up from 0 rather than created at `capacity`: libdispatch traps when a semaphore is freed below the
        // value it was created with, which a queue let go while full would be.
        for _ in 0..<max(1, capacity) { places.signal() }
    }

    /// Adds `element` at the end, waiting while the queue is full; false (and `element` dropped) once it is closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        places.wait()
        let isAdded = state.withLock { state in
            guard !state.isClosed else { return false }
            state.elements.append(element)
            return true
        }
        // A place taken by an element is given back by the consumer that takes it; a closed queue's wake-up is
        // passed on to the next producer waiting.
        (isAdded ? waiting : places).signal()
        return isAdded
    }

    /// The first element, waiting while the queue is empty; nil once it is closed and empty.
    func pop() -> Element? {
        waiting.wait()
        let element: Element? = state.withLock { state in
            guard state.count > 0 else { return nil }
            let element = state.elements[state.head]
            state.head += 1
            if state.head >= 64 && state.head * 2 >= state.elements.count {
                state.elements.removeFirst(state.head)
                state.head = 0
            }
            return element
        }
        (element == nil ? waiting : places).signal()
        return element
    }

    /// Ends the queue: producers' pushes return false from now on, and consumers get nil once it is empty.
    func close() {
        let wasOpen = state.withLock { state in
            defer { state.isClosed = true }
            return !state.isClosed
        }
        guard wasOpen else { return }
        waiting.signal()
        places.signal()
    }
}
