import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A night's reports and notebooks folders, both locked while a value exists (until ``release()``) and replaced
/// together in one step through their ``NightStore``: a kill at any moment leaves either last night's pair or
/// tonight's. A run holds one only to write its outputs (``OutputPlan/write(_:)``) or to delete what a killed run
/// left in the store (``OutputPlan/removeStaleNights()``), so a run refused for its data leaves no lock file behind.
///
/// Tonight's folders are written whole into a night of the store and flushed; then the store's `current` link is
/// replaced by one naming tonight (the flip); then last night's folders are deleted. Both output folders are links
/// through `current`, made once (``NightStore/link(pid:)``), so the flip changes both at once. Each folder holds
/// its ``NightMark``, the same `night` in both, which shows that they belong together.
public struct NightOutputs: Sendable {
    /// The reports folder (a link into the store once written).
    public let reports: String
    /// The notebooks folder (a link into the store once written).
    public let notebooks: String
    /// The diagnostics folder of a night with bad data (`<reports>.failed`).
    public let diagnostics: String
    /// The store of nights behind both folders.
    public let store: NightStore
    private let locks: [OutputLock]

    /// Creates the folders' missing parent folders and the store, and locks both folders (`<folder>.lock`; throws
    /// ``OutputFolderError/locked(folder:lockFile:)`` when another run holds either). Relative paths are made
    /// absolute from the working directory, the links of their parents resolved.
    public init(reports: String, notebooks: String, diagnostics: String) throws(OutputFolderError) {
        let here = OutputPlan.realPath(FileManager.default.currentDirectoryPath) ?? "/"
        let (reports, notebooks) = (OutputPlan.resolve(reports, from: here), OutputPlan.resolve(notebooks, from: here))
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
        self.store = NightStore(reports: reports, notebooks: notebooks)
        self.locks = locks
    }

    /// Creates the pair for a checked ``OutputPlan``.
    public init(_ plan: OutputPlan) throws(OutputFolderError) {
        try self.init(reports: plan.reports, notebooks: plan.notebooks, diagnostics: plan.diagnostics)
    }

    /// Releases both locks.
    public func release() {
        for lock in locks.reversed() { lock.release() }
    }

    /// Writes tonight's reports and notebooks, each with its ``NightMark``, and swaps both in as one.
    ///
    /// A failure while writing leaves both previous folders as they were (what was written is deleted); a failed
    /// flip too.
    public func write(_ outputs: RunOutputs) throws {
        let night = NightMark.night(reports: outputs.reports, notebooks: outputs.notebooks)
        let pid = getpid()
        try store.create()
        store.removeStaleEntries()
        removeLinkLeftovers()
        try store.link(pid: pid)
        let name = try store.writeNight(outputs, night: night, pid: pid)
        NightStore.pause(at: .beforeFlip)
        do {
            try store.flip(to: name, pid: pid)
        } catch {
            try? FileManager.default.removeItem(atPath: (store.root as NSString).appendingPathComponent(name))
            throw error
        }
        NightStore.pause(at: .afterFlip)
        store.removeStaleEntries()
    }

    /// Deletes what a run killed while it made a folder its link left beside the folders (`.<name>.link-<pid>`:
    /// a fresh link, or the old folder after the exchange, whose contents are in the store).
    private func removeLinkLeftovers() {
        for folder in [reports, notebooks] {
            let parent = (folder as NSString).deletingLastPathComponent
            let prefix = ".\((folder as NSString).lastPathComponent).link-"
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            where entry.hasPrefix(prefix) {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
            }
        }
    }
}

extension OutputPlan {
    /// Deletes, under both locks, what a killed run left in the store of these folders (a night never flipped to,
    /// or last night's after the flip); when there is nothing (the usual case) nothing is locked or written, so
    /// that a run refused later for its data leaves no trace.
    public func removeStaleNights() throws(OutputFolderError) {
        let store = NightStore(reports: reports, notebooks: notebooks)
        guard OutputOwnership.kind(of: store.root) == .folder, store.hasStaleEntries else { return }
        let destination = try NightOutputs(self)
        defer { destination.release() }
        destination.store.removeStaleEntries()
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
    /// The checked output folders of this night, what a killed run left in their store deleted: ``OutputPlan``
    /// first (nothing read or written when it refuses), then ``OutputPlan/removeStaleNights()``.
    func checkedOutputs() throws(Failure) -> OutputPlan {
        let plan: OutputPlan
        do {
            plan = try OutputPlan(dataPath: dataPath, reportsPath: reportsPath, notebooksPath: notebooksPath)
        } catch {
            throw .refused(error)
        }
        do {
            try plan.removeStaleNights()
        } catch {
            throw .output(error)
        }
        return plan
    }
}
