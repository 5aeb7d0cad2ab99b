import Foundation

/// The committed `Data/` folder of the repository, read with plain line splitting (the sample files hold no
/// quoted fields).
struct SampleDataFolder {
    /// `Data/` beside `Package.swift`, found from this file's path.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// The bytes of `path` under `Data/`.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url.appendingPathComponent(path)))
    }

    /// The rows of the CSV file `path` under `Data/` as arrays of fields, header line included.
    static func rows(_ path: String) throws -> [[String]] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Daily calls per `helpline:date` over both call files.
    static func calls() throws -> [String: Int] {
        var calls: [String: Int] = [:]
        for year in [2019, 2020] {
            for row in try rows("helpline_calls/helpline_calls_\(year).csv").dropFirst() {
                calls["\(row[1]):\(row[0])"] = Int(row[2])
            }
        }
        return calls
    }
}
