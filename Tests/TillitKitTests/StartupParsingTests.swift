import Foundation
import Testing
@testable import TillitKit

@Suite("Reading lexicons and models as bytes, and the first-sight filters")
struct StartupParsingTests {
    @Test("a lexicon field is trimmed of the same blanks as String.trimmed: tab, no-break and other Unicode spaces, line breaks")
    func byteTrimmingMatchesStringTrimming() {
        let samples = ["  styrning\t", "\u{00A0}tillit~\u{2003}", "\u{3000}*kontroll*\u{202F}\r", "\u{2028}nära dialog\u{85}", "\t\t", "", "ö", " öppenhet ", "\u{00A0}"]
        for s in samples {
            for newlines in [false, true] {
                let viaBytes = ByteSlice.withBytes(of: s) { $0.trimmed(newlines: newlines).string }
                #expect(viaBytes == s.trimmed(newlines: newlines), "\(s.debugDescription) newlines \(newlines)")
            }
        }
    }

    @Test("a lexicon with CR, CRLF and LF line ends, no-break spaces and upper-case words reads as written")
    func mixedLineEndsAndUnicodeBlanks() throws {
        let text = "Styrning~ | 1 | k | 2\r\n\u{00A0}ÅTERKOPPLING* |\u{00A0}öppenhet | T | | ; +prev: ÄR\r*Kontroll~ | 4 | K | 1.5 | kontrollstation* | a | b\nnära dialog | 5 | t\n"
        let lex = try GovernanceLexicon.parse(text, source: "t")
        #expect(lex.entries.map(\.line) == [1, 2, 3, 4])
        #expect(lex.entries[0].words[0].stem == Array("styrning".utf8) && lex.entries[0].pole == .K && lex.entries[0].weight == 2)
        #expect(lex.entries[1].pattern == "ÅTERKOPPLING*" && lex.entries[1].words[0].stem == Array("återkoppling".utf8))
        #expect(lex.entries[1].dimensions == [.oppenhet] && lex.entries[1].conditions.map(\.description) == ["+prev: är"])
        #expect(lex.entries[2].exclusions.map(\.description) == ["kontrollstation*"] && lex.entries[2].note == "a|b")
        #expect(lex.entries[3].words.count == 2 && lex.entries[3].pole == .T)
    }

    @Test("model numbers are read exactly as Double(String) reads them")
    func modelNumbersMatchTheStandardParser() {
        let texts = ["0", "-0", "1", "-0.0237", "0.1894", "4.0565", "3.9532", "123456.789012345", "0.000001", "+2.5", ".5", "5.", "1e-3", "2.5E2",
                     "0.1234567890123456789", "999999.999999999", "1.7976931348623157e308", "abc", "", "-", "1.2.3", "nan", "inf"]
        for t in texts {
            let mine = ByteSlice.withBytes(of: t) { LabelModel.number($0) }
            let standard = Double(t)
            #expect(mine?.bitPattern == standard?.bitPattern || (mine?.isNaN == true && standard?.isNaN == true), "\(t): \(String(describing: mine)) vs \(String(describing: standard))")
        }
    }

    @Test("a word row that repeats a stem is refused")
    func repeatedStemIsRefused() {
        let model = "tillit-label-model\t1\nbias\t0\t1\t0\t0\t0\t0\nword styr\t0\t1\t1\t0\t0\t0\nword styr\t0\t1\t0\t1\t0\t0\n"
        #expect(throws: TillitError.self) { try LabelModel.parse(model, source: "m") }
    }

    @Test("every word type of the corpus resolves to exactly the patterns that match it, filters and all")
    func resolvedPatternsAreThePatternsThatMatch() throws {
        let m = LexiconMatcher(.embedded)
        var words = Set<[UInt8]>()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path).sorted() where name.hasSuffix(".txt") {
            for w in Fixtures.text(name).lowercased().split(whereSeparator: { !$0.isLetter }) { words.insert(Array(w.utf8)) }
        }
        #expect(words.count > 1_000)
        // and the lexicon's own words, inflected, as compound heads and as first parts
        for w in m.wordPatterns { for f in [w.stem, w.stem + Array("en".utf8), Array("detalj".utf8) + w.stem + Array("arna".utf8), w.stem + Array("sbaserad".utf8)] { words.insert(f) } }
        var matched = 0
        for w in words {
            let ids = w.withUnsafeBufferPointer { m.wordPatternIDs($0.baseAddress!, $0.count) }
            let expected = m.wordPatterns.indices.filter { m.wordPatterns[$0].matches(w) }.map(Int32.init)
            #expect(ids == expected, "\(String(decoding: w, as: UTF8.self))")
            if !ids.isEmpty { matched += 1 }
        }
        #expect(matched > 100)
    }

    @Test("the first-sight filters let every key they were given through, and refuse lengths never given")
    func filtersAreConservative() {
        var end = BytePairFilter(), start = BytePairFilter()
        let keys: [[UInt8]] = ["styrning", "tillit", "ab", "x", "kontroll"].map { Array($0.utf8) }
        for k in keys where k.count >= 3 { end.addEnd(k, width: 3); start.addStart(k, width: 3) }
        for k in keys where k.count >= 3 {
            let word = Array("detalj".utf8) + k
            #expect(word.withUnsafeBufferPointer { end.mayEnd($0.baseAddress!, $0.count, width: 3) })
            let prefixed = k + Array("sbaserad".utf8)
            #expect(prefixed.withUnsafeBufferPointer { start.mayStart($0.baseAddress!, width: 3) })
            #expect(end.mayHaveLength(k.count) && start.mayHaveLength(k.count))
        }
        #expect(!end.mayHaveLength(5))
        var short = BytePairFilter()
        short.addEnd(Array("x".utf8), width: 3)   // shorter than the width: every end may hold it
        #expect(Array("qqq".utf8).withUnsafeBufferPointer { short.mayEnd($0.baseAddress!, 3, width: 3) })
        // a matcher over heads, prefixes and inflections finds what the patterns say
        let lex = try! GovernanceLexicon.parse("*styrning~ | 1 | K\ntillit* | tillit | T\n*ab | 2 | K\n", source: "t")
        let m = LexiconMatcher(lex)
        func ids(_ w: String) -> [Int32] { let b = Array(w.utf8); return b.withUnsafeBufferPointer { m.wordPatternIDs($0.baseAddress!, $0.count) } }
        #expect(ids("detaljstyrningarna") == [0] && ids("tillitsbaserad") == [1] && ids("kab") == [] && ids("krabab") == [2] && ids("styrelse") == [])
    }

    @Test("a small file is read whole in blocks of its own size, and one that grows while read is read on")
    func smallFileReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-chunk-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        try "Tillit och kontroll.".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try FileInput.readAll(path: path) == Array("Tillit och kontroll.".utf8))
        let reader = try ChunkReader(path: path, chunkSize: 1 << 20)
        let handle = FileHandle(forWritingAtPath: path)!
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: " mer", count: 100).utf8))   // grows past the size seen at open
        try handle.close()
        var all: [UInt8] = []
        while let b = try reader.nextBlock() { all.append(contentsOf: b) }
        #expect(all == Array(("Tillit och kontroll." + String(repeating: " mer", count: 100)).utf8))
        #expect(try reader.nextBlock() == nil)
    }

    @Test("a regular file whose reads come back short (as on some network and FUSE file systems) is read to its end, small or in chunks")
    func shortReadsLoseNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-short-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        let text = String(repeating: "Styrningen bygger på tillit. ", count: 200)   // 6,000 bytes
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for chunk in [1 << 20, 1_000] {   // one block of the file's size; blocks of 1,000 bytes
            let reader = try ChunkReader(path: path, chunkSize: chunk)
            var calls = 0
            reader.readSome = { fd, buf, n in calls += 1; return read(fd, buf, min(n, 37)) }   // at most 37 bytes a call
            var all: [UInt8] = []
            while let b = try reader.nextBlock() { all.append(contentsOf: b) }
            let whole = all == Array(text.utf8)   // compared outside #expect: a failure would print both arrays
            #expect(all.count == Array(text.utf8).count, "chunk \(chunk)")
            #expect(whole, "chunk \(chunk)")
            #expect(calls >= 6_000 / 37, "chunk \(chunk)")
        }
    }

    @Test("files and folders whose names are not UTF-8 are found, read and named readably; such a path given as bytes opens too")
    func namesThatAreNotUTF8() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-names-\(getpid())").path
        try #require(mkdir(dir, 0o755) == 0 || errno == EEXIST)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // "förvaltning.txt" and the folder "nämnd" with ö and ä in Latin-1, as a zip made on Windows unpacks
        let file = Array(dir.utf8) + Array("/f".utf8) + [0xF6] + Array("rvaltning.txt".utf8)
        let folder = Array(dir.utf8) + Array("/n".utf8) + [0xE4] + Array("mnd".utf8)
        let inner = folder + Array("/beslut.txt".utf8)
        func create(_ path: [UInt8], _ text: String) {
            let fd = (path + [0]).withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, bytes.count) }
            close(fd)
        }
        create(file, "Tillit och dialog.\n")
        create(Array(dir.utf8) + Array("/för.txt".utf8), "Kontroll.\n")   // the same name in UTF-8, beside it
        _ = (folder + [0]).withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } }
        create(inner, "Kontroll och uppföljning.\n")
        let (files, errors) = FileInput.expand([dir])
        #expect(errors.isEmpty)
        create(Array(dir.utf8) + Array("/f".utf8) + [0xF6] + Array("r.txt".utf8), "Tillit.\n")   // its readable name is taken
        #expect(files == [dir + "/för.txt", dir + "/förvaltning.txt", dir + "/nämnd/beslut.txt"])
        let (again, _) = FileInput.expand([dir])
        #expect(again == [dir + "/f\\xF6r.txt", dir + "/för.txt", dir + "/förvaltning.txt", dir + "/nämnd/beslut.txt"])
        #expect(try again.map { String(decoding: try FileInput.readAll(path: $0), as: UTF8.self) } == ["Tillit.\n", "Kontroll.\n", "Tillit och dialog.\n", "Kontroll och uppföljning.\n"])
        // a folder given with a trailing slash
        let slashed = FileInput.path(bytes: folder + [0x2F])
        #expect(FileInput.expand([slashed]).files == [dir + "/nämnd/beslut.txt"])
        // a command-line argument of the same bytes
        let given = FileInput.path(bytes: inner)
        #expect(given == dir + "/nämnd/beslut.txt")
        #expect(try FileInput.readAll(path: given) == Array("Kontroll och uppföljning.\n".utf8))
        #expect(FileInput.path(bytes: Array("Corpus/a.txt".utf8)) == "Corpus/a.txt")
    }

    @Test("a folder walk finds files by readdir's kind and still follows links to files")
    func folderWalkWithLinks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-walk-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in ["b.txt", "sub/a.md", "README.txt", "c.csv"] { try "x".write(toFile: dir.appendingPathComponent(n).path, atomically: true, encoding: .utf8) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: dir.appendingPathComponent("b.txt").path)
        let (files, errors) = FileInput.expand([dir.path])
        #expect(errors.isEmpty)
        #expect(files.map { String($0.dropFirst(dir.path.count + 1)) } == ["b.txt", "link.txt", "sub/a.md"])
    }
}
