import Foundation
import Ingest
import Nightly
import Reporting
import Testing

@Suite("Run manifest")
struct RunManifestTests {
    /// The SHA-256 examples of FIPS 180-2 (appendix B) and the digest of no bytes.
    @Test func hashesWithSha256() {
        #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Digest.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hashesBytesHeldInSeveralRegionsAsOneMessage() {
        var bytes = DispatchData.empty
        for part in ["a", "bc"] {
            Array(part.utf8).withUnsafeBytes { bytes.append($0) }
        }
        #expect(bytes.regions.count == 2)
        #expect(SHA256Digest.hex(of: bytes) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// One million `a` (FIPS 180-2, B.3) from a file.
    @Test func hashesAFileToTheKnownDigest() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x61, count: 1_000_000).write(to: URL(fileURLWithPath: path))
        #expect(
            try SHA256Digest.hex(ofFileAt: path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hashesAFileInBlocks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Data(repeating: 0x61, count: 3 << 20)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try SHA256Digest.hex(ofFileAt: path) == SHA256Digest.hex(of: bytes))
    }

    @Test func namesTheFileAndTheSystemsReasonWhenItCannotBeRead() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)").path
        #expect(throws: FileDigestError(path: path, reason: "No such file or directory")) {
            try SHA256Digest.hex(ofFileAt: path)
        }
        #expect(
            FileDigestError(path: "Data/a.csv", reason: "Permission denied").description
                == "Data/a.csv: could not be read: Permission denied")
    }

    func manifest(at runTime: String) -> RunManifest {
        RunManifest(
            toolVersion: "awareness 0.1.0", configPath: "Data/campaigns.yaml", configSHA256: SHA256Digest.hex(of: "x"),
            inputs: [
                .init(
                    path: "impressions/a.csv", feed: "impressions", size: 10, sha256: "00", rowsRead: 3,
                    rowsAccepted: 2,
                    rowsRejected: 1),
                .init(
                    path: "helpline_calls/b.csv", feed: "helpline_calls", size: 5, sha256: "11", rowsRead: 1,
                    rowsAccepted: 1, rowsRejected: 0, rowsKeptWithInvalidText: 1),
            ], runTime: runTime)
    }

    @Test func differsBetweenTwoRunsOnlyInItsRunTime() throws {
        let first = try manifest(at: "2020-05-04T21:00:00Z").json().split(separator: "\n")
        let second = try manifest(at: "2020-05-05T21:00:07Z").json().split(separator: "\n")
        let differing = zip(first, second).filter { $0 != $1 }
        #expect(first.count == second.count)
        #expect(differing.count == 1)
        #expect(differing.first?.0.contains("\"run_time\"") == true)
    }

    @Test func sortsInputsByPathAndUsesSnakeCaseKeys() throws {
        let json = try manifest(at: "2020-05-04T21:00:00Z").json()
        #expect(json.contains("\"rows_rejected\" : 1"))
        #expect(json.contains("\"rows_kept_with_invalid_text\" : 0"))
        #expect(json.contains("\"rows_kept_with_invalid_text\" : 1"))
        let helpline = try #require(json.range(of: "helpline_calls/b.csv"))
        let impressions = try #require(json.range(of: "impressions/a.csv"))
        #expect(helpline.lowerBound < impressions.lowerBound)
        let decoded = try JSONDecoder().decode(RunManifest.self, from: Data(json.utf8))
        #expect(decoded == manifest(at: "2020-05-04T21:00:00Z"))
    }

    @Test func writesTheRunTimeInUtcWithoutLocale() {
        #expect(RunManifest.timestamp(Date(timeIntervalSince1970: 1_588_626_007.9)) == "2020-05-04T21:00:07Z")
        #expect(RunManifest.timestamp(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}

/// The manifest describes the bytes ingest read, from ingest's report: the path is never read again.
@Suite("Run manifest inputs")
struct RunManifestInputTests {
    @Test func takesTheSizeAndDigestOfTheReportNotOfTheFileNow() throws {
        var report = FileReport(feed: .helplineCalls, file: "helpline_calls/calls.csv")
        report.byteCount = 68
        report.sha256 = "e45c63964c6830c8d03d8fdbc586ca51f997853db085a8b11042b3e91dfc9f3b"
        report.rowsRead = 3
        report.rowsAccepted = 3
        // No such folder: a second reading of the path would fail.
        let input = try RunManifest.Input(report: report, dataFolder: "/nonexistent-\(UUID().uuidString)")
        #expect(input.size == 68)
        #expect(input.sha256 == report.sha256)
        #expect(input.path == "helpline_calls/calls.csv" && input.rowsRead == 3)
    }

    @Test func aFileChangedWhileReadHasNoDigest() throws {
        var report = FileReport(feed: .helplineCalls, file: "helpline_calls/calls.csv")
        report.byteCount = 68
        report.sha256 = "e45c63964c6830c8d03d8fdbc586ca51f997853db085a8b11042b3e91dfc9f3b"
        report.failure = FileFailure(
            isIOError: true, line: nil, column: nil, reason: .csv(.changedWhileRead(sizeAtOpen: 68, sizeAfter: 40)))
        let input = try RunManifest.Input(report: report, dataFolder: "Data")
        #expect(input.sha256 == nil)
        #expect(input.size == 68)
    }

    @Test func aRollupIsListedWithItsOwnSizeAndDigest() throws {
        var report = FileReport(feed: .impressions, file: "impressions/a.csv")
        report.rollupFile = "impressions/a.csv.rollup.json"
        report.byteCount = 217
        report.rollupByteCount = 700
        report.sha256 = "ab"
        report.ranges = 3
        let input = try RunManifest.Input(report: report, dataFolder: "Data")
        #expect(input.path == "impressions/a.csv.rollup.json")
        #expect(input.size == 700 && input.sha256 == "ab")
        #expect(input.rollupOf == "impressions/a.csv" && input.ranges == 3)
    }
}
