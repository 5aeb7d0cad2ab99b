import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A night's reports and notebooks folders, both locked while a value exists (until ``release()``) and replaced
/// together: a kill at any moment leaves either last night's pair or tonight's once the next run has started.
/// A run holds one only to write its outputs (``OutputPlan/write(_:)``) or to finish an interrupted swap
/// (``OutputPlan/completeInterruptedSwap()``), so a run refused for its data leaves no lock file behind.
///
/// Two folders cannot be renamed in one step, so the swap is journaled. Both folders are written in full into their
/// temporary siblings (``OutputFolder``) and flushed to disk; then a small journal, `.<reports>.swap` beside the
/// reports folder, names each folder with its staged and set-aside paths and is flushed; then each folder is swapped
/// in (old one set aside, staged one renamed to its name), the journal is deleted and the old folders with it.
/// Whoever opens the folders next, under both locks and before anything else, finds a journal only if a run stopped
/// after both staged folders were complete, and completes that run's swap (``recover()``): so the pair is always
/// one night's. Between the kill and that recovery the disk may hold tonight's reports beside last night's
/// notebooks; each folder's ``NightMark`` says which night it belongs to, so the mix can be seen.
public struct NightOutputs: Sendable {
    /// The reports folder.
    public let reports: String
    /// The notebooks folder.
    public let notebooks: String
    /// The diagnostics folder of a night with bad data (`<reports>.failed`).
    public let diagnostics: String
    private let locks: [OutputLock]

    /// The environment variable that, when set, stops the process (`SIGSTOP`) between the two swaps: the test hook
    /// with which `scripts/check-faults kill-between-swaps` kills a run exactly there. Nothing else reads it.
    public static let pauseBetweenSwapsVariable = "AWARENESS_PAUSE_BETWEEN_SWAPS"

    /// Creates the folders' missing parent folders, locks both folders (`<folder>.lock`; throws
    /// ``OutputFolderError/locked(folder:lockFile:)`` when another run holds either) and completes a swap an earlier
    /// run left half done.
    public init(reports: String, notebooks: String, diagnostics: String) throws(OutputFolderError) {
        let folders = [OutputFolder(path: reports), OutputFolder(path: notebooks)]
        for folder in folders {
            try folder.checkName()
            let parent = folder.parent
            guard !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) else { continue }
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputFolderError.io(
                    operation: "create the folder", path: parent, message: error.localizedDescription)
            }
        }
        var locks: [OutputLock] = []
        do {
            for folder in folders { locks.append(try OutputLock(path: folder.lockPath, folder: folder.path)) }
        } catch {
            for lock in locks { lock.release() }
            throw error
        }
        self.reports = reports
        self.notebooks = notebooks
        self.diagnostics = diagnostics
        self.locks = locks
        do {
            try recover()
        } catch {
            release()
            throw error
        }
    }

    /// Creates the pair for a checked ``OutputPlan``.
    public init(_ plan: OutputPlan) throws(OutputFolderError) {
        try self.init(reports: plan.reports, notebooks: plan.notebooks, diagnostics: plan.diagnostics)
    }

    /// Releases both locks.
    public func release() {
        for lock in locks.reversed() { lock.release() }
    }

    /// The journal's path: `.<reports>.swap` beside the reports folder.
    public var journalPath: String { Self.journalPath(reports: reports) }

    /// The journal's path for the reports folder `reports`.
    static func journalPath(reports: String) -> String {
        let folder = OutputFolder(path: reports)
        return (folder.parent as NSString).appendingPathComponent(".\(folder.name).swap")
    }

    /// Writes tonight's reports and notebooks, each with its ``NightMark``, and swaps both in as one.
    ///
    /// A failure while writing either folder leaves both previous folders in place; a rename that fails during the
    /// swap puts back the folders already swapped.
    public func write(_ outputs: RunOutputs) throws {
        let night = NightMark.night(reports: outputs.reports, notebooks: outputs.notebooks)
        let pid = getpid()
        let plan: [(OutputFolder, [OutputFile], OutputRole)] = [
            (OutputFolder(path: reports), outputs.reports, .reports),
            (OutputFolder(path: notebooks), outputs.notebooks, .notebooks),
        ]
        var staged: [String] = []
        do {
            for (folder, files, role) in plan {
                folder.removeLeftovers(FileManager.default)
                let staging = try folder.makeStaging(pid: pid)
                staged.append(staging)
                let writer = OutputStaging(root: staging, folder: folder.path)
                for file in files { try writer.write(file.contents, to: file.path) }
                try writer.write(NightMark(role: role, night: night).json, to: NightMark.fileName)
                folder.syncFolders(under: staging, manager: FileManager.default)
            }
            let journal = SwapJournal(
                night: night,
                steps: zip(plan, staged).map { entry, staging in
                    SwapJournal.Step(
                        target: entry.0.standardized, staged: staging, aside: entry.0.asidePath(pid: pid))
                })
            try journal.write(to: journalPath, temporary: OutputFolder(path: reports).stagingPath(pid: pid) + "-swap")
            staged = []
            try swap(journal)
        } catch {
            for staging in staged { try? FileManager.default.removeItem(atPath: staging) }
            throw error
        }
    }

    /// Completes the swap a run left half done, if its journal is there: every staged folder still aside is
    /// renamed in (the old one set aside first), then the old folders and the journal are deleted.
    ///
    /// A journal is only written once both staged folders are complete and on disk, so completing is always
    /// possible and gives the pair of the night that wrote it.
    public func recover() throws(OutputFolderError) {
        guard let data = FileManager.default.contents(atPath: journalPath) else { return }
        guard let journal = try? JSONDecoder().decode(SwapJournal.self, from: data) else {
            throw .io(
                operation: "complete the interrupted swap it describes", path: journalPath,
                message: "the journal does not parse; compare the folders' awareness-night.json and delete it")
        }
        for step in journal.steps { try step.apply() }
        finish(journal)
    }

    /// Swaps in each staged folder of `journal` in turn; on a failed rename, puts back what was swapped.
    private func swap(_ journal: SwapJournal) throws(OutputFolderError) {
        var done: [SwapJournal.Step] = []
        do {
            for step in journal.steps {
                if !done.isEmpty, ProcessInfo.processInfo.environment[Self.pauseBetweenSwapsVariable] != nil {
                    raise(SIGSTOP)
                }
                try step.apply()
                done.append(step)
            }
        } catch {
            for step in done.reversed() { step.undo() }
            for step in journal.steps { try? FileManager.default.removeItem(atPath: step.staged) }
            try? FileManager.default.removeItem(atPath: journalPath)
            throw error
        }
        finish(journal)
    }

    /// Deletes the journal, then the old folders; each parent is flushed after.
    private func finish(_ journal: SwapJournal) {
        try? FileManager.default.removeItem(atPath: journalPath)
        syncFolder((journalPath as NSString).deletingLastPathComponent)
        for step in journal.steps {
            try? FileManager.default.removeItem(atPath: step.aside)
            syncFolder((step.target as NSString).deletingLastPathComponent)
        }
    }
}

/// The record of a two-folder swap in progress (`.<reports>.swap`): the night and, for each folder, its name, the
/// complete staged folder and where the old one is set aside.
struct SwapJournal: Codable, Sendable {
    /// The night being swapped in (``NightMark/night``).
    var night: String
    /// The folders, in the order they are swapped.
    var steps: [Step]

    /// One folder of the swap.
    struct Step: Codable, Sendable {
        /// The output folder.
        var target: String
        /// The complete new folder, until it is renamed to `target`.
        var staged: String
        /// Where the old folder goes while it is replaced.
        var aside: String

        /// Renames the staged folder in, setting the old one aside first; does nothing once the staged folder is in.
        func apply() throws(OutputFolderError) {
            guard OutputOwnership.kind(of: staged) != .absent else { return }
            if OutputOwnership.kind(of: target) != .absent {
                guard OutputOwnership.kind(of: aside) == .absent else {
                    throw .io(
                        operation: "set it aside (\(aside) is in the way)", path: target, message: "File exists")
                }
                guard systemRename(target, aside) == 0 else {
                    throw .io(
                        operation: "rename it to \(aside)", path: target, message: String(cString: strerror(errno)))
                }
            }
            guard systemRename(staged, target) == 0 else {
                let message = String(cString: strerror(errno))
                _ = systemRename(aside, target)
                throw .io(operation: "rename it to \(target)", path: staged, message: message)
            }
            syncFolder((target as NSString).deletingLastPathComponent)
        }

        /// Puts the old folder back after ``apply()`` (the new one goes back to `staged`), as far as possible.
        func undo() {
            guard systemRename(target, staged) == 0 else { return }
            _ = systemRename(aside, target)
        }
    }

    /// Writes the journal to `temporary`, flushes it, renames it to `path` and flushes the folder: the journal is on
    /// disk whole, or not at all.
    func write(to path: String, temporary: String) throws(OutputFolderError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(self)) ?? Data()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(operation: "create the swap journal", path: temporary, message: String(cString: strerror(errno)))
        }
        var failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0, systemRename(temporary, path) == 0 else {
            let message = String(cString: strerror(failure == 0 ? errno : failure))
            unlink(temporary)
            throw .io(operation: "write the swap journal", path: path, message: message)
        }
        syncFolder((path as NSString).deletingLastPathComponent)
    }
}

extension OutputPlan {
    /// Completes, under both locks, a swap of these folders that a run left half done; without a journal (the usual
    /// case) nothing is locked or written, so that a run refused later for its data leaves no trace.
    public func completeInterruptedSwap() throws(OutputFolderError) {
        guard FileManager.default.fileExists(atPath: NightOutputs.journalPath(reports: reports)) else { return }
        try NightOutputs(self).release()
    }

    /// Writes tonight's outputs into both folders as one (``NightOutputs/write(_:)``), holding both locks meanwhile.
    public func write(_ outputs: RunOutputs) throws {
        let destination = try NightOutputs(self)
        defer { destination.release() }
        try destination.write(outputs)
    }

    /// Writes a bad night's diagnostics into ``diagnostics`` through ``OutputFolder`` (its own lock and swap),
    /// creating its parent folder when missing, as the outputs' parents are.
    public func writeDiagnostics(_ files: [OutputFile]) throws {
        let parent = (diagnostics as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputFolderError.io(
                    operation: "create the folder", path: parent, message: error.localizedDescription)
            }
        }
        try OutputFolder(path: diagnostics).replace { staging in
            for file in files { try staging.write(file.contents, to: file.path) }
        }
    }

    /// Deletes an earlier night's diagnostics once a night has written its outputs, if the folder is a run's own.
    public func removeStaleDiagnostics() {
        guard FileManager.default.fileExists(atPath: diagnostics),
            OutputOwnership.foreignEntries(in: diagnostics, role: .diagnostics).isEmpty
        else { return }
        try? FileManager.default.removeItem(atPath: diagnostics)
    }
}

extension NightlyBatch {
    /// The checked output folders of this night, an interrupted swap of theirs completed: ``OutputPlan`` first
    /// (nothing read or written when it refuses), then ``OutputPlan/completeInterruptedSwap()``.
    func checkedOutputs() throws(Failure) -> OutputPlan {
        let plan: OutputPlan
        do {
            plan = try OutputPlan(dataPath: dataPath, reportsPath: reportsPath, notebooksPath: notebooksPath)
        } catch {
            throw .refused(error)
        }
        do {
            try plan.completeInterruptedSwap()
        } catch {
            throw .output(error)
        }
        return plan
    }
}
