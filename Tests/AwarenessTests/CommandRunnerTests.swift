import Testing

@Suite("Command runner")
struct CommandRunnerTests {
    /// A pipe holds 64 KiB on Linux: a runner that read standard output to its end before standard error would
    /// wait for ever here, the command blocked on a full standard error that nobody reads.
    @Test func readsAStandardErrorLargerThanAPipeHoldsWithoutWaitingForEver() throws {
        let name = String(repeating: "x", count: 100_000)  // no colon: not a series name, quoted back
        let result = try CommandRunner.run(["uplift", "--series", name, "--from", "2020-01-01", "--to", "2020-01-31"])
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count > 1 << 16)
        #expect(result.stderr.contains(name))
    }
}
