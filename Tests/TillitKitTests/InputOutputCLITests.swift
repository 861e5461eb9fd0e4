import Foundation
import Testing

/// End to end, like `CLITests`: paragraph options, write errors, lexicon files, rows for every input.
@Suite("CLI input and output", .serialized)
struct InputOutputCLITests {
    let cli = CLITests()

    func rows(_ out: String) -> [[String: Any]] {
        out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// Runs `script` under /bin/sh with `$T` set to the tillit binary, in the repository root.
    func shell(_ script: String) throws -> CLITests.Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.environment = ["T": CLITests.binary.path, "PATH": "/usr/bin:/bin"]
        p.currentDirectoryURL = Fixtures.root
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try p.run()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return CLITests.Run(status: p.terminationStatus, out: out, err: err)
    }

    @Test("score: a file written one paragraph per line gives a row per line by default; --paragraphs blank gives one")
    func paragraphsPerLine() throws {
        let text = "Regeringen styr myndigheterna med allt fler detaljerade återrapporteringskrav.\nKommunerna efterlyser större handlingsutrymme och mer tillit till professionerna.\nVad avser ministern att göra åt detta?\n"
        let auto = try cli.run(["score", "--format", "jsonl", "--repair", "off", "-"], stdin: Data(text.utf8))
        #expect(auto.status == 0)
        let r = rows(auto.out)
        #expect(r.count == 3)
        #expect(r.map { $0["index"] as! Int } == [0, 1, 2])
        #expect(r.map { $0["kind"] as! String } == ["paragraph", "paragraph", "paragraph"])
        let blank = try cli.run(["score", "--format", "jsonl", "--paragraphs", "blank", "-"], stdin: Data(text.utf8))
        #expect(rows(blank.out).count == 1)
        let bad = try cli.run(["score", "--paragraphs", "lines", "-"], stdin: Data(text.utf8))
        #expect(bad.status == 64 && bad.err.contains("blank, line, auto"))
        let tokens = try cli.run(["tokens", "--paragraphs", "line", "-"], stdin: Data(text.utf8))
        #expect(tokens.out.split(separator: "\n").filter { $0.hasPrefix("segment ") }.count == 3)
    }
}
