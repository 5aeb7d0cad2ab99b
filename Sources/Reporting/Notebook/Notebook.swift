import Ingest

/// A Jupyter notebook in nbformat 4.5, serialised deterministically.
///
/// Written as Jupyter writes notebooks: sorted keys, one-space indentation, sources and text outputs as
/// lists of lines, a trailing newline. Metadata names the `python3` kernel. Cell ids are the first 8
/// hexadecimal digits of SHA-256 over the cell type, its 0-based index and its source (longer prefixes
/// if two cells would collide), so the same notebook always gets the same ids and ids match
/// `^[a-zA-Z0-9-_]+$`.
public struct Notebook: Sendable, Equatable {
    /// The cells, in order.
    public let cells: [NotebookCell]

    /// Creates a notebook.
    public init(cells: [NotebookCell]) {
        self.cells = cells
    }

    /// The cell ids, in cell order.
    public var cellIDs: [String] {
        let digests = cells.enumerated().map { index, cell in
            SHA256Digest.hex(of: "\(cell.kind.rawValue)\n\(index)\n\(cell.source)")
        }
        for length in [8, 16, 64] {
            let ids = digests.map { String($0.prefix(length)) }
            if Set(ids).count == ids.count { return ids }
        }
        // Identical type, index and source cannot occur twice; keep ids unique regardless.
        return digests.enumerated().map { "\($0.element.prefix(56))-\($0.offset)" }
    }

    /// The notebook as JSON.
    public var jsonValue: JSONValue {
        let cellValues = zip(cells, cellIDs).map { cell, id -> JSONValue in
            var object: [String: JSONValue] = [
                "cell_type": .string(cell.kind.rawValue), "id": .string(id), "metadata": .object([:]),
                "source": Self.multiline(cell.source),
            ]
            if cell.kind == .code {
                object["execution_count"] = .null
                object["outputs"] = .array(cell.outputs.map(\.json))
            }
            return .object(object)
        }
        return .object([
            "cells": .array(cellValues),
            "metadata": .object([
                "kernelspec": .object([
                    "display_name": .string("Python 3 (ipykernel)"), "language": .string("python"),
                    "name": .string("python3"),
                ]),
                "language_info": .object([
                    "file_extension": .string(".py"), "mimetype": .string("text/x-python"),
                    "name": .string("python"), "nbconvert_exporter": .string("python"),
                    "pygments_lexer": .string("ipython3"),
                ]),
            ]),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
    }

    /// The `.ipynb` file contents.
    public var json: String {
        jsonValue.serialized(indent: 1) + "\n"
    }

    /// Text as Jupyter's list of lines, each but the last ending in `\n`.
    static func multiline(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
