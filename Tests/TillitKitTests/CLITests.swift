import Foundation
import Testing
import TillitKit

/// End-to-end: runs the built `tillit` binary and checks stdout, stderr and the exit code.
@Suite("CLI end to end", .serialized)
struct CLITests {
    struct Run { var status: Int32; var out: String; var err: String }

    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tillit"),
            Bundle.main.bundleURL.appendingPathComponent("tillit"),
            Fixtures.root.appendingPathComponent(".build/debug/tillit"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    func run(_ args: [String], stdin: Data? = nil, stdinFile: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = CLITests.binary
        p.arguments = args
        p.currentDirectoryURL = Fixtures.root
        let o = Pipe(), e = Pipe(), i = Pipe()
        p.standardOutput = o
        p.standardError = e
        if let stdinFile { p.standardInput = FileHandle(forReadingAtPath: stdinFile) } else { p.standardInput = i }
        var outData = Data(), errData = Data()
        try p.runToExit {
            if let d = stdin { i.fileHandleForWriting.write(d) }
            try i.fileHandleForWriting.close()
            outData = o.fileHandleForReading.readDataToEndOfFile()
            errData = e.fileHandleForReading.readDataToEndOfFile()
        }
        return Run(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test("score Corpus/ prints one JSON row per paragraph for all five seeds, in input order")
    func scoreCorpus() throws {
        let r = try run(["score", "Corpus/", "--format", "jsonl"])
        #expect(r.status == 0)
        let rows = r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let ids = rows.map { $0["id"] as! String }
        #expect(Set(ids).count == 5)
        #expect(ids == ids.sorted())
        #expect(rows.allSatisfy { ["K", "T", "B", "N"].contains($0["label"] as! String) })
        #expect(rows.contains { ($0["label"] as! String) == "T" })
        // a paragraph without hits has the same fields as one with hits, all zero
        let keys = Set(rows.first { ($0["k_hits"] as! Int) > 0 }!.keys)
        let empty = try #require(rows.first { ($0["k_hits"] as! Int) == 0 && ($0["t_hits"] as! Int) == 0 })
        #expect(Set(empty.keys) == keys)
        #expect(["net", "logit", "k", "t"].allSatisfy { (empty[$0] as! NSNumber).doubleValue == 0 })
        let table = empty["rows"] as! [String: [String: NSNumber]]
        #expect(table.keys.sorted() == ["1", "2", "3", "4", "5", "6"] && table.values.allSatisfy { $0["k"] == 0 && $0["t"] == 0 })
        #expect((empty["principles"] as! [String: NSNumber]).count == 7 && (empty["principles"] as! [String: NSNumber]).values.allSatisfy { $0 == 0 })
    }

    @Test("a missing path: one line on stderr, exit 66")
    func missingPath() throws {
        let r = try run(["score", "no/such/dir"])
        #expect(r.status == 66)
        #expect(r.err == "tillit: no/such/dir: no such file or directory\n")
    }

    @Test("a directory without text files: exit 66")
    func emptyDirectory() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        try Data([1, 2]).write(to: d.appendingPathComponent("image.png"))
        let r = try run(["score", d.path])
        #expect(r.status == 66)
        #expect(r.err.contains("contains no .txt or .md files"))
    }

    @Test("a binary, an empty and a Latin-1 file in a batch: every file gets a row, the binary one skipped, exit 1")
    func mixedBatch() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0x14]).write(to: d.appendingPathComponent("a-binary.txt"))
        try Data().write(to: d.appendingPathComponent("b-empty.txt"))
        try Data(Array("Tillit till professionen och ".utf8) + [0xF6, 0x6B, 0x61, 0x64] + Array(" handlingsutrymme beh".utf8) + [0xF6, 0x76, 0x73, 0x2E]).write(to: d.appendingPathComponent("c-latin1.txt"))
        try FileManager.default.copyItem(atPath: Fixtures.corpus("000_810f52e9195261e7.txt"), toPath: d.appendingPathComponent("d-seed.txt").path)
        let r = try run(["score", d.path, "--format", "jsonl", "--unit", "document"])
        #expect(r.status == 1)
        let errLines = r.err.split(separator: "\n")
        #expect(errLines.contains { $0.contains("a-binary.txt: binary data") })
        #expect(errLines.contains { $0.contains("warning: \(d.path)/b-empty.txt: no text") })
        #expect(errLines.contains { $0.contains("c-latin1.txt: not valid UTF-8; read as Windows-1252") })
        let out = r.out.split(separator: "\n")
        #expect(out.count == 4)
        #expect(out[0].contains("a-binary.txt") && out[0].contains("\"status\":\"skipped\""))
        #expect(out[1].contains("b-empty.txt") && out[1].contains("\"tokens\":0") && out[1].contains("\"label\":\"N\""))
        #expect(out[2].contains("c-latin1.txt") && out[2].contains("\"encoding\":\"windows-1252\"") && out[2].contains("\"label\":\"T\""))
        #expect(out[3].contains("d-seed.txt"))
    }

    @Test("a 15 MB single line is scored in parts without error")
    func hugeLine() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let line = String(repeating: "tillit och kontroll ", count: 750_000)
        try Data(line.utf8).write(to: d.appendingPathComponent("huge.txt"))
        let r = try run(["score", d.appendingPathComponent("huge.txt").path, "--unit", "document", "--format", "jsonl", "--repair", "off"])
        #expect(r.status == 0)
        let row = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(row["tokens"] as? Int == 2_250_000)
        #expect(row["t_hits"] as? Int == 750_000)
        #expect(row["k_hits"] as? Int == 750_000)
    }

    @Test("empty standard input: one warning on stderr, one row with 0 tokens and label N, exit 0")
    func emptyStdin() throws {
        let r = try run(["score", "--format", "jsonl", "-"], stdin: Data())
        #expect(r.status == 0)
        #expect(r.err == "tillit: warning: -: no text (empty or only whitespace); one row with 0 tokens, label N\n")
        let row = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(row["id"] as? String == "-" && row["tokens"] as? Int == 0 && row["label"] as? String == "N" && row["kind"] as? String == "empty")
    }

    @Test("a malformed lexicon: exit 65 with file and line")
    func malformedLexicon() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let lex = d.appendingPathComponent("bad.tillit")
        try Data("tillit | tillit | T\nkontroll | 4 | Q\n".utf8).write(to: lex)
        let r = try run(["score", "Corpus/", "--lexicon", lex.path])
        #expect(r.status == 65)
        #expect(r.err == "tillit: \(lex.path):2: pole must be K, T, N (a name) or F (a frame word), found 'Q'\n")
        let c = try run(["lexicon", "check", lex.path])
        #expect(c.status == 65)
    }

    @Test("a malformed repair lexicon: exit 65 with file and line; a small valid one repairs with its own words")
    func repairLexiconFile() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let bad = d.appendingPathComponent("bad.txt")
        try Data("w\tför\t900\nw\tfor\n".utf8).write(to: bad)
        let r = try run(["repair", "--repair-lexicon", bad.path, "Corpus/002_01034d870a99e8da.txt"])
        #expect(r.status == 65)
        #expect(r.err == "tillit: \(bad.path):2: 'w' line needs 3 tab-separated fields, found 2\n")
        // a lexicon of two words, with the OCR confusion 6→ö: only "f6r" can change
        let good = d.appendingPathComponent("tiny.txt")
        try Data("w\tför\t900\nw\tflera\t50\nc\t6\tö\t40\nc\tö\tö\t100\n".utf8).write(to: good)
        let input = d.appendingPathComponent("in.txt")
        try Data("Pengar f6r 1 flera ar.\n".utf8).write(to: input)
        let g = try run(["repair", "--mode", "on", "--repair-lexicon", good.path, input.path])
        #expect(g.status == 0)
        #expect(g.out == "Pengar för 1 flera ar.\n")
        // score takes the same option; a missing file is reported before any scoring
        let m = try run(["score", "--repair-lexicon", d.appendingPathComponent("none.txt").path, "Corpus/"])
        #expect(m.status == 66)
        #expect(m.err.hasSuffix("none.txt: no such file or directory\n"))
    }

    @Test("an unknown flag: exit 64 with a suggestion")
    func unknownFlag() throws {
        let r = try run(["score", "--fromat", "csv", "Corpus/"])
        #expect(r.status == 64)
        #expect(r.err.contains("unknown option '--fromat'; did you mean '--format'?"))
        let v = try run(["score", "--unit", "chapter", "Corpus/"])
        #expect(v.status == 64)
        #expect(v.err.contains("document, paragraph, sentence"))
    }

    @Test("an option whose value is left out before another option: exit 64 naming it, not the next option read as a file")
    func optionValueLeftOut() throws {
        let r = try run(["score", "--model", "--format", "csv", "Corpus/"])
        #expect(r.status == 64)
        #expect(r.err.contains("option '--model' needs a value"))
        let dash = try run(["score", "--format", "-", "Corpus/"])   // a lone `-` is a value, here a bad one
        #expect(dash.status == 64)
    }

    @Test("validate --cv with --train-share names how many source groups the draw put in the training share")
    func trainShareNamesTheGroupsDrawn() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let k = ["Myndigheten ska följa upp resultaten med mätbara mål och täta kontroller.", "Verksamheten styrs med detaljerade indikatorer och återrapporteringskrav."]
        let t = ["Vi vill ge professionerna större handlingsutrymme och visa tillit till deras omdöme.", "Styrningen bygger på tillit, dialog och medarbetarnas kunskap."]
        let n = ["Kommunen byggde en ny idrottshall vid skolan förra året.", "Tåget avgick från stationen klockan åtta på morgonen."]
        var tsv = "id\tlabel\tsource\ttext\n"
        for g in 0..<6 {
            tsv += "k\(g)\tK\tsrc\(g)\t\(k[g % 2])\n"
            tsv += "t\(g)\tT\tsrc\(g)\t\(t[g % 2])\n"
            tsv += "n\(g)\tN\tsrc\(g)\t\(n[g % 2])\n"
        }
        let gold = d.appendingPathComponent("gold.tsv")
        try Data(tsv.utf8).write(to: gold)
        let r = try run(["validate", "--gold", gold.path, "--cv", "3", "--train-share", "0.9"])
        let drawn = (0..<6).filter { Validation.inTrainingShare("src\($0)", share: 0.9, seed: 0) }.count
        #expect(r.out.contains("on 90% of the other groups (drawn per group: \(drawn) of the 6 groups are in the training share)"), "\(r.out)\n\(r.err)")
    }

    @Test("stdin and JSONL records keep their ids; bad records are reported with line numbers, and one with an id but no text keeps its id")
    func jsonlInput() throws {
        let input = "{\"id\": \"S1\", \"text\": \"Vi vill minska detaljstyrningen.\"}\nnot json\n{\"id\": 7, \"text\": \"Kommunstyrelsen 2021-04-07\"}\n{\"id\": \"S4\"}\n"
        let r = try run(["score", "--input", "jsonl", "--format", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(r.status == 1)
        #expect(r.err.contains("-:2: bad JSONL record"))
        let rows = r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        // the bad record keeps its place as a skipped row named FILE:LINE
        #expect(rows.map { $0["id"] as! String } == ["S1", "-:2", "7", "S4"])
        #expect(rows.map { $0["label"] as? String } == ["T", nil, "N", nil])
        #expect(rows[1]["status"] as? String == "skipped" && (rows[1]["reason"] as? String)?.hasPrefix("bad JSONL record") == true)
        #expect(rows[3]["status"] as? String == "skipped" && rows[3]["reason"] as? String == "bad JSONL record at -:4: missing string field \"text\"")
        #expect(r.err.contains("-:4 (record S4): bad JSONL record: missing string field \"text\""))
    }

    @Test("a closed stdout ends the run quietly, without a crash")
    func closedStdout() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "'\(CLITests.binary.path)' score Corpus/ Corpus/ Corpus/ --format csv | head -1; echo \"status=${PIPESTATUS:-x}\""]
        p.currentDirectoryURL = Fixtures.root
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        var out = "", err = ""
        try p.runToExit {
            out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(out.hasPrefix("id,unit,index,kind"))
        #expect(!err.contains("Fatal") && !err.contains("Broken pipe") && !err.contains("Illegal"))
    }

    @Test("repair reads a large file in parts: the diff header counts every change, the change list, diff and text agree, from a file and from stdin")
    func repairInParts() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let doc = RepairStreamTests.document(8000)   // about 690 KB: three parts
        #expect(doc.count > 2 * (256 << 10))
        let path = d.appendingPathComponent("large.txt").path
        try Data(doc).write(to: URL(fileURLWithPath: path))
        let jsonl = try run(["repair", "--format", "jsonl", path])
        let changes = jsonl.out.split(separator: "\n")
        #expect(jsonl.status == 0 && changes.count > 8000)
        let diff = try run(["repair", "--diff", path]).out.split(separator: "\n")
        #expect(diff[1] == "+++ \(path) (repaired, \(changes.count) changes)")
        // the last change's line number: lines counted across the parts
        #expect(diff.last { $0.hasPrefix("@@ line ") } == "@@ line \(doc.filter { $0 == 0x0A }.count)")
        let text = try run(["repair", path])
        // (through a file on stdin: repair writes while it reads, so a pipe written in full first would fill)
        let piped = try run(["repair", "-"], stdinFile: path)
        #expect(text.out == piped.out && text.out.utf8.count > doc.count)
        #expect(Array(text.out.utf8) == Repairer.shared.repair(text: doc).apply(to: doc))
        // from stdin the count comes only at the end: the header leaves it out
        #expect(try run(["repair", "--diff", "-"], stdinFile: path).out.split(separator: "\n")[1] == "+++ - (repaired)")
    }

    @Test("repair --format jsonl lists each change with its original span")
    func repairJSONL() throws {
        let r = try run(["repair", "--format", "jsonl", "Corpus/003_2057fdc33c0afc19.txt"])
        #expect(r.status == 0)
        let first = try JSONSerialization.jsonObject(with: Data(r.out.split(separator: "\n")[0].utf8)) as! [String: Any]
        #expect(first["original"] as? String == "Vinsterpartiet")
        #expect(first["replacement"] as? String == "Vänsterpartiet")
        #expect(first["offset"] as? Int == 0)
    }

    @Test("kwic finds control language by row and pole, with context and offsets")
    func kwic() throws {
        let r = try run(["kwic", "4:K", "Corpus/000_810f52e9195261e7.txt", "--format", "jsonl"])
        #expect(r.status == 0)
        let rows = r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.contains { ($0["match"] as? String) == "detaljstyrning" && ($0["right"] as? String)?.hasPrefix("och kontroll") == true })
        #expect(rows.allSatisfy { ($0["pole"] as? String) == "K" })
        let bad = try run(["kwic", "9:K", "Corpus/"])
        #expect(bad.status == 64)
    }

    @Test("lexicon lint lists matched word types and dead patterns; lexicon show prints the table")
    func lexiconLintAndShow() throws {
        let lint = try run(["lexicon", "lint", "--corpus", "Corpus/"])
        #expect(lint.status == 0)
        #expect(lint.out.contains("detaljstyrning"))
        #expect(lint.out.contains("dead patterns ("))
        let show = try run(["lexicon", "show"])
        #expect(show.out.contains("== row 4 instrument =="))
        #expect(show.out.contains("principle öppenhet"))
    }

    @Test("report writes one self-contained HTML file with every document, loading nothing from outside")
    func htmlReport() throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let path = d.appendingPathComponent("r.html").path
        let r = try run(["report", "Corpus/", "-o", path])
        #expect(r.status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<svg") && html.contains("<mark class=\"k") && html.contains("<mark class=\"t"))
        #expect(html.contains("class=\"rep\" title=\"OCR: Vinsterpartiet"))
        for f in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path) where f.hasSuffix(".txt") {
            #expect(html.contains("Corpus/\(f)"))
        }
    }

    @Test("the README's examples show real output: the score table, the JSONL row, the repair diff and the change list")
    func readmeExamples() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## Examples (real output)")[1].components(separatedBy: "## Commands")[0]
        /// The lines the README prints under `$ command`, up to the next command or the block's end.
        func shown(after command: String) -> [String] {
            let rest = section.components(separatedBy: "$ " + command + "\n")[1]
            return rest.components(separatedBy: "```")[0].components(separatedBy: "\n$ ")[0]
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty && $0 != "   …" && $0 != "  …" }
        }
        let table = try run(["score", "Corpus/001_1bb6f32811f21775.txt", "--format", "table"]).out.split(separator: "\n").map(String.init)
        for line in shown(after: "tillit score Corpus/001_1bb6f32811f21775.txt") { #expect(table.contains(line), "README line not in the output: \(line)") }
        let rows = try run(["score", "Corpus/003_2057fdc33c0afc19.txt", "--format", "jsonl"]).out.split(separator: "\n").map(String.init)
        #expect(shown(after: "tillit score Corpus/003_2057fdc33c0afc19.txt --format jsonl | sed -n 4p") == [rows[3]])
        let diff = try run(["repair", "--diff", "Corpus/002_01034d870a99e8da.txt"]).out.split(separator: "\n").map(String.init)
        #expect(shown(after: "tillit repair --diff Corpus/002_01034d870a99e8da.txt | head -5") == Array(diff.prefix(5)))
    }

    @Test("--version and --help answer with exit 0")
    func versionAndHelp() throws {
        #expect(try run(["--version"]).out.hasPrefix("tillit "))
        let h = try run(["score", "--help"])
        #expect(h.status == 0 && h.out.contains("--repair MODE"))
    }
}
