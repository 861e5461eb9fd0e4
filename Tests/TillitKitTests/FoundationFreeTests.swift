import Foundation
import Testing
@testable import TillitKit

/// The library and the CLI link no Foundation (it costs about 9 MiB of resident memory in
/// every process, a seventh of the 64 MiB budget). These pin the small replacements.
@Suite("Foundation-free support: JSON records, number formatting, trimming, folder walking")
struct FoundationFreeTests {
    @Test("a JSONL record keeps string members decoded, numbers as written, and skips nested values")
    func jsonRecordMembers() throws {
        let line = #"{"id": 12, "text": "Mer tillit och \u00e4ven \"f\u00e4rre\" kontroller\n", "meta": {"k": [1, 2.5e3, null]}, "ok": true}"#
        let r = try #require(JSONRecord(Array(line.utf8)))
        #expect(r.members["id"] == .number("12"))
        #expect(r[string: "text"] == "Mer tillit och även \"färre\" kontroller\n")
        #expect(r.members["meta"] == .nested)
        #expect(r.members["ok"] == .bool(true))
    }

    @Test("a JSON escape pair outside the basic plane decodes to one scalar")
    func jsonSurrogatePair() throws {
        let r = try #require(JSONRecord(Array(#"{"text":"\ud83d\ude00 Malmö"}"#.utf8)))
        #expect(r[string: "text"] == "😀 Malmö")
    }

    @Test("what is not exactly one JSON object is rejected", arguments: [
        "[1, 2]", #"{"text": "a"} trailing"#, #"{"text": "a",}"#, #"{"text": "a"#, #"{"text": "\x"}"#,
        #"{"text": "\udc00"}"#, "{\"text\": \"raw\ttab\"}", #"{"id": 01, "text": "a"}"#, #"{"id": -, "text": "a"}"#, "",
    ])
    func jsonRejects(_ line: String) {
        #expect(JSONRecord(Array(line.utf8)) == nil)
    }

    @Test("invalid UTF-8 inside a JSON string is rejected, not passed on")
    func jsonRejectsInvalidUTF8() {
        var bytes = Array(#"{"text": "Malm"#.utf8)
        bytes += [0xF6]   // ö in Latin-1
        bytes += Array(#""}"#.utf8)
        #expect(JSONRecord(bytes) == nil)
    }

    @Test("deeply nested JSON is refused instead of exhausting the stack")
    func jsonDepthBound() {
        let line = #"{"x": "# + String(repeating: "[", count: 100_000) + "}"
        #expect(JSONRecord(Array(line.utf8)) == nil)
    }

    @Test("fixed-point numbers round as printf does", arguments: [
        (2.25, 1, "2.2"), (2.35, 1, "2.4"), (-0.04, 1, "-0.0"), (1234.5678, 2, "1234.57"), (0.5, 0, "0"), (1.5, 0, "2"),
    ])
    func fixedPoint(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(FixedPoint.string(value, decimals: decimals) == expected)
        #expect(FixedPoint.string(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
    }

    @Test("trimming removes tabs and no-break spaces, and line breaks only when asked")
    func trimming() {
        #expect("\t styrning\u{00A0} ".trimmed() == "styrning")
        #expect(" nära dialog\n".trimmed() == "nära dialog\n")
        #expect(" nära dialog\r\n".trimmed(newlines: true) == "nära dialog")
        #expect(" \t ".trimmed() == "")
    }

    @Test("a folder walk finds texts in subfolders, sorted, and skips hidden entries, READMEs and links to folders")
    func folderWalk() throws {
        let fm = FileManager.default
        let d = fm.temporaryDirectory.appendingPathComponent("tillit-walk-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: d) }
        try fm.createDirectory(at: d.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try fm.createDirectory(at: d.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for f in ["b/c/z.txt", "a.TXT", "b/y.md", "README.md", ".hidden.txt", ".git/x.txt", "notes.pdf"] {
            try Fixtures.text("001_1bb6f32811f21775.txt").write(to: d.appendingPathComponent(f), atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(at: d.appendingPathComponent("loop"), withDestinationURL: d)
        try fm.createSymbolicLink(at: d.appendingPathComponent("link.txt"), withDestinationURL: d.appendingPathComponent("a.TXT"))
        let (files, errors) = FileInput.expand([d.path + "/"])
        #expect(errors.isEmpty)
        #expect(files.map { String($0.dropFirst(d.path.count + 1)) } == ["a.TXT", "b/c/z.txt", "b/y.md", "link.txt"])
        #expect(FileInput.size(of: d.appendingPathComponent("a.TXT").path) == Fixtures.bytes("001_1bb6f32811f21775.txt").count)
    }

    @Test("a folder's documents come in the byte order of their paths, and its own documentation in any case is left out")
    func folderOrderAndOwnDocumentation() throws {
        let fm = FileManager.default
        let d = fm.temporaryDirectory.appendingPathComponent("tillit-order-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: d) }
        try fm.createDirectory(at: d.appendingPathComponent("a-b"), withIntermediateDirectories: true)
        try fm.createDirectory(at: d.appendingPathComponent("a"), withIntermediateDirectories: true)
        let names = ["ö.txt", "z.txt", "B.txt", "a.txt", "a/x.txt", "a-b/x.txt", "a.txt.md", "readme.txt", "License.md", "changelog.TXT",
                     "READMEFIRST.md", "noext", "text.", "x.txt.bak", "Årsredovisning.Md"]
        for f in names { try "Styrning.".write(to: d.appendingPathComponent(f), atomically: true, encoding: .utf8) }
        let (files, errors) = FileInput.expand([d.path])
        #expect(errors.isEmpty)
        // "-" (0x2D) sorts before "." (0x2E) and "/" (0x2F); capitals before small letters; å, ö last
        #expect(files.map { String($0.dropFirst(d.path.count + 1)) } == ["B.txt", "a-b/x.txt", "a.txt", "a.txt.md", "a/x.txt", "z.txt", "Årsredovisning.Md", "ö.txt"])
    }

    @Test("the library, the CLI and the benchmark import no Foundation")
    func noFoundationImports() throws {
        let fm = FileManager.default
        var offenders: [String] = []
        for dir in ["Sources", "Benchmarks"] {
            let base = Fixtures.root.appendingPathComponent(dir)
            let walker = try #require(fm.enumerator(atPath: base.path))
            while let rel = walker.nextObject() as? String {
                guard rel.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: base.appendingPathComponent(rel), encoding: .utf8)
                if text.split(separator: "\n").contains(where: { $0.hasPrefix("import Foundation") || $0.hasPrefix("@_exported import Foundation") }) {
                    offenders.append(dir + "/" + rel)
                }
            }
        }
        #expect(offenders.isEmpty, "these files import Foundation: \(offenders)")
    }

    @Test("paths sort in the order of their UTF-8 bytes, whatever prefix they share and wherever they differ")
    func pathsSortBytewise() {
        var rng = SystemRandomNumberGenerator()
        let parts = ["", "a", "å", "Ä", "b/", "korpus/", "korpus/2021/", "f0", "f00", "motion-", "é", "Z", "~"]
        for round in 0..<300 {
            let prefix = round % 3 == 0 ? "" : "/data/riksdagen/interpellationer/"
            let paths = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                prefix + (0..<Int.random(in: 0...5, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined() + ".txt"
            }
            let expected = paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            #expect(FileInput.sortedBytewise(paths) == expected, "\(paths)")
        }
    }
}
