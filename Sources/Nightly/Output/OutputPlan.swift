import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folders a run will replace, checked before anything is read or written: the reports folder (`--out`), the
/// notebooks folder (`--notebooks`) and the diagnostics folder (`<out>.failed`).
///
/// Each path is made absolute from the working directory, with `.` and `..` applied and the symbolic links of its
/// parent folders resolved, but not the last component's: a folder that is itself a link is refused
/// (``OutputRefusal/symbolicLink(folder:role:target:)``) so that a run never empties a link's target, unless it
/// is a link a run made into its store of nights (``NightStore/linkedFolder(_:role:)``), which is replaced, never what
/// it leads to. The store beside the reports folder must be absent or hold only a store's entries. Then the
/// folders must not be the root, the data folder or inside it or around it, the working directory or one of its
/// parents, nor the same as or inside one another; and each must be absent, empty or a run's own
/// (``OutputOwnership``). The first rule broken is thrown as an ``OutputRefusal``.
public struct OutputPlan: Sendable, Equatable {
    /// The reports folder, absolute and resolved.
    public let reports: String
    /// The notebooks folder, absolute and resolved.
    public let notebooks: String
    /// The diagnostics folder, `<reports>.failed`, absolute and resolved.
    public let diagnostics: String

    /// Checks the folders of a run over `dataPath` (paths as the analyst gave them, relative ones from
    /// `workingDirectory`).
    public init(
        dataPath: String, reportsPath: String, notebooksPath: String,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(OutputRefusal) {
        let here = Self.realPath(workingDirectory) ?? workingDirectory
        let data = Self.resolve(dataPath, from: here)
        let dataFolder = Self.realPath(data) ?? data
        let reports = Self.resolve(reportsPath, from: here)
        let notebooks = Self.resolve(notebooksPath, from: here)
        let diagnosticsShown = NightlyRun.diagnosticsPath(forReports: reportsPath)
        let folders: [(role: OutputRole, shown: String, path: String)] = [
            (.reports, reportsPath, reports), (.notebooks, notebooksPath, notebooks),
            (.diagnostics, diagnosticsShown, reports + ".failed"),
        ]
        for folder in folders {
            guard folder.path != "/" else { throw .noFolderName(folder: folder.shown, role: folder.role) }
            let onDisk = Self.realPath(folder.path)
            if Self.isSameOrInside(here, folder.path) || onDisk.map({ Self.isSameOrInside(here, $0) }) == true {
                throw .holdsWorkingDirectory(folder: folder.shown, role: folder.role)
            }
            let overlap: OutputRefusal.DataOverlap? =
                folder.path == dataFolder
                ? .same
                : Self.isSameOrInside(folder.path, dataFolder)
                    ? .inside : Self.isSameOrInside(dataFolder, folder.path) ? .contains : nil
            if let overlap {
                throw .overlapsData(folder: folder.shown, role: folder.role, data: dataPath, overlap: overlap)
            }
        }
        // Where each folder is on disk: once the folders are links into the store of nights, a path through one of
        // them (`reports/notebooks`) lies inside the store, not inside the path as given.
        let physical = folders.map { Self.realPath($0.path) ?? $0.path }
        let store = NightStore.root(forReports: reports)
        if reports == notebooks || physical[0] == physical[1] { throw .sameFolder(folder: notebooksPath) }
        for (inner, outer) in [(1, 0), (0, 1), (1, 2)] {
            // The store is the reports folder's too, but the notebooks link leads into it by design.
            let places = [folders[outer].path, physical[outer]]
            let given = places + (outer == 0 ? [store] : [])
            guard
                given.contains(where: { Self.isSameOrInside(folders[inner].path, $0) })
                    || places.contains(where: { Self.isSameOrInside(physical[inner], $0) })
            else { continue }
            throw .nested(
                inner: folders[inner].shown, innerRole: folders[inner].role, outer: folders[outer].shown,
                outerRole: folders[outer].role)
        }
        func checkOwnership(
            of path: String, _ folder: (role: OutputRole, shown: String, path: String)
        )
            throws(OutputRefusal)
        {
            let foreign = OutputOwnership.foreignEntries(in: path, role: folder.role)
            guard foreign.isEmpty else {
                throw .notOurs(
                    folder: folder.shown, role: folder.role,
                    foreign: Array(foreign.prefix(OutputRefusal.listedEntries)), count: foreign.count)
            }
        }
        for folder in folders {
            switch OutputOwnership.kind(of: folder.path) {
            case .absent:
                continue
            case .other:
                // A link a run made into a store of nights is replaced, never what it leads to; what it leads to
                // must be absent (no night yet) or a run's own folder, as a plain folder must.
                if let target = NightStore.linkedFolder(folder.path, role: folder.role) {
                    switch OutputOwnership.kind(of: Self.realPath(target) ?? target) {
                    case .absent:
                        continue
                    case .folder:
                        try checkOwnership(of: target, folder)
                        continue
                    case .file, .other:
                        break
                    }
                }
                var status = stat()
                if lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path)) ?? "?"
                    throw .symbolicLink(folder: folder.shown, role: folder.role, target: target)
                }
                throw .notAFolder(folder: folder.shown, role: folder.role)
            case .file:
                throw .notAFolder(folder: folder.shown, role: folder.role)
            case .folder:
                try checkOwnership(of: folder.path, folder)
            }
        }
        let storeRoot = NightStore.root(forReports: reports)
        let storeShown = NightStore.root(forReports: reportsPath)
        switch OutputOwnership.kind(of: storeRoot) {
        case .absent:
            break
        case .folder:
            let foreign = NightStore.foreignEntries(inStore: storeRoot)
            guard foreign.isEmpty else {
                throw .nightStoreNotOurs(
                    folder: storeShown, foreign: Array(foreign.prefix(OutputRefusal.listedEntries)),
                    count: foreign.count)
            }
        case .file, .other:
            throw .nightStoreNotOurs(folder: storeShown, foreign: [], count: 0)
        }
        self.reports = reports
        self.notebooks = notebooks
        self.diagnostics = reports + ".failed"
    }

    /// `path` made absolute from `base` (already resolved), `.` and `..` applied, every component but the last
    /// resolved through symbolic links; a last component of `.` or `..` leaves the folder it names resolved.
    static func resolve(_ path: String, from base: String) -> String {
        var current = path.hasPrefix("/") ? "/" : base
        let components = path.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() {
            switch component {
            case ".":
                continue
            case "..":
                current = (current as NSString).deletingLastPathComponent
                if current.isEmpty { current = "/" }
            default:
                let next = (current as NSString).appendingPathComponent(component)
                current = index == components.count - 1 ? next : (realPath(next) ?? next)
            }
        }
        return current
    }

    /// `realpath(3)`: the absolute path with every link resolved, or nil when some component does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is `folder` or lies inside it (both absolute and resolved).
    static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }
}
