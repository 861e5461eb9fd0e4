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
        // output through files, not pipes: a blocking pipe read can be interrupted (EINTR)
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let o = d.appendingPathComponent("out"), e = d.appendingPathComponent("err")
        FileManager.default.createFile(atPath: o.path, contents: nil)
        FileManager.default.createFile(atPath: e.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: o)
        p.standardError = try FileHandle(forWritingTo: e)
        p.standardInput = FileHandle.nullDevice
        try p.runToExit()
        return CLITests.Run(status: p.terminationStatus, out: try String(contentsOf: o, encoding: .utf8), err: try String(contentsOf: e, encoding: .utf8))
    }

    @Test("a CSV record whose quotes are not balanced is a skipped row naming its line, not a record that silently swallows the lines after it")
    func unbalancedCSVQuotes() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let path = d.appendingPathComponent("motioner.csv").path
        // record b opens a quote it never closes, so its field runs into record c's
        try Data("id,text\na,\"Vi vill ge professionen mer tillit.\"\nb,\"Kommunen följer upp\nc,\"Mer kontroll.\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try cli.run(["score", "--input", "csv", path, "--format", "jsonl"])
        #expect(r.status == 1)
        let out = rows(r.out)
        #expect(out.count == 2 && out[0]["id"] as? String == "a" && out[0]["label"] != nil)
        #expect(out[1]["status"] as? String == "skipped" && (out[1]["reason"] as? String)?.contains("quotes are not balanced") == true)
        #expect(r.err.contains("motioner.csv:3: bad CSV row: its quotes are not balanced"))
        // the same with the quote closed reads three records
        try Data("id,text\na,\"Vi vill ge professionen mer tillit.\"\nb,\"Kommunen följer upp\"\nc,\"Mer kontroll.\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let ok = try cli.run(["score", "--input", "csv", path, "--format", "jsonl"])
        #expect(ok.status == 0 && rows(ok.out).map { $0["id"] as! String } == ["a", "b", "c"])
    }

    @Test("document rows in CSV carry the passage counts, encoding, repairs and damage flag that their JSONL rows carry")
    func documentCSVColumns() throws {
        let csv = try cli.run(["score", "Corpus/", "--unit", "document", "--format", "csv"])
        let jsonl = try cli.run(["score", "Corpus/", "--unit", "document", "--format", "jsonl"])
        #expect(csv.status == 0 && jsonl.status == 0)
        let lines = csv.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let json = rows(jsonl.out)
        #expect(lines.count - 1 == json.count && json.count == 5)
        for name in ["passages_K", "passages_T", "passages_B", "passages_N", "encoding", "repairs", "damaged"] { #expect(header.contains(name), "\(name)") }
        // the ids hold no comma, and these columns come before any text: split on commas
        func cell(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        for (row, j) in zip(lines.dropFirst(), json) {
            let passages = j["passages"] as! [String: Int]
            #expect(cell(row, "id") == j["id"] as! String)
            for l in ["K", "T", "B", "N"] { #expect(cell(row, "passages_" + l) == String(passages[l]!)) }
            #expect(cell(row, "encoding") == j["encoding"] as! String)
            #expect(cell(row, "repairs") == String(j["repairs"] as! Int))
            #expect(cell(row, "damaged") == String(j["damaged"] as! Bool))
        }
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
        #expect(c.out == "\(crlf.path): ok, 2 entries (1 K, 1 T, 0 names, 0 frame words; 0 sense conditions)\n")
        let huge = d.appendingPathComponent("huge.tillit")
        try Data("tillit~ | tillit | T | 1e15\n".utf8).write(to: huge)
        #expect(try cli.run(["lexicon", "check", huge.path]).status == 65)
        let s = try cli.run(["score", "--lexicon", huge.path, "--format", "jsonl", "-"], stdin: Data("Tillit.\n".utf8))
        #expect(s.status == 65 && s.err.contains("up to 1000"))
    }
}

extension InputOutputCLITests {
    @Test("a file of only whitespace gets one row (0 tokens, label N) in every unit, with a warning")
    func blankFileRow() throws {
        for unit in ["paragraph", "sentence", "document"] {
            let r = try cli.run(["score", "--format", "jsonl", "--unit", unit, "-"], stdin: Data(" \n\n\t\n".utf8))
            #expect(r.status == 0, "\(unit)")
            let rows = rows(r.out)
            #expect(rows.count == 1 && rows[0]["tokens"] as? Int == 0 && rows[0]["label"] as? String == "N", "\(unit)")
            #expect(r.err.contains("warning: -: no text"))
        }
    }

    @Test("an empty or NUL record is named by FILE:LINE beside its id; repair --input writes every record back, a NUL one as it stands, and exits 1")
    func badRecordsNamedAndKept() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let f = d.appendingPathComponent("records.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"Fragan ar viktig for kommunen.\"}\n{\"id\":\"b\",\"text\":\"\"}\n{\"id\":\"c\",\"text\":\"x\\u0000y\"}\n".utf8).write(to: f)
        let s = try cli.run(["score", "--input", "jsonl", "--format", "jsonl", f.path])
        #expect(s.status == 1)
        #expect(s.err.contains("\(f.path):2 (record b): no text"))
        #expect(s.err.contains("\(f.path):3 (record c): binary data"))
        let r = rows(s.out)
        #expect(r.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect(r[2]["status"] as? String == "skipped")
        let rep = try cli.run(["repair", "--input", "jsonl", "--mode", "on", f.path])
        #expect(rep.status == 1)
        #expect(rep.err.contains("\(f.path):3 (record c): binary data"))
        #expect(!rep.err.contains("record b"))
        let back = rows(rep.out)
        #expect(back.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect(back.map { $0["text"] as? String } == ["Frågan är viktig för kommunen.", "", "x\u{0}y"])
    }

    @Test("a skipped file gets a row with status skipped and the reason in jsonl, csv and tsv; good rows say ok; exit 1")
    func skippedRows() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        try Data([0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2]).write(to: d.appendingPathComponent("a.txt"))
        try Data("Nämnden visar tillit till medarbetarnas kunskap.\n".utf8).write(to: d.appendingPathComponent("b.txt"))
        let j = try cli.run(["score", d.path, "--format", "jsonl"])
        #expect(j.status == 1)
        let r = rows(j.out)
        #expect(r.count == 2)
        #expect(r[0]["id"] as? String == d.appendingPathComponent("a.txt").path)
        #expect(r[0]["status"] as? String == "skipped")
        #expect((r[0]["reason"] as? String)?.hasPrefix("binary data") == true)
        #expect(r[1]["status"] == nil && r[1]["label"] as? String == "T")
        let t = try cli.run(["score", d.path, "--format", "tsv"])
        #expect(t.status == 1)
        let lines = t.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.count == 3)
        #expect(lines[0].suffix(2) == ["status", "reason"])
        #expect(lines.allSatisfy { $0.count == lines[0].count })
        #expect(lines[1][0].hasSuffix("a.txt") && lines[1][lines[0].count - 2] == "skipped" && lines[1].last!.hasPrefix("binary data"))
        #expect(lines[2][0].hasSuffix("b.txt") && lines[2][lines[0].count - 2] == "ok" && lines[2].last! == "")
        let c = try cli.run(["score", d.path, "--format", "csv"])
        #expect(c.out.split(separator: "\n")[1].contains(",skipped,\"binary data (NUL or control bytes), not text; skipped\""))
        // a missing path among good ones gets its row too
        let m = try cli.run(["score", d.appendingPathComponent("b.txt").path, d.appendingPathComponent("none.txt").path, "--format", "jsonl"])
        #expect(m.status == 1)
        #expect(rows(m.out).contains { ($0["id"] as? String)?.hasSuffix("none.txt") == true && $0["reason"] as? String == "no such file or directory" })
    }

    /// Runs tillit as an unprivileged user (nobody) when the tests run as root, where
    /// permissions would not apply.
    func unprivileged(_ args: String) throws -> CLITests.Run {
        try shell((getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "") + "\"$T\" " + args)
    }

    @Test("unreadable folders and files say permission denied: exit 74 alone, 1 in a batch; a walked folder with an unreadable subfolder does not exit 0")
    func permissionDenied() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let open = d.appendingPathComponent("open"), shut = d.appendingPathComponent("shut")
        for f in [open, shut] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
        try Data("Regeringen styr med detaljerade krav.\n".utf8).write(to: open.appendingPathComponent("a.txt"))
        try Data("Kommunen visar tillit.\n".utf8).write(to: shut.appendingPathComponent("b.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: shut.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shut.path) }
        let walked = try unprivileged("score '\(d.path)' --format jsonl")
        #expect(walked.status == 1)
        #expect(walked.err.contains("\(shut.path): permission denied"))
        #expect(rows(walked.out).count == 2)   // the scored file, and the folder's skipped row
        let folder = try unprivileged("score '\(shut.path)'")
        #expect(folder.status == 74 && folder.err == "tillit: \(shut.path): permission denied\n")
        let file = try unprivileged("score '\(shut.path)/b.txt'")
        #expect(file.status == 74 && file.err == "tillit: \(shut.path)/b.txt: permission denied\n")
    }

    @Test("a symbolic link loop is named as such")
    func symlinkLoop() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let loop = d.appendingPathComponent("loop.txt")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let r = try cli.run(["score", loop.path])
        #expect(r.status == 74)
        #expect(r.err == "tillit: \(loop.path): symbolic link loop\n")
    }
}

extension InputOutputCLITests {
    @Test("--input csv reads one record per row (quoted commas and line breaks inside), with its id and text columns; every other column passes through to every row")
    func csvInput() throws {
        let csv = "kommun,år,anförande,parti\r\nLund,2021,\"Vi vill minska detaljstyrningen, och öka tilliten.\",V\r\nMalmö,2022,\"Mer kontroll.\nOch fler inspektioner.\",M\r\n"
        let r = try cli.run(["score", "--input", "csv", "--id-column", "kommun", "--text-column", "anförande", "--format", "jsonl", "-"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.err)")
        let recs = rows(r.out)
        #expect(recs.map { $0["id"] as! String } == ["Lund", "Malmö"])
        #expect(recs.map { $0["unit"] as! String } == ["document", "document"])
        #expect(recs[0]["label"] as? String == "T" && recs[1]["label"] as? String == "K")
        #expect((recs[0]["columns"] as? [String: String]) == ["år": "2021", "parti": "V"])
        #expect((recs[1]["columns"] as? [String: String]) == ["år": "2022", "parti": "M"])
        // the same as TSV in, CSV out: the pass-through columns come before status
        let tsv = "id\ttext\tparti\nA1\tTillit till lärarna.\tS\n"
        let c = try cli.run(["score", "--input", "tsv", "--format", "csv", "-"], stdin: Data(tsv.utf8))
        let lines = c.out.split(separator: "\n")
        #expect(lines[0].hasSuffix(",parti,status,reason"))
        #expect(lines[1].hasPrefix("A1,document,") && lines[1].hasSuffix(",S,ok,"))
        // a JSONL record's other members pass through too; a column named like a tillit field is kept apart
        let j = try cli.run(["score", "--input", "jsonl", "--format", "tsv", "-"], stdin: Data("{\"id\": \"x\", \"text\": \"Kontroll.\", \"label\": \"K\", \"år\": 2020}\n".utf8))
        let h = j.out.split(separator: "\n")[0].split(separator: "\t")
        #expect(h.suffix(4) == ["input_label", "år", "status", "reason"])
        #expect(j.out.split(separator: "\n")[1].hasSuffix("\tK\t2020\tok\t"))
        // a row with the wrong number of fields is reported with its place
        let bad = try cli.run(["score", "--input", "csv", "--format", "jsonl", "-"], stdin: Data("id,text\na,Tillit.,extra\nb,Kontroll.\n".utf8))
        #expect(bad.status == 1 && bad.err.contains("-:2: bad CSV row: 3 fields, the header has 2"))
        #expect(rows(bad.out).map { $0["id"] as! String } == ["-:2", "b"])
    }
}

extension InputOutputCLITests {
    @Test("--dict writes the percentages in csv and tsv too, beside the counts")
    func dictPercentInCSV() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let dict = d.appendingPathComponent("kat.yaml")
        try Data("styrning:\n  - kontroll*\nförtroende:\n  - tillit*\n".utf8).write(to: dict)
        let r = try cli.run(["score", "--dict", dict.path, "--format", "csv", "-"], stdin: Data("Kontroll och åter kontroll, men tillit.\n".utf8))
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines[0].hasSuffix(",words,styrning,förtroende,pct_styrning,pct_förtroende"))
        // 6 words: 2 of them styrning, 1 förtroende
        #expect(lines[1].hasSuffix(",6,2,1,33.3333,16.6667"))
    }
}

extension InputOutputCLITests {
    @Test("when every input fails, the exit code is that of the input given first on the command line")
    func exitCodeFollowsCommandLine() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let binary = d.appendingPathComponent("bin.txt").path, missing = d.appendingPathComponent("none.txt").path
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: binary))
        for verb in ["score", "tokens", "repair"] {
            #expect(try cli.run([verb, binary, missing]).status == 65, "\(verb)")
            #expect(try cli.run([verb, missing, binary]).status == 66, "\(verb)")
        }
    }

    @Test("a symbolic link loop inside a walked folder is reported, and the batch exits 1")
    func symlinkLoopInFolder() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        try Data("Tillit till lärarna.\n".utf8).write(to: d.appendingPathComponent("a.txt"))
        let loop = d.appendingPathComponent("b.txt")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let r = try cli.run(["score", d.path, "--format", "jsonl"])
        #expect(r.status == 1)
        #expect(r.err.contains("\(loop.path): symbolic link loop"))
        #expect(rows(r.out).count == 2)
    }
}

extension InputOutputCLITests {
    @Test("--ids relative names a found file by its path below the folder given, so ids do not depend on where the corpus lies")
    func relativeIDs() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let sub = d.appendingPathComponent("2021")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("Tillit till lärarna.\n".utf8).write(to: sub.appendingPathComponent("lund.txt"))
        try Data("Mer kontroll.\n".utf8).write(to: d.appendingPathComponent("malmö.txt"))
        // a file named on the command line keeps its path
        let other = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: other) }
        let single = other.appendingPathComponent("umeå.txt").path
        try Data("Stöd och förtroende.\n".utf8).write(to: URL(fileURLWithPath: single))
        let r = try cli.run(["score", d.path + "/", single, "--ids", "relative", "--format", "jsonl"])
        #expect(r.status == 0)
        #expect(rows(r.out).map { $0["id"] as! String } == ["2021/lund.txt", "malmö.txt", single])
        #expect(rows(try cli.run(["score", d.path, "--format", "jsonl"]).out).map { $0["id"] as! String } == [sub.appendingPathComponent("lund.txt").path, d.appendingPathComponent("malmö.txt").path])
        #expect(try cli.run(["score", d.path, "--ids", "base"]).status == 64)
    }
    @Test("kwic and tokens read JSONL and CSV records: ids from --id-column, text from --text-column, metadata on every line")
    func kwicAndTokensReadRecords() throws {
        let jsonl = "{\"id\": \"a\", \"text\": \"Kommunen ska kontrollera verksamheten.\", \"party\": \"S\", \"year\": 2020}\n{\"id\": \"b\", \"text\": \"Mer kontroll och tillit.\", \"party\": \"M\", \"year\": 2021}\n"
        let k = try cli.run(["kwic", "kontroll*", "--input", "jsonl", "--format", "jsonl", "--repair", "off", "-"], stdin: Data(jsonl.utf8))
        #expect(k.status == 0)
        let r = rows(k.out)
        #expect(r.map { $0["id"] as! String } == ["a", "b"])
        #expect(r.map { $0["match"] as! String } == ["kontrollera", "kontroll"])
        #expect(r.map { ($0["columns"] as! [String: String])["party"]! } == ["S", "M"])
        #expect(r.map { ($0["columns"] as! [String: String])["year"]! } == ["2020", "2021"])

        let csv = "doc,body,party\nx,\"Vi litar på professionen, och kontrollerar.\",M\n"
        let c = try cli.run(["kwic", "kontroll*", "--input", "csv", "--id-column", "doc", "--text-column", "body", "--format", "csv", "--repair", "off", "-"], stdin: Data(csv.utf8))
        #expect(c.status == 0)
        let lines = c.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,offset,left,match,right,pattern,pole,modifier,repaired,left_original,right_original,party")
        #expect(lines.count == 2 && lines[1].hasPrefix("x,") && lines[1].hasSuffix(",M"))

        let t = try cli.run(["tokens", "--input", "jsonl", "-"], stdin: Data(jsonl.utf8))
        #expect(t.status == 0)
        let heads = t.out.split(separator: "\n").filter { $0.hasPrefix("# ") }
        #expect(heads == ["# a (utf-8, 38 bytes) party=\"S\" year=\"2020\"", "# b (utf-8, 24 bytes) party=\"M\" year=\"2021\""])
    }

    @Test("kwic on records: a bad JSONL line is reported as FILE:LINE and the other records still give lines")
    func kwicBadRecord() throws {
        let jsonl = "{\"id\": \"a\", \"text\": \"Mer kontroll.\"}\nnot json\n{\"id\": \"c\", \"text\": \"Ännu mer kontroll.\"}\n"
        let k = try cli.run(["kwic", "kontroll*", "--input", "jsonl", "--format", "jsonl", "--repair", "off", "-"], stdin: Data(jsonl.utf8))
        #expect(k.status == 1)
        #expect(rows(k.out).map { $0["id"] as! String } == ["a", "c"])
        #expect(k.err.contains("-:2"))
    }

    @Test("repair --input jsonl writes each record back repaired with its fields, lists changes by record id, and reports a bad record with FILE:LINE")
    func repairRecords() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let path = d.appendingPathComponent("r.jsonl").path
        let records = [#"{"id":"a","kommun":"Malmö","text":"Det ar viktigt att fa tillit fran medarbetarna i forvaltningen."}"#,
                       #"{"id":"b","kommun":"Lund","text":"Kommunfullmiktige beslutade att fragan ska utredas."}"#, #"{"id":"c"}"#]
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let r = try cli.run(["repair", "--input", "jsonl", path])
        #expect(r.status == 1)
        let out = rows(r.out)
        #expect(out.map { $0["id"] as? String } == ["a", "b"])
        #expect(out[0]["kommun"] as? String == "Malmö")
        #expect(out[0]["text"] as? String == "Det är viktigt att få tillit från medarbetarna i förvaltningen.")
        #expect(out[1]["text"] as? String == "Kommunfullmäktige beslutade att frågan ska utredas.")
        #expect(r.err.contains("r.jsonl:3"))
        let changes = rows(try cli.run(["repair", "--input", "jsonl", "--format", "jsonl", path]).out)
        #expect(changes.first?["doc"] as? String == "a" && changes.first?["original"] as? String == "ar" && changes.first?["offset"] as? Int == 4)
        #expect(changes.contains { $0["doc"] as? String == "b" && $0["replacement"] as? String == "Kommunfullmäktige" })
    }

    @Test("repair --input csv keeps the header and the other columns, quoting the repaired text where it needs it")
    func repairCSVRecords() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let path = d.appendingPathComponent("r.csv").path
        try Data("id,år,text\n1,2020,\"Det ar viktigt att fa tillit, fran medarbetarna.\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try cli.run(["repair", "--input", "csv", path])
        #expect(r.status == 0)
        #expect(r.out == "id,år,text\n1,2020,\"Det är viktigt att få tillit, från medarbetarna.\"\n")
    }
}
