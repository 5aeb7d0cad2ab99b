import CRenameExchange
import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store of nights behind a run's two output folders: what lets reports and notebooks change in one step.
///
/// Two folders cannot be renamed in one system call, but one link can. So `--out` and `--notebooks` are symbolic
/// links, `reports -> .reports.nights/current/reports` and `Notebooks-export -> .reports.nights/current/notebooks`
/// (relative, so the pair can be moved together), into one store beside the reports folder,
/// `.<reports>.nights/`. Each night is written whole into a folder of the store, `night-<id>-<pid>/` holding
/// `reports/` and `notebooks/`; `current` is a link to the night both folders show. Tonight is swapped in by
/// renaming a fresh link over `current` (rename(2) replaces it atomically): before that rename both folders show
/// last night, after it both show tonight, and a kill at any moment leaves one or the other, never a mix. Old
/// nights are deleted after the flip; a kill leaves at most one stale night, which the next run deletes.
///
/// Since a night's two folders are siblings, a notebook's default `../reports` resolves (physically, through the
/// links) to the reports of its own night.
///
/// Folders a run of an earlier version wrote in place are adopted once (``link()``): their contents are copied
/// into the store's current night (an empty one is made first when there is none), then each folder is exchanged
/// with its link in one step (`renameat2(RENAME_EXCHANGE)`), so that until the exchange the folder shows last
/// night, and after it the link shows the copy of last night. A kill between the two exchanges leaves both
/// showing last night (one through its link); the next run finishes the adoption.
public struct NightStore: Sendable {
    /// The reports folder (`--out`), absolute, its parents resolved; a link once the store is in use.
    public let reports: String
    /// The notebooks folder (`--notebooks`), absolute, its parents resolved; a link once the store is in use.
    public let notebooks: String
    /// The store: `.<reports name>.nights` beside the reports folder.
    public let root: String

    /// The environment variable that, when set to a ``Pause`` value, stops the process (`SIGSTOP`) at that point
    /// of the swap: the test hook with which `scripts/check-faults kill-between-swaps` kills a run exactly there.
    /// Nothing else reads it.
    public static let pauseVariable = "AWARENESS_PAUSE_AT"

    /// Where the swap can be stopped for a test (``pauseVariable``).
    public enum Pause: String, Sendable, CaseIterable {
        /// Between the two folders' adoption (``link()``): one is a link, the other still a folder.
        case migration
        /// Tonight's night is complete in the store and `current` still names last night.
        case beforeFlip = "before-flip"
        /// `current` names tonight's night and last night's is not deleted yet.
        case afterFlip = "after-flip"
    }

    /// The name of the link to the current night, inside the store.
    public static let currentName = "current"

    /// Creates the store of the reports folder `reports` and the notebooks folder `notebooks` (both absolute).
    public init(reports: String, notebooks: String) {
        self.reports = reports
        self.notebooks = notebooks
        self.root = Self.root(forReports: reports)
    }

    /// The store's path for the reports folder `reports`: `.<name>.nights` beside it.
    public static func root(forReports reports: String) -> String {
        let name = (reports as NSString).lastPathComponent
        return ((reports as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".\(name).nights")
    }

    /// The `current` link's path.
    public var current: String { (root as NSString).appendingPathComponent(Self.currentName) }

    /// The folder of the night `current` names, or nil when there is none yet.
    public var currentNight: String? {
        guard let name = Self.linkText(current), !name.contains("/"), !name.isEmpty else { return nil }
        return (root as NSString).appendingPathComponent(name)
    }

    /// The name of `role`'s folder inside a night: `reports` or `notebooks`.
    static func folderName(_ role: OutputRole) -> String { role.markName }

    /// The text of the link at `role`'s output folder: the relative path from the folder's parent to
    /// `<store>/current/<role>`.
    func linkText(for role: OutputRole) -> String {
        let folder = role == .notebooks ? notebooks : reports
        let target = ((current as NSString).appendingPathComponent(Self.folderName(role)))
        return Self.relativePath(from: (folder as NSString).deletingLastPathComponent, to: target)
    }

    /// Whether the output folder of `role` is already this store's link.
    func isLinked(_ role: OutputRole) -> Bool {
        Self.linkText(role == .notebooks ? notebooks : reports) == linkText(for: role)
    }

    // MARK: - Recognising a run's own link

    /// The folder the link at `path` leads to when it is a link a run made for `role`'s folder: its text leads
    /// (read lexically) to `<a store>/current/<role>` in a store named `.<name>.nights`; nil for any other entry.
    /// A run replaces such a link, never what it leads to, and only when what it leads to is absent (no night yet)
    /// or a run's own folder for `role` (``OutputPlan``); any other link is refused.
    public static func linkedFolder(_ path: String, role: OutputRole) -> String? {
        guard role != .diagnostics, let text = linkText(path) else { return nil }
        let parent = (path as NSString).deletingLastPathComponent
        let components = lexicalComponents(text.hasPrefix("/") ? text : parent + "/" + text)
        guard components.count >= 3 else { return nil }
        let store = components[components.count - 3]
        guard components[components.count - 1] == folderName(role), components[components.count - 2] == currentName,
            store.hasPrefix("."), store.hasSuffix(".nights"), store.count > ".nights".count + 1
        else { return nil }
        return "/" + components.joined(separator: "/")
    }

    /// The entries of the store at `root` that no run made (sorted), its own names being `current`, the nights
    /// (`night-*`, `legacy-*`), the folders being written (`tmp-*`) and the fresh `current` links (`.current-*`);
    /// desktop leftovers are ignored. Empty when the store is absent.
    public static func foreignEntries(inStore root: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return entries.filter { entry in
            !(entry == currentName || OutputOwnership.ignored.contains(entry)
                || ["night-", "legacy-", "tmp-", ".current-"].contains(where: { entry.hasPrefix($0) }))
        }.sorted()
    }

    // MARK: - Writing and flipping

    /// Creates the store folder when it is missing.
    func create() throws(OutputFolderError) {
        guard mkdir(root, 0o755) == 0 || (errno == EEXIST && OutputOwnership.kind(of: root) == .folder) else {
            throw .io(operation: "create the folder", path: root, message: String(cString: strerror(errno)))
        }
    }

    /// Whether the store holds anything but `current` and the night it names (a night or a half-written one left
    /// by a kill).
    var hasStaleEntries: Bool {
        let keep = keptEntries
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.contains { !keep.contains($0) }
    }

    private var keptEntries: Set<String> {
        var keep: Set<String> = [Self.currentName]
        if let night = currentNight { keep.insert((night as NSString).lastPathComponent) }
        return keep
    }

    /// Deletes every entry of the store but `current` and the night it names: the night `current` named before the
    /// last flip, and whatever a killed run left (a night written but never flipped to, a folder being written, a
    /// fresh link). Safe because the caller holds both locks.
    func removeStaleEntries() {
        let keep = keptEntries
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries where !keep.contains(entry) {
            try? FileManager.default.removeItem(atPath: (root as NSString).appendingPathComponent(entry))
        }
        syncFolder(root)
    }

    /// Writes tonight's folders whole into the store, each with its mark, flushed, as the night `night-<id>-<pid>`;
    /// returns that night's name. Nothing any output folder shows changes.
    func writeNight(_ outputs: RunOutputs, night: String, pid: Int32) throws -> String {
        let staging = (root as NSString).appendingPathComponent("tmp-\(pid)")
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputFolderError.io(
                operation: "create the temporary folder", path: staging, message: String(cString: strerror(errno)))
        }
        do {
            for (role, folder, files) in [
                (OutputRole.reports, reports, outputs.reports), (.notebooks, notebooks, outputs.notebooks),
            ] {
                let inside = (staging as NSString).appendingPathComponent(Self.folderName(role))
                guard mkdir(inside, 0o755) == 0 else {
                    throw OutputFolderError.io(
                        operation: "create the temporary folder", path: inside,
                        message: String(cString: strerror(errno)))
                }
                let writer = OutputStaging(root: inside, folder: folder)
                for file in files { try writer.write(file.contents, to: file.path) }
                try writer.write(NightMark(role: role, night: night).json, to: NightMark.fileName)
            }
            OutputFolder(path: staging).syncFolders(under: staging, manager: FileManager.default)
            let name = "night-\(night.prefix(12))-\(pid)"
            let destination = (root as NSString).appendingPathComponent(name)
            try? FileManager.default.removeItem(atPath: destination)
            guard systemRename(staging, destination) == 0 else {
                throw OutputFolderError.io(
                    operation: "rename it to \(destination)", path: staging, message: String(cString: strerror(errno)))
            }
            syncFolder(root)
            return name
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Makes `current` name the night `name` in one step: a fresh link `.current-<pid>` renamed over it, then the
    /// store flushed.
    func flip(to name: String, pid: Int32) throws(OutputFolderError) {
        let fresh = (root as NSString).appendingPathComponent(".current-\(pid)")
        unlink(fresh)
        guard symlink(name, fresh) == 0 else {
            throw .io(operation: "create the link", path: fresh, message: String(cString: strerror(errno)))
        }
        guard systemRename(fresh, current) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(fresh)
            throw .io(operation: "rename it to \(current)", path: fresh, message: message)
        }
        syncFolder(root)
    }

    /// Stops the process (`SIGSTOP`) when ``pauseVariable`` names `point`: a test kills it there.
    static func pause(at point: Pause) {
        guard ProcessInfo.processInfo.environment[pauseVariable] == point.rawValue else { return }
        raise(SIGSTOP)
    }

    // MARK: - Adopting the output folders

    /// Makes both output folders this store's links, keeping what they show: first the folders' contents are in
    /// the current night (copied there when a folder is a run's own folder from an earlier version, the night made
    /// empty when there is none), then each folder that is not yet the link becomes it, a folder by exchange with
    /// a fresh link, an absent folder or another store's link by rename of a fresh link over it.
    func link(pid: Int32) throws(OutputFolderError) {
        let pending = [(OutputRole.reports, reports), (.notebooks, notebooks)].filter { !isLinked($0.0) }
        guard !pending.isEmpty else { return }
        for (_, folder) in pending {
            // What an earlier version's killed swap left beside the folder; its journal is not read any more.
            OutputFolder(path: folder).removeLeftovers(FileManager.default)
            let parent = (folder as NSString).deletingLastPathComponent
            let name = (folder as NSString).lastPathComponent
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(".\(name).swap"))
        }
        var night = currentNight
        if night == nil || OutputOwnership.kind(of: night ?? "") != .folder {
            let name = "legacy-\(pid)"
            let made = (root as NSString).appendingPathComponent(name)
            try? FileManager.default.removeItem(atPath: made)
            guard mkdir(made, 0o755) == 0 else {
                throw .io(operation: "create the folder", path: made, message: String(cString: strerror(errno)))
            }
            syncFolder(root)
            try flip(to: name, pid: pid)
            night = made
        }
        let shown = night ?? root
        for (role, folder) in pending where OutputOwnership.kind(of: folder) == .folder {
            let copy = (shown as NSString).appendingPathComponent(Self.folderName(role))
            guard OutputOwnership.kind(of: copy) == .absent else { continue }
            try Self.copyFolder(folder, to: copy, staging: (shown as NSString).appendingPathComponent("tmp-\(pid)"))
        }
        for (index, (role, folder)) in pending.enumerated() {
            if index > 0 { Self.pause(at: .migration) }
            try replaceWithLink(folder, text: linkText(for: role), pid: pid)
        }
    }

    /// Replaces the entry at `folder` with a link whose text is `text`, in one step where the system can.
    private func replaceWithLink(_ folder: String, text: String, pid: Int32) throws(OutputFolderError) {
        let parent = (folder as NSString).deletingLastPathComponent
        let name = (folder as NSString).lastPathComponent
        let fresh = (parent as NSString).appendingPathComponent(".\(name).link-\(pid)")
        try? FileManager.default.removeItem(atPath: fresh)
        guard symlink(text, fresh) == 0 else {
            throw .io(operation: "create the link", path: fresh, message: String(cString: strerror(errno)))
        }
        if OutputOwnership.kind(of: folder) == .folder {
            if awareness_rename_exchange(fresh, folder) != 0 {
                // A file system that cannot exchange: the folder is set aside, then the link takes its name. A kill
                // between the two leaves the folder absent for that moment; its contents are in the store already.
                let aside = (parent as NSString).appendingPathComponent(".\(name).old-\(pid)")
                guard systemRename(folder, aside) == 0 else {
                    let message = String(cString: strerror(errno))
                    unlink(fresh)
                    throw .io(operation: "rename it to \(aside)", path: folder, message: message)
                }
                guard systemRename(fresh, folder) == 0 else {
                    let message = String(cString: strerror(errno))
                    _ = systemRename(aside, folder)
                    unlink(fresh)
                    throw .io(operation: "rename it to \(folder)", path: fresh, message: message)
                }
                try? FileManager.default.removeItem(atPath: aside)
            } else {
                // The old folder now has the fresh link's name.
                try? FileManager.default.removeItem(atPath: fresh)
            }
        } else {
            guard systemRename(fresh, folder) == 0 else {
                let message = String(cString: strerror(errno))
                unlink(fresh)
                throw .io(operation: "rename it to \(folder)", path: fresh, message: message)
            }
        }
        syncFolder(parent)
    }

    /// Copies the folder `source` (files and subfolders) into `staging`, flushes it and renames it to
    /// `destination`: the copy appears whole or not at all.
    static func copyFolder(_ source: String, to destination: String, staging: String) throws(OutputFolderError) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: staging)
        do {
            try manager.copyItem(atPath: source, toPath: staging)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .io(operation: "copy it to \(staging)", path: source, message: error.localizedDescription)
        }
        if let enumerator = manager.enumerator(atPath: staging) {
            while let relative = enumerator.nextObject() as? String {
                let path = (staging as NSString).appendingPathComponent(relative)
                guard OutputOwnership.kind(of: path) == .file else { continue }
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                if descriptor >= 0 {
                    _ = fsync(descriptor)
                    _ = close(descriptor)
                }
            }
        }
        OutputFolder(path: staging).syncFolders(under: staging, manager: manager)
        guard systemRename(staging, destination) == 0 else {
            let message = String(cString: strerror(errno))
            try? manager.removeItem(atPath: staging)
            throw .io(operation: "rename it to \(destination)", path: staging, message: message)
        }
        syncFolder((destination as NSString).deletingLastPathComponent)
    }

    // MARK: - Paths

    /// The text of the link at `path` (readlink(2)), or nil when it is not a link.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The components of the absolute path `path` with `.` and `..` applied as text, links not followed.
    static func lexicalComponents(_ path: String) -> [String] {
        var components: [String] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components
    }

    /// The relative path from the folder `base` to `target` (both absolute, read as text).
    static func relativePath(from base: String, to target: String) -> String {
        let from = lexicalComponents(base)
        let to = lexicalComponents(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let steps = Array(repeating: "..", count: from.count - common) + to[common...]
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }
}
