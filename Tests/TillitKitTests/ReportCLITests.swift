import Foundation
import Testing

/// End to end, like `CLITests`: `tillit report` on records with metadata, checked against
/// `tillit score` on the same input.
@Suite("CLI report", .serialized)
struct ReportCLITests {
    let cli = CLITests()

    static let csv = """
    id,party,year,text
    k1,M,2019,"Regeringen styr myndigheterna med detaljstyrning, kontroll och fler återrapporteringskrav. Uppföljningen sker genom mätning av indikatorer och avvikelser."
    t1,V,2020,"Vi vill ha tillitsbaserad styrning med större handlingsutrymme för professionen, dialog och lärande i verksamheten."
    n1,V,2020,"Kommunfullmäktige sammanträder den 12 mars klockan 18 i rådhuset."
    t2,S,2021,"Styrningen ska utgå från tillit till medarbetarna och medborgarnas behov, med samverkan och kunskap som grund.

    Samtidigt kräver staten fler kontroller och detaljerad återrapportering."

    """

    /// The `data-` attributes of every element of `html` that has `marker` among them.
    func attributes(_ html: String, marker: String) -> [[String: String]] {
        html.components(separatedBy: "<").filter { $0.contains(marker) }.map { tag in
            let head = tag.components(separatedBy: ">")[0]
            var out: [String: String] = [:]
            for m in head.matches(of: /data-([a-z0-9-]+)="([^"]*)"/) { out[String(m.1)] = String(m.2) }
            return out
        }
    }

    func write(_ text: String, _ name: String, in d: URL) throws -> String {
        let p = d.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    @Test("a report with no records to read (a header-only CSV) says so and exits 65, writing no page")
    func reportWithoutRecords() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let input = d.appendingPathComponent("tom.csv").path, html = d.appendingPathComponent("tom.html").path
        try Data("id,text,party\n".utf8).write(to: URL(fileURLWithPath: input))
        let r = try cli.run(["report", "--input", "csv", input, "-o", html])
        #expect(r.status == 65)
        #expect(r.err.contains("no documents or records to report on; no page written"))
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    @Test("the report's numbers are those of 'tillit score --unit document' for the same records: per document and summed")
    func numbersEqualScore() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let input = try write(Self.csv, "in.csv", in: d)
        let html = d.appendingPathComponent("r.html").path
        let score = try cli.run(["score", "--input", "csv", input, "--unit", "document", "--format", "jsonl", "--provenance"])
        #expect(score.status == 0)
        let rows = score.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.count == 4)
        let r = try cli.run(["report", "--input", "csv", input, "--group-by", "party", "-o", html])
        #expect(r.status == 0, "\(r.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let docs = attributes(page, marker: "tr data-i=")
        #expect(docs.map { $0["id"]! } == ["k1", "t1", "n1", "t2"])
        func n(_ v: Any?) -> String {
            let d = (v as! NSNumber).doubleValue
            return d == d.rounded() ? String(Int(d)) : String(d)
        }
        for (row, doc) in zip(rows, docs) {
            #expect(doc["label"] == row["label"] as? String)
            for (attr, field) in [("k", "k"), ("t", "t"), ("net", "net"), ("logit", "logit"), ("p", "probability")] {
                #expect(doc[attr] == n(row[field]), "\(doc["id"]!) \(field)")
            }
        }
        // the summary: K and T summed, documents per label
        let kSum = rows.reduce(0.0) { $0 + ($1["k"] as! NSNumber).doubleValue }
        let tSum = rows.reduce(0.0) { $0 + ($1["t"] as! NSNumber).doubleValue }
        let summary = attributes(page, marker: "id=\"s-k\"")[0], summaryT = attributes(page, marker: "id=\"s-t\"")[0]
        #expect(abs(Double(summary["v"]!)! - kSum) < 0.001)
        #expect(abs(Double(summaryT["v"]!)! - tSum) < 0.001)
        for l in ["K", "T", "B", "N"] {
            let count = rows.filter { $0["label"] as? String == l }.count
            #expect(page.contains("id=\"s-doc-\(l)\">\(count)</td>"), "documents labelled \(l)")
        }
        // the methods: the lexicon hash that score --provenance writes
        let hash = try #require(rows[0]["lexicon_hash"] as? String)
        #expect(page.contains("<code class=\"m-lexicon\">\(hash)</code>"))
        #expect(page.contains("<dd class=\"m-version\">\(rows[0]["tillit_version"] as! String)</dd>"))
    }

    @Test("--group-by puts each value's documents in one group, counted, with a trend chart only for years")
    func groupBy() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let input = try write(Self.csv, "in.csv", in: d)
        let byParty = d.appendingPathComponent("p.html").path, byYear = d.appendingPathComponent("y.html").path
        #expect(try cli.run(["report", "--input", "csv", input, "--group-by", "party", "-o", byParty]).status == 0)
        let r = try cli.run(["report", "--input", "csv", input, "--group-by", "year", "-o", byYear])
        #expect(r.status == 0)
        #expect(r.err.contains("4 documents, 3 groups by year"))
        let party = try String(contentsOfFile: byParty, encoding: .utf8), year = try String(contentsOfFile: byYear, encoding: .utf8)
        let groups = attributes(party, marker: "tr data-group-row=")
        #expect(groups.map { $0["value"]! } == ["M", "S", "V"])
        #expect(groups.map { $0["documents"]! } == ["1", "1", "2"])
        // each document row names its group, and the filter offers each group with its count
        #expect(attributes(party, marker: "tr data-i=").map { $0["g"]! } == ["0", "2", "2", "1"])
        #expect(party.contains("<option value=\"2\">V (2)</option>"))
        #expect(!party.contains("class=\"chart trend\""))
        #expect(year.contains("class=\"chart trend\"") && year.contains("class=\"chart shares\""))
        #expect(attributes(year, marker: "tr data-group-row=").map { $0["value"]! } == ["2019", "2020", "2021"])
    }

    @Test("--group-by a column the input does not have: one line on stderr, exit 64, no page written")
    func missingColumn() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let input = try write(Self.csv, "in.csv", in: d)
        let html = d.appendingPathComponent("r.html").path
        let r = try cli.run(["report", "--input", "csv", input, "--group-by", "parti", "-o", html])
        #expect(r.status == 64)
        #expect(r.err == "tillit: --group-by parti: no such column; the records' columns are party, year\n")
        #expect(!FileManager.default.fileExists(atPath: html))
        let text = try cli.run(["report", "Corpus/", "--group-by", "party", "-o", html])
        #expect(text.status == 64)
        #expect(text.err.split(separator: "\n").count == 1 && text.err.contains("text files have no columns"))
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    @Test("report reads JSONL records too, and escapes a hostile id and metadata")
    func jsonlAndEscaping() throws {
        let d = try cli.tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let input = try write("""
        {"id": "<script>alert(1)</script>", "kommun": "\\"><img src=x onerror=alert(2)>", "text": "Vi vill ha mer tillit och handlingsutrymme för professionen."}
        {"id": "b", "kommun": "Lund", "text": "Kontrollen och detaljstyrningen ökar."}

        """, "in.jsonl", in: d)
        let html = d.appendingPathComponent("r.html").path
        let r = try cli.run(["report", "--input", "jsonl", input, "--group-by", "kommun", "-o", html])
        #expect(r.status == 0, "\(r.err)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("<script>alert") && !page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(attributes(page, marker: "tr data-group-row=").map { $0["value"]! } == ["&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", "Lund"])
    }
}
