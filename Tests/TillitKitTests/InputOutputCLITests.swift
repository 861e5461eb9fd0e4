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

extension InputOutputCLITests {
    @Test("every verb reports a write error on stdout in one line on stderr and exits 74", arguments: [
        "score Corpus/000_810f52e9195261e7.txt --format jsonl",
        "repair Corpus/002_01034d870a99e8da.txt",
        "repair --format jsonl Corpus/002_01034d870a99e8da.txt",
        "repair --diff Corpus/002_01034d870a99e8da.txt",
        "tokens Corpus/000_810f52e9195261e7.txt",
        "kwic tillit* Corpus/000_810f52e9195261e7.txt --format jsonl",
        "report -o - Corpus/000_810f52e9195261e7.txt",
        "lexicon show",
        "lexicon lint --corpus Corpus",
        "--help",
        "--version",
        "score --help",
    ])
    func writeErrors(_ command: String) throws {
        let full = try shell("\"$T\" \(command) > /dev/full")
        #expect(full.status == 74, "\(command)")
        let lines = full.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("tillit: <stdout>: write failed"), "\(command): \(full.err)")
        // a closed stdout is a write error too
        let closed = try shell("\"$T\" \(command) >&-")
        #expect(closed.status == 74, "\(command) >&-")
    }

    @Test("lexicon check reports every bad line in one run; a CRLF lexicon checks ok with all its entries; a huge weight is bad data")
    func lexiconCheck() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let bad = d.appendingPathComponent("bad.tillit")
        try Data("tillit~ | 9 | T\nkontroll~ | 4 | K\nnära dialog | 5 | X\n".utf8).write(to: bad)
        let r = try cli.run(["lexicon", "check", bad.path])
        #expect(r.status == 65)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("tillit: \(bad.path):1: unknown dimension") == true)
        #expect(lines.last?.hasPrefix("tillit: \(bad.path):3: pole must be") == true)
        let crlf = d.appendingPathComponent("crlf.tillit")
        try Data("förtroende~ | tillit | T\r\n*detaljstyrning~ | 1 | K\r\n".utf8).write(to: crlf)
        let c = try cli.run(["lexicon", "check", crlf.path])
        #expect(c.status == 0)
        #expect(c.out == "\(crlf.path): ok, 2 entries (1 K, 1 T, 0 names)\n")
        let huge = d.appendingPathComponent("huge.tillit")
        try Data("tillit~ | tillit | T | 1e15\n".utf8).write(to: huge)
        #expect(try cli.run(["lexicon", "check", huge.path]).status == 65)
        let s = try cli.run(["score", "--lexicon", huge.path, "--format", "jsonl", "-"], stdin: Data("Tillit.\n".utf8))
        #expect(s.status == 65 && s.err.contains("up to 1000"))
    }
}
