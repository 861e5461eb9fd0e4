import Foundation
import Testing
@testable import TillitKit

/// One huge record must cost time linear in its size: the stream looks at each byte a
/// bounded number of times while finding where the record ends, however many blocks it spans.
/// Counted in bytes examined (`DocumentStream.scannedBytes`), not timed.
@Suite("Large records are read in linear time")
struct LargeRecordTests {
    func write(_ bytes: [UInt8], _ ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-big-\(UUID().uuidString).\(ext)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ stream: DocumentStream) -> (ids: [String], sizes: [Int]) {
        var ids: [String] = [], sizes: [Int] = []
        while let item = stream.next() {
            switch item {
            case .part(let p): ids.append(p.id); sizes.append(p.bytes.count)
            case .failure(let e): Issue.record("\(e)")
            }
        }
        return (ids, sizes)
    }

    static let text = String(repeating: "Kommunen ska följa upp målen och lita på professionen. ", count: 60_000)   // 3.4 MB

    @Test("a 3 MB JSONL record read in 4 KB blocks is searched for its end about once, not once per block")
    func jsonlRecordIsLinear() throws {
        let small = "{\"id\": \"s\", \"text\": \"Tillit.\"}\n"
        let body = small + "{\"id\": \"big\", \"text\": \"\(Self.text)\"}\n" + small.replacingOccurrences(of: "\"s\"", with: "\"t\"")
        let path = try write(Array(body.utf8), "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], input: .jsonl, partSize: 4096)
        let (ids, sizes) = read(stream)
        #expect(ids == ["s", "big", "t"])
        #expect(sizes[1] == Self.text.utf8.count)
        // a rescan from the record's start per 4 KB block would examine ~1,400 MB
        #expect(stream.scannedBytes <= 2 * body.utf8.count)
    }

    @Test("a 3 MB CSV record read in 4 KB blocks is parsed a bounded number of times over")
    func csvRecordIsLinear() throws {
        let body = "id,text,year\ns,Tillit.,2020\nbig,\"\(Self.text)\",2021\nt,Kontroll.,2022\n"
        let path = try write(Array(body.utf8), "csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], input: .csv, partSize: 4096)
        let (ids, sizes) = read(stream)
        #expect(ids == ["s", "big", "t"])
        #expect(sizes[1] == Self.text.utf8.count)
        // parse attempts as carry doubles: at most about 2× the record, plus the small rows
        #expect(stream.scannedBytes <= 4 * body.utf8.count)
    }

    @Test("with cutRecords a record larger than a part comes in parts that join to its text, each with its id, place and fields; a small one stays whole")
    func hugeRecordIsCutIntoParts() throws {
        let text = String(repeating: "Kommunen ska följa upp målen.\n\nNämnden litar på professionen.\n\n", count: 2_000)   // 140 KB
        let body = "{\"id\": \"big\", \"text\": \(JSON.string(text)), \"år\": 2021}\n{\"id\": \"s\", \"text\": \"Tillit.\", \"år\": 2022}\n"
        let path = try write(Array(body.utf8), "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], input: .jsonl, partSize: 16_384)
        stream.cutRecords = true
        stream.countScalars = true
        var parts: [DocumentPart] = []
        while let item = stream.next() {
            if case .part(let p) = item { parts.append(p) } else { Issue.record("\(item)") }
        }
        let big = parts.filter { $0.id == "big" }
        #expect(big.count >= 8)
        #expect(big.flatMap(\.bytes) == Array(text.utf8))
        #expect(big.map(\.part) == Array(0..<big.count))
        #expect(big.map(\.isLast) == Array(repeating: false, count: big.count - 1) + [true])
        var offset = 0, scalars = 0
        for p in big {
            #expect(p.baseOffset == offset && p.baseScalarOffset == scalars)
            #expect(p.columns == ["2021"] && p.location == "\(path):1")
            offset += p.bytes.count
            scalars += String(decoding: p.bytes, as: UTF8.self).unicodeScalars.count
        }
        // cut after a blank line, so every part holds whole paragraphs
        #expect(big.dropLast().allSatisfy { $0.bytes.suffix(2) == [0x0A, 0x0A] })
        #expect(parts.last?.id == "s" && parts.last?.part == 0 && parts.last?.isLast == true)
        #expect(parts.last?.location == "\(path):2")
    }

    @Test("a huge record scores to the same rows as the same text read as a file")
    func hugeRecordScoresLikeAFile() throws {
        let text = String(repeating: "Kommunen ska följa upp målen med fler indikatorer.\n\nNämnden visar tillit till professionen och ger handlingsutrymme.\n\n", count: 3_000)   // 350 KB: two parts
        let file = try write(Array(text.utf8), "txt")
        let records = try write(Array("{\"id\": \"big\", \"text\": \(JSON.string(text))}\n".utf8), "jsonl")
        defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: records) }
        let cli = CLITests()
        for unit in ["paragraph", "document"] {
            let a = try cli.run(["score", file, "--unit", unit, "--format", "csv"])
            let b = try cli.run(["score", records, "--input", "jsonl", "--unit", unit, "--format", "csv"])
            #expect(a.status == 0 && b.status == 0)
            let rowsA = a.out.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).last! }
            let rowsB = b.out.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).last! }
            #expect(rowsA.count == (unit == "document" ? 2 : 6_001))
            #expect(rowsA == rowsB, "\(unit)")
        }
    }
}
