import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `awareness` executable, as an analyst would, and captures what it prints.
struct CommandRunner {
    struct Result: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder of fixture data folders; commands run with it as the working directory so that paths in
    /// their output are short and stable.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The executable beside the test bundle (SwiftPM builds it first: the test target depends on it).
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var directory = bundle
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("awareness")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return bundle.appendingPathComponent("awareness")
    }

    /// The user id and group id of `nobody`, under which ``run(_:in:unprivileged:)`` runs the command when
    /// the tests run as root.
    static let unprivilegedID = 65534

    /// Runs `awareness` with `arguments` in `directory`. With `unprivileged` and when this process is root (as
    /// on the build machines and CI), the command runs as `nobody` through util-linux's `setpriv`, so that file
    /// permissions apply to it: root reads and writes any file whatever its mode. `environment` is added to this
    /// process's environment. A `redirection` runs the command through `/bin/sh` with that redirection of its
    /// standard streams (`>/dev/full`, `2>&-`); the streams it leaves alone are captured as usual. With
    /// `pipeline`, `redirection` may pipe the command's output on (`| head -c 10`), and the command's exit status
    /// ends its standard error as `status N`.
    static func run(
        _ arguments: [String], in directory: URL = fixtures, unprivileged: Bool = false,
        environment: [String: String] = [:], redirection: String? = nil, pipeline: Bool = false
    ) throws -> Result {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=\(unprivilegedID)", "--regid=\(unprivilegedID)", "--clear-groups", executable.path]
                + arguments
        } else if let redirection {
            // The shell applies `redirection` (`>/dev/full`, `2>&-`) to the command alone; what is not redirected
            // is still captured below.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // In a pipeline the shell's status is the last command's: the command's own is added to its stderr.
            let command = pipeline ? "{ \"$0\" \"$@\"; echo \"status $?\" >&2; }" : "exec \"$0\" \"$@\""
            process.arguments = ["-c", "\(command) \(redirection)", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let (stdout, stderr) = readBoth(
            output.fileHandleForReading.fileDescriptor, errors.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Reads two pipes to their ends at once, whichever has bytes first (poll(2)): read one after the other, a
    /// command that fills the second pipe (64 KiB on Linux) while the first is still open would wait for ever for a
    /// reader, and so would the test.
    static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var read: [[UInt8]] = [[], []]
        var polled = [
            pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0),
        ]
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while polled.contains(where: { $0.fd >= 0 }) {
            guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for index in polled.indices where polled[index].fd >= 0 && polled[index].revents != 0 {
                let count = block.withUnsafeMutableBytes { Glibc.read(polled[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    read[index] += block[..<count]
                } else if count == 0 || errno != EINTR {
                    // The end of the pipe (or an error): a negative descriptor is one poll(2) passes over.
                    polled[index].fd = -1
                }
            }
        }
        return (read[0], read[1])
    }
}
