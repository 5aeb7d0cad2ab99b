import Ingest

// The tests pin rejects and refusals by their typed reasons: how each reason is worded, in English and French, is
// tested in ReportingTests, so that a change of words never fails a test of the reader.

/// A rejected row as the tests pin it: the place `validate` names (`file:line:column`) and the typed reason.
struct PlacedReject: Equatable, CustomStringConvertible {
    let place: String
    let reason: RejectReason

    init(_ place: String, _ reason: RejectReason) {
        self.place = place
        self.reason = reason
    }

    var description: String { "\(place): \(reason)" }
}

extension RejectedRow {
    /// Where the row is (column 1 when the reason names none) and why it was rejected.
    var placed: PlacedReject {
        PlacedReject("\(file):\(line):\(column.map(String.init) ?? "1")", reason)
    }
}

extension FileFailure {
    /// The CSV reader's problem, when that is why the file was refused.
    var csvProblem: CSVProblem? {
        if case .csv(let problem) = reason { return problem }
        return nil
    }
}

extension CSVProblem {
    /// The problem's case without its data (`gzipTruncated`), for a test whose data varies (a byte count, the
    /// words zlib chose).
    var caseName: String {
        String(String(describing: self).prefix { $0 != "(" })
    }
}
