import Reporting

/// Why `awareness run` refuses its output folders before it reads or writes anything (command-line status 2).
///
/// Every folder named here is the path the analyst gave (or, for ``OutputRole/diagnostics``, `<out>.failed`), so
/// the message points where they look; the checks themselves compare resolved absolute paths (``OutputPlan``).
public enum OutputRefusal: Error, Sendable, Equatable {
    /// The folder resolves to the file system's root or to no folder at all.
    case noFolderName(folder: String, role: OutputRole)
    /// `--out` and `--notebooks` name the same folder.
    case sameFolder(folder: String)
    /// One output folder lies inside the other (`inner` in `outer`); replacing the outer one would delete the inner.
    case nested(inner: String, innerRole: OutputRole, outer: String, outerRole: OutputRole)
    /// The folder is the data folder, lies inside it, or holds it.
    case overlapsData(folder: String, role: OutputRole, data: String, overlap: DataOverlap)
    /// The folder is the current folder or one of its parents.
    case holdsWorkingDirectory(folder: String, role: OutputRole)
    /// The folder is a symbolic link; the link's target is never emptied.
    case symbolicLink(folder: String, role: OutputRole, target: String)
    /// Something other than a folder (a file, a device) has the folder's name.
    case notAFolder(folder: String, role: OutputRole)
    /// The folder holds entries no awareness run wrote (`foreign`, sorted, at most ``listedEntries``; `count` in all).
    case notOurs(folder: String, role: OutputRole, foreign: [String], count: Int)
    /// The store of nights beside the reports folder (`.<out>.nights`, ``NightStore``) is not a folder (`count` 0)
    /// or holds entries no run made (`foreign`, sorted, at most ``listedEntries``; `count` in all).
    case nightStoreNotOurs(folder: String, foreign: [String], count: Int)

    /// The most foreign entries a ``notOurs(folder:role:foreign:count:)`` refusal names.
    public static let listedEntries = 5

    /// How an output folder overlaps the data folder.
    public enum DataOverlap: Sendable, Equatable {
        /// The output folder is the data folder.
        case same
        /// The output folder lies inside the data folder.
        case inside
        /// The output folder holds the data folder.
        case contains
    }
}

/// Which of a run's folders a path is, for the refusals' wording and the ownership rules (``OutputOwnership``).
public enum OutputRole: Sendable, Equatable, CaseIterable {
    /// `--out`, the reports folder.
    case reports
    /// `--notebooks`, the notebooks folder.
    case notebooks
    /// `<out>.failed`, where a night with bad data writes its diagnostics.
    case diagnostics
}

extension OutputRefusal {
    /// The folder the refusal is about, as the analyst named it: the location of its diagnostic.
    public var folder: String {
        switch self {
        case .noFolderName(let folder, _), .sameFolder(let folder), .overlapsData(let folder, _, _, _),
            .holdsWorkingDirectory(let folder, _), .symbolicLink(let folder, _, _), .notAFolder(let folder, _),
            .notOurs(let folder, _, _, _), .nightStoreNotOurs(let folder, _, _):
            folder
        case .nested(_, _, let outer, _):
            outer
        }
    }
}
