import Ingest
import Reporting

// The tests pin rejects and refusals by their English wording, the words `validate` prints and `rejects.csv` holds.

extension RejectedRow {
    /// `file:line:column: reason`, the reason in English, as `validate` prints it after `error: `.
    var diagnostic: String {
        "\(file):\(line):\(column.map(String.init) ?? "1"): \(reason.text(in: .en))"
    }
}

extension FileFailure {
    /// The reason in English.
    var message: String { reason.text(in: .en) }
}

extension CSVFileError {
    /// The problem in English.
    var message: String { problem.text(in: .en) }
}
