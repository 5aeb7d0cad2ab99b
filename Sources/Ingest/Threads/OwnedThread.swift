#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread that belongs to the code that starts it: it runs one closure, and its owner waits for it to end
/// (``join()``, or when the owner lets it go), so that no thread outlives the read it serves.
///
/// Ingest needs a thread of its own where one side of a read produces bytes while the other parses them (a gzip
/// file decompressed on one core, parsed on others): a task of the cooperative pool must not block on a queue,
/// and a thread from Foundation cannot be waited for. The closure is `sending`: what it captures (a byte source
/// that is not `Sendable`) belongs to the new thread from then on, which the compiler checks at the call.
final class OwnedThread {
    /// Why a thread could not be started: the system's errno (`EAGAIN` when it has no more threads to give).
    struct StartFailure: Error {
        let errno: Int32
    }

    #if canImport(Glibc)
        private var handle = pthread_t()
    #else
        private var handle: pthread_t?
    #endif
    private var isJoined = false

    /// The closure, boxed to cross into the new thread through pthread's untyped argument.
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread.
    init(_ body: sending @escaping () -> Void) throws(StartFailure) {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(
            &handle, nil,
            { argument in
                guard let argument else { return nil }
                Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            isJoined = true
            throw StartFailure(errno: status)
        }
    }

    /// Waits for the thread to end; returns at once when it was already waited for.
    func join() {
        guard !isJoined else { return }
        isJoined = true
        #if canImport(Glibc)
            pthread_join(handle, nil)
        #else
            if let handle { pthread_join(handle, nil) }
        #endif
    }

    deinit {
        join()
    }
}
