import Foundation
import Testing
import Dispatch
@testable import TillitKit
#if canImport(Glibc)
import Glibc
#endif

/// Faults that must never be silent: write errors, a reader that has gone, CRLF files,
/// weights that would overflow the writers.
@Suite("Output faults and lexicon files")
struct OutputFaultTests {
    @Test("a write error on the output is kept and thrown by finish(), naming the output")
    func writeErrorIsThrown() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let out = ByteWriter(fd: fd, name: "full")
        out.write("Några rader som aldrig når fram.\n")
        #expect(throws: TillitError.self) { try out.finish() }
        do { try out.finish() } catch {
            guard case .io(let path, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "full")
            #expect(reason.contains("write failed"))
            #expect(error.exitCode == 74)
        }
    }

    @Test("an output file path that names a named pipe is written into, not replaced; a symbolic link keeps pointing at the file it names, which gets the bytes")
    func outputFilesAreWrittenIntoNotReplaced() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = Array("<html>rapport</html>\n".utf8)
        // a named pipe with a reader waiting (opened without blocking, so a replaced pipe fails the test instead of hanging it)
        let fifo = dir.appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        try FileOutput.write(page, to: fifo)
        var got = [UInt8](repeating: 0, count: 256)
        let n = read(reader, &got, got.count)
        #expect(n == page.count && Array(got.prefix(max(n, 0))) == page)
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        // a symbolic link to a file
        let file = dir.appendingPathComponent("report.html").path, link = dir.appendingPathComponent("latest.html").path
        try "gammal".write(toFile: file, atomically: false, encoding: .utf8)
        try #require(symlink(file, link) == 0)
        try FileOutput.write(page, to: link)
        #expect(lstat(link, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "<html>rapport</html>\n")
        // a link to a file not there yet: the file is created through it, the link stays
        let later = dir.appendingPathComponent("later.html").path, dangling = dir.appendingPathComponent("dangling.html").path
        try #require(symlink(later, dangling) == 0)
        try FileOutput.write(page, to: dangling)
        #expect(lstat(dangling, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: later, encoding: .utf8) == "<html>rapport</html>\n")
        // CSV and TSV fields with a CRLF inside: quoted in CSV, spaces in TSV
        #expect(CSV.field("rad ett\r\nrad två", tsv: false) == "\"rad ett\r\nrad två\"")
        #expect(CSV.field("rad ett\r\nrad två", tsv: true) == "rad ett  rad två")
        // a CSV field in Windows-1252 keeps its letters
        let latin: [UInt8] = Array("1,G".utf8) + [0xF6] + Array("teborg m".utf8) + [0xE5] + Array("ste\n".utf8)
        #expect(DelimitedRecord.next(latin, from: 0, tsv: false, atEnd: true)?.fields == ["1", "Göteborg måste"])
        // a device that is full: the error is thrown and the device stays a device
        #expect(throws: TillitError.self) { try FileOutput.write(page, to: "/dev/full") }
        #expect(stat("/dev/full", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("a run stops after the batch in which stop() answers true: no later document is emitted")
    func runnerStops() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for i in 0..<6 {
            let p = dir.appendingPathComponent("doc\(i).txt").path
            try Data("Dokument nummer \(i) handlar om tillit och kontroll i förvaltningen.\n".utf8).write(to: URL(fileURLWithPath: p))
            paths.append(p)
        }
        let runner = BatchRunner(analyzer: Analyzer(options: ScoreOptions(repair: .off)), jobs: 1, batchBytes: 1)
        var seen: [String] = []
        let summary = runner.run(DocumentStream(paths: paths), emit: { doc, _ in seen.append(doc.id) }, failure: { Issue.record("\($0)") },
                                 stop: { seen.count >= 2 })
        #expect(seen == Array(paths.prefix(2)))
        #expect(summary.documents == 2)
        // without stop every input is scored
        let all = runner.run(DocumentStream(paths: paths), emit: { _, _ in }, failure: { Issue.record("\($0)") })
        #expect(all.documents == 6)
    }

    @Test("with two workers, rows and failures keep input order while one batch is emitted and the next is scored")
    func emissionOverlapKeepsOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for i in 0..<9 {
            let p = dir.appendingPathComponent("doc\(i).txt").path
            if i != 4 {   // doc4 is missing: its failure comes between doc3 and doc5
                try Data(String(repeating: "Dokument \(i) bygger på tillit och uppföljning av mål.\n\n", count: 40 + 30 * i).utf8).write(to: URL(fileURLWithPath: p))
            }
            paths.append(p)
        }
        var events: [String] = []
        let runner = BatchRunner(analyzer: Analyzer(options: ScoreOptions(repair: .off)), jobs: 2, batchBytes: 2048)
        let summary = runner.run(DocumentStream(paths: paths, partSize: 4096), emit: { doc, final in if final { events.append(doc.id) } },
                                 failure: { events.append("failed " + ($0.subject ?? "?")) })
        #expect(events == paths.map { $0.hasSuffix("doc4.txt") ? "failed " + $0 : $0 })
        #expect(summary.documents == 8 && summary.failures == 1)
    }

    @Test("parts scored by the pipeline's workers and its reading thread come back under their own numbers, each once, as scored alone")
    func pipelineWorkKeepsEachResult() {
        let analyzer = Analyzer(options: ScoreOptions(repair: .off))
        let texts = (0..<300).map { i in i % 7 == 3 ? "\u{0}\u{1}binärt \(i)" : "Passage \(i) om \(i % 2 == 0 ? "tillit och handlingsutrymme" : "kontroll och uppföljning")." }
        let parts = texts.enumerated().map { DocumentPart(id: "d\($0.offset)", bytes: Array($0.element.utf8)) }
        var alone = Analyzer.Scratch()
        let expected = parts.map { p -> String in
            do { return try analyzer.score(p, scratch: &alone).units.map(\.decision.label.rawValue).joined() } catch { return "failed" }
        }
        let work = PipelineWork(analyzer: analyzer, scratches: (0..<3).map { _ in Analyzer.Scratch() })
        let group = DispatchGroup()
        for w in 1...2 { DispatchQueue.global().async(group: group) { work.run(worker: w) } }
        for (i, p) in parts.enumerated() {
            work.add(seq: i, part: p)
            if i % 5 == 0 { _ = work.scoreOne(worker: 0) }
        }
        var got: [String?] = Array(repeating: nil, count: parts.count)
        var left = parts.count
        while left > 0 {
            for i in got.indices where got[i] == nil {
                guard let r = work.result(i) else { continue }
                switch r {
                case .success(let d): got[i] = d.units.map(\.decision.label.rawValue).joined()
                case .failure: got[i] = "failed"
                }
                left -= 1
                #expect(work.result(i) == nil)   // taken once
            }
            if left > 0 && !work.scoreOne(worker: 0) { work.waitForResult() }
        }
        work.close(workers: 2)
        group.wait()
        #expect(got.map { $0! } == expected)
        #expect(expected.contains("failed") && expected.contains("T") && expected.contains("K"))
        #expect(work.returnScratches().count == 3)
    }

    @Test("numbers too large for four decimals in an Int are written as valid JSON, not a crash")
    func hugeNumbers() throws {
        for d in [1e15 + 0.5, -3.5e17, 1e308] {
            let s = JSON.number(d)
            var bytes = ByteRow()
            bytes.append(jsonNumber: d)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == s)
            bytes.deallocate()
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(s)]".utf8)) as! [NSNumber]
            #expect(abs(parsed[0].doubleValue - d) <= abs(d) * 1e-12, "\(s)")
        }
        #expect(JSON.number(2.5) == "2.5")
    }

    @Test("a lexicon with CRLF line ends reads every entry, like the same text with LF")
    func crlfLexicon() throws {
        let text = "# två poster\r\nförtroende~ | tillit | T | 2\r\n*detaljstyrning~ | 1 | K\r\n"
        let lex = try GovernanceLexicon.parse(text, source: "crlf.tillit")
        #expect(lex.entries.map(\.pattern) == ["förtroende~", "*detaljstyrning~"])
        #expect(lex.entries.map(\.line) == [2, 3])
        #expect(lex.entries.map(\.pole) == [.T, .K])
        #expect(lex.entries[0].weight == 2)
        #expect(GovernanceLexicon.problems(text, source: "crlf.tillit").isEmpty)
    }

    @Test("a category dictionary with CRLF line ends reads every category and pattern")
    func crlfDictionary() throws {
        let list = try CategoryDictionary.parse("styrning:\r\n  - kontroll*\r\n  - \"*detaljstyrning~\"\r\nförtroende:\r\n  - tillit*\r\n", source: "d.yaml")
        #expect(list.categories == ["styrning", "förtroende"])
        #expect(list.lexicon.entries.map(\.pattern) == ["kontroll*", "*detaljstyrning~", "tillit*"])
        let liwc = try CategoryDictionary.parse("%\r\n1\tstyrning\r\n2\tförtroende\r\n%\r\nkontroll*\t1\r\ntillit*\t2\r\n", source: "d.dic")
        #expect(liwc.categories == ["styrning", "förtroende"])
        #expect(liwc.entryCategories == [[0], [1]])
    }

    @Test("lexicon weights are bounded: 1000 is read, 1001, 1e15 and 1e308 are rejected with the line")
    func boundedWeights() throws {
        #expect(try GovernanceLexicon.parse("tillit~ | tillit | T | 1000\n", source: "w").entries[0].weight == 1000)
        for w in ["1001", "1e15", "1e308", "inf"] {
            #expect(throws: TillitError.badLexicon(path: "w", line: 2, reason: "weight must be a positive number up to 1000, found '\(w)'")) {
                try GovernanceLexicon.parse("tillit~ | tillit | T\nkontroll~ | 4 | K | \(w)\n", source: "w")
            }
        }
    }

    @Test("problems() lists every bad line of a lexicon in one pass, in line order")
    func everyProblem() {
        let text = "tillit~ | 9 | T\nkontroll~ | 4 | K\nnära dialog | 5 | X\ndetalj* | 1\n"
        let p = GovernanceLexicon.problems(text, source: "many.tillit")
        #expect(p.count == 3)
        let lines = p.map { e -> Int in if case .badLexicon(_, let l, _) = e { return l } else { return -1 } }
        #expect(lines == [1, 3, 4])
        // parse still throws the first
        #expect(throws: p[0]) { try GovernanceLexicon.parse(text, source: "many.tillit") }
        #expect(GovernanceLexicon.problems("# bara kommentarer\n", source: "c").count == 1)
    }
}

extension OutputFaultTests {
    @Test("kwic: a row with a pole other than K or T is a usage error, not an empty search")
    func kwicBadPole() throws {
        #expect(throws: TillitError.usage("kwic: 'X' is not a pole; use ROW:K or ROW:T, e.g. 4:K")) { try KwicQuery.parse("4:X") }
        #expect(throws: TillitError.usage("kwic: '' is not a pole; use ROW:K or ROW:T, e.g. tillit:K")) { try KwicQuery.parse("tillit:") }
        guard case .dimension(let d, let p) = try KwicQuery.parse("4:k") else { Issue.record("not a row query"); return }
        #expect(d == Dimension(key: "4") && p == .K)
    }

    @Test("a JSONL file that starts with a byte order mark keeps its first record")
    func jsonlBOM() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-bom-\(UUID().uuidString).jsonl").path
        let body = "{\"id\": \"a\", \"text\": \"Tillit till professionen.\"}\n{\"id\": \"b\", \"text\": \"Mer kontroll.\"}\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(body.utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], jsonl: true)
        var ids: [String] = []
        while let item = stream.next() {
            switch item {
            case .part(let p): ids.append(p.id)
            case .failure(let e): Issue.record("\(e)")
            }
        }
        #expect(ids == ["a", "b"])
    }
}
