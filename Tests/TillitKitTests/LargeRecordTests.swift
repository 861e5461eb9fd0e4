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
}
