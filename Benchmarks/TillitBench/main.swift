// tillit-bench: throughput of each pipeline stage on a corpus given as an argument.
//
//   swift run -c release tillit-bench CORPUS.txt [--runs N] [--lines-per-doc N] [--json] [--quick] [--jobs N] [--parts]
//
// Stages, measured separately on the same in-memory documents (--parts first adds decode,
// tokenize-only and segment-only rows that split the tokenize stage):
//   tokenize  decode + segment + tokenize (+ hyphen join)
//   repair    OCR repair (mode on) over pre-tokenized documents
//   match     lexicon match + score over pre-tokenized documents
//   pipeline  the whole BatchRunner (decode … score) with 1 thread, then N threads
// Each: one warm-up, then N runs; min / median / p90 of wall time; MB/s, tokens/s, docs/s,
// ns/token; a checksum of tokens and hits; peak RSS from getrusage.
#if canImport(Glibc)
import Glibc
#endif
import TillitKit

struct Options {
    var path = ""
    var runs = 10
    var linesPerDoc = 10
    var json = false
    var jobs = BatchRunner.processorCount
    var maxBytes = Int.max
    var parts = false
}

nonisolated func fail(_ s: String) -> Never {
    let line = Array(("tillit-bench: " + s + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(64)
}

var opt = Options()
AllocatorPolicy.tuneForBatches()   // as the CLI does
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--runs": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--runs needs a number ≥ 1") }; opt.runs = v; args.removeFirst()
    case "--lines-per-doc": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--lines-per-doc needs a number ≥ 1") }; opt.linesPerDoc = v; args.removeFirst()
    case "--jobs": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--jobs needs a number ≥ 1") }; opt.jobs = v; args.removeFirst()
    case "--json": opt.json = true
    case "--parts": opt.parts = true
    case "--quick": opt.runs = 3; opt.maxBytes = 4 << 20
    case "--help", "-h":
        print("usage: tillit-bench CORPUS.txt [--runs N] [--lines-per-doc N] [--jobs N] [--json] [--quick] [--parts]"); exit(0)
    default:
        if a.hasPrefix("-") { fail("unknown option '\(a)'") }
        opt.path = a
    }
}
guard !opt.path.isEmpty else { fail("give a corpus file, e.g. one built by ../shared/bench/make-corpus.py OUT 100") }
guard var raw = try? FileInput.readAll(path: opt.path) else { fail("\(opt.path): cannot read") }
if raw.count > opt.maxBytes {
    var cut = opt.maxBytes
    while cut < raw.count && raw[cut - 1] != 0x0A { cut += 1 }
    raw.removeLast(raw.count - cut)
}

// documents: every `linesPerDoc` lines
var docs: [DocumentPart] = []
var start = 0, lines = 0
for i in raw.indices where raw[i] == 0x0A {
    lines += 1
    if lines == opt.linesPerDoc {
        docs.append(DocumentPart(id: "doc\(docs.count)", bytes: Array(raw[start...i])))
        start = i + 1; lines = 0
    }
}
if start < raw.count { docs.append(DocumentPart(id: "doc\(docs.count)", bytes: Array(raw[start...]))) }
let totalBytes = docs.reduce(0) { $0 + $1.bytes.count }

func peakRSS() -> Int {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Int(u.ru_maxrss) * 1024
}

/// What a shell command prints on stdout (stderr dropped), or "" when it cannot run.
func commandOutput(_ command: String) -> String {
    guard let pipe = popen(command + " 2>/dev/null", "r") else { return "" }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buf, 1, buf.count, pipe)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    pclose(pipe)
    return String(decoding: out, as: UTF8.self)
}

func gitSHA() -> String {
    let s = commandOutput("git rev-parse --short HEAD").trimmed(newlines: true)
    return s.isEmpty ? "unknown" : s
}

func cpuName() -> String {
    let info = (try? FileInput.readAll(path: "/proc/cpuinfo")).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return info.split(separator: "\n").first { $0.hasPrefix("model name") }.map { $0.split(separator: ":", maxSplits: 1)[1].trimmed() } ?? "unknown"
}

#if DEBUG
let config = "debug (numbers are meaningless; use -c release)"
#else
let config = "release"
#endif

struct Result {
    var stage: String
    var threads: Int
    var times: [Double]   // seconds, sorted
    var tokens: Int
    var hits: Int
    var rss: Int
    var min: Double { times.first! }
    var median: Double { times[times.count / 2] }
    var p90: Double { times[Swift.min(times.count - 1, Int((Double(times.count) * 0.9).rounded(.up)) - 1)] }
}

@MainActor func measure(_ stage: String, threads: Int = 1, _ body: () -> (tokens: Int, hits: Int)) -> Result {
    let clock = ContinuousClock()
    var check = body()   // warm-up
    var times: [Double] = []
    for _ in 0..<opt.runs {
        let t0 = clock.now
        let c = body()
        let d = clock.now - t0
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        if c != check { fail("\(stage): checksum changed between runs (\(check) vs \(c))") }
        check = c
    }
    return Result(stage: stage, threads: threads, times: times.sorted(), tokens: check.tokens, hits: check.hits, rss: peakRSS())
}

let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .on))
let matcher = analyzer.matcher
let repairer = Repairer.shared
_ = RepairLexicon.embedded.formCount   // load outside the timings

// pre-tokenized documents for the repair and match stages
var tokenized: [(DecodedText, [Token])] = []
for d in docs {
    let dec = try! TextDecoder.decode(d.bytes, name: d.id)
    var t: [Token] = []
    dec.bytes.withUnsafeBufferPointer { p in
        Tokenizer.tokenize(p, range: 0..<p.count, into: &t)
        HyphenJoiner.join(p, &t)
    }
    tokenized.append((dec, t))
}

var results: [Result] = []
if opt.parts {
    results.append(measure("decode") {
        var n = 0
        for d in docs { if let dec = try? TextDecoder.decode(d.bytes, name: d.id) { n += dec.bytes.count } }
        return (n, 0)
    })
    results.append(measure("tokenize-only") {
        var n = 0
        var toks: [Token] = []
        for (dec, _) in tokenized {
            dec.bytes.withUnsafeBufferPointer { p in
                toks.removeAll(keepingCapacity: true)
                Tokenizer.tokenize(p, range: 0..<p.count, into: &toks)
                n += toks.count
            }
        }
        return (n, 0)
    })
    // the practical floor: one byte scan that hashes each lowercased word as it goes and
    // probes a table of 64-bit hashes (no key check, no token array, no matching)
    results.append(measure("scan+hash floor") {
        var table = [UInt64](repeating: 0, count: 1 << 20)
        let mask = table.count - 1
        var n = 0, types = 0
        table.withUnsafeMutableBufferPointer { tb in
            for (dec, _) in tokenized {
                dec.bytes.withUnsafeBufferPointer { p in
                    var i = 0
                    let e = p.count
                    while i < e {
                        let b = p[i]
                        if !((b | 0x20) &- 0x61 < 26 || b >= 0xC3) { i += 1; continue }
                        var h: UInt64 = 0xCBF2_9CE4_8422_2325
                        while i < e {
                            let c = p[i]
                            guard (c | 0x20) &- 0x61 < 26 || c >= 0x80 else { break }
                            h = (h ^ UInt64(c | 0x20)) &* 0x0000_0100_0000_01B3
                            i += 1
                        }
                        var s = Int(truncatingIfNeeded: ((h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 44) & mask
                        while tb[s] != 0 && tb[s] != h { s = (s + 1) & mask }
                        if tb[s] == 0 { tb[s] = h; types += 1 }
                        n += 1
                    }
                }
            }
        }
        return (n, types)
    })
    results.append(measure("segment-only") {
        var n = 0
        for (dec, _) in tokenized {
            dec.bytes.withUnsafeBufferPointer { p in n += Segmenter.segments(p, range: 0..<p.count).count }
        }
        return (n, 0)
    })
}
results.append(measure("tokenize") {
    var n = 0
    var toks: [Token] = []
    for d in docs {
        guard let dec = try? TextDecoder.decode(d.bytes, name: d.id) else { continue }
        dec.bytes.withUnsafeBufferPointer { p in
            for seg in Segmenter.segments(p, range: 0..<p.count) {
                toks.removeAll(keepingCapacity: true)
                Tokenizer.tokenize(p, range: seg.range, into: &toks)
                HyphenJoiner.join(p, &toks)
                n += toks.count
            }
        }
    }
    return (n, 0)
})
results.append(measure("repair") {
    var cache = RepairCache()
    var edits: [RepairEdit] = []
    var n = 0, e = 0
    for (dec, toks) in tokenized {
        edits.removeAll(keepingCapacity: true)
        dec.bytes.withUnsafeBufferPointer { p in _ = repairer.edits(p, tokens: toks, mode: .on, minConfidence: 0.5, cache: &cache, into: &edits) }
        n += toks.count; e += edits.count
    }
    return (n, e)
})
results.append(measure("match") {
    var cache = MatchCache()
    var hits: [Hit] = []
    var n = 0, h = 0
    let entries = matcher.lexicon.entries
    for (dec, toks) in tokenized {
        hits.removeAll(keepingCapacity: true)
        dec.bytes.withUnsafeBufferPointer { p in matcher.match(p, tokens: toks, range: 0..<toks.count, cache: &cache, into: &hits) }
        var table = ScoreTable()
        for x in hits { table.add(entries[Int(x.entry)], pole: x.pole) }
        n += toks.count; h += hits.count
    }
    return (n, h)
})
for (name, mode) in [("pipeline", RepairMode.off), ("pipeline+repair", RepairMode.on)] {
    for threads in Array(Set([1, opt.jobs])).sorted() {
        let a = Analyzer(options: ScoreOptions(unit: .document, repair: mode))
        let runner = BatchRunner(analyzer: a, jobs: threads)
        results.append(measure(name, threads: threads) {
            var n = 0, h = 0
            var i = 0
            while i < docs.count {
                let batch = Array(docs[i..<min(i + 2048, docs.count)])
                for r in runner.process(batch) { if case .success(let s) = r { n += s.tokens; h += s.hitCount } }
                i += 2048
            }
            return (n, h)
        })
    }
}

// reference: `wc -w` on the same file, timed the same way (a process per run)
if access("/usr/bin/wc", X_OK) == 0 {
    results.append(measure("wc -w") {
        let out = commandOutput("/usr/bin/wc -w '" + opt.path.replacing("'", with: "'\\''") + "'")
        return (Int(out.split(separator: " ").first ?? "0") ?? 0, 0)
    })
}

let mb = Double(totalBytes) / 1_048_576
func f(_ d: Double, _ p: Int = 1) -> String { FixedPoint.string(d, decimals: p) }
if opt.json {
    var rows: [String] = []
    for r in results {
        rows.append("{\"stage\":\"\(r.stage)\",\"threads\":\(r.threads),\"runs\":\(r.times.count),\"min_s\":\(r.min),\"median_s\":\(r.median),\"p90_s\":\(r.p90),\"mb_per_s\":\(mb / r.median),\"tokens_per_s\":\(Double(r.tokens) / r.median),\"docs_per_s\":\(Double(docs.count) / r.median),\"ns_per_token\":\(r.median * 1e9 / Double(max(r.tokens, 1))),\"tokens\":\(r.tokens),\"hits\":\(r.hits),\"peak_rss_bytes\":\(r.rss)}")
    }
    print("{\"git\":\"\(gitSHA())\",\"config\":\"\(config)\",\"cpu\":\"\(cpuName())\",\"corpus\":\"\(opt.path)\",\"bytes\":\(totalBytes),\"documents\":\(docs.count),\"results\":[\n" + rows.joined(separator: ",\n") + "]}")
} else {
    print("tillit-bench  git \(gitSHA())  \(config)  cpu: \(cpuName())")
    print("corpus \(opt.path): \(f(mb)) MB, \(docs.count) documents of \(opt.linesPerDoc) lines, \(opt.runs) runs after 1 warm-up\n")
    print("stage             thr    min s  median s    p90 s     MB/s   Mtok/s    docs/s  ns/tok      tokens       hits  peak RSS")
    for r in results {
        let cols = [r.stage.rightPad(16), String(r.threads).leftPad(4), f(r.min, 3).leftPad(8), f(r.median, 3).leftPad(9),
                    f(r.p90, 3).leftPad(8), f(mb / r.median).leftPad(8), f(Double(r.tokens) / r.median / 1e6, 2).leftPad(8),
                    f(Double(docs.count) / r.median, 0).leftPad(9), f(r.median * 1e9 / Double(max(r.tokens, 1)), 1).leftPad(7),
                    String(r.tokens).leftPad(11), String(r.hits).leftPad(10), (f(Double(r.rss) / 1_048_576, 0) + " MiB").leftPad(9)]
        print(cols.joined(separator: " "))
    }
    let one = results.first { $0.stage == "pipeline" && $0.threads == 1 }, many = results.first { $0.stage == "pipeline" && $0.threads == opt.jobs && opt.jobs > 1 }
    if let o = one, let m = many { print("\nscaling pipeline \(opt.jobs) threads vs 1: \(f(o.median / m.median, 2))×") }
    if let o = one, let w = results.first(where: { $0.stage.hasPrefix("wc -w") }) { print("pipeline (1 thread) vs wc -w: \(f(w.median / o.median, 2))× the speed of wc -w") }
}
