// tillit-bench: throughput of each pipeline stage on corpora given as arguments.
//
//   swift run -c release tillit-bench CORPUS.txt... [--runs N] [--lines-per-doc N] [--json] [--quick]
//                                   [--jobs N] [--parts] [--floor FLOOR.c] [--small-files N]
//
// Stages, measured separately on the same in-memory documents (--parts first adds decode,
// tokenize-only and segment-only rows that split the tokenize stage):
//   tokenize  decode + segment + tokenize (+ hyphen join)
//   repair    OCR repair (mode on) over pre-tokenized documents
//   match     lexicon match + score over pre-tokenized documents
//   pipeline  the whole BatchRunner (decode … score) with 1 thread, then N threads
//   files     the pipeline over many small files read from a folder, against the same bytes
//             as one file (--small-files N, default 10,000 files of about 1 KB of whole lines;
//             1,000 with --quick)
//   floor     ../shared/bench/floor.c (--floor), compiled with cc -O2 and run as
//             `floor lookup read FILE floor-words.txt` on the bytes the stages time
//   wc -w     /usr/bin/wc -w on the same bytes
// Every timed run starts cold: a fresh analyzer with empty caches (only the repair lexicon,
// loaded once per process, is loaded before the timings). Each stage: one warm-up, then N
// runs; wall time (min / median / p90) and CPU time (user + sys, median) side by side; MB/s
// from both; × floor = CPU time over the floor's CPU time; a checksum of tokens and hits; peak RSS.
#if canImport(Glibc)
import Glibc
#endif
import TillitKit

struct Options {
    var paths: [String] = []
    var runs = 10
    var linesPerDoc = 10
    var json = false
    var jobs = BatchRunner.processorCount
    var maxBytes = Int.max
    var parts = false
    var floorSource: String? = nil
    var smallFiles: Int? = nil
}

nonisolated func fail(_ s: String) -> Never {
    let line = Array(("tillit-bench: " + s + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(64)
}

nonisolated func note(_ s: String) {
    let line = Array(("tillit-bench: " + s + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

var opt = Options()
var quick = false
AllocatorPolicy.tuneForBatches()   // as the CLI does
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--runs": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--runs needs a number ≥ 1") }; opt.runs = v; args.removeFirst()
    case "--lines-per-doc": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--lines-per-doc needs a number ≥ 1") }; opt.linesPerDoc = v; args.removeFirst()
    case "--jobs": guard let v = args.first.flatMap(Int.init), v >= 1 else { fail("--jobs needs a number ≥ 1") }; opt.jobs = v; args.removeFirst()
    case "--floor": guard let v = args.first else { fail("--floor needs the path of floor.c") }; opt.floorSource = v; args.removeFirst()
    case "--small-files": guard let v = args.first.flatMap(Int.init), v >= 0 else { fail("--small-files needs a number ≥ 0") }; opt.smallFiles = v; args.removeFirst()
    case "--json": opt.json = true
    case "--parts": opt.parts = true
    case "--quick": quick = true
    case "--help", "-h":
        print("usage: tillit-bench CORPUS.txt... [--runs N] [--lines-per-doc N] [--jobs N] [--json] [--quick] [--parts] [--floor FLOOR.c] [--small-files N]"); exit(0)
    default:
        if a.hasPrefix("-") { fail("unknown option '\(a)'") }
        opt.paths.append(a)
    }
}
if quick { opt.runs = min(opt.runs, 3); opt.maxBytes = 4 << 20 }
let smallFileCount = opt.smallFiles ?? (quick ? 1_000 : 10_000)
guard !opt.paths.isEmpty else { fail("give a corpus file, e.g. the distinct corpus (zcat ../shared/corpus/riksdag-sfs-distinct.txt.gz) and its OCR-like twin (../shared/bench/make-ocrlike.py)") }

// scratch folder for the timed slice, the small files and the compiled floor
var template = Array("/tmp/tillit-bench-XXXXXX".utf8CString)
guard let made = mkdtemp(&template) else { fail("cannot create a temporary folder") }
let scratchDir = String(cString: made)
func removeScratch() { _ = system("rm -rf '" + scratchDir + "'") }

func shellQuote(_ s: String) -> String { "'" + s.replacing("'", with: "'\\''") + "'" }

/// Writes bytes to a file; false on failure.
func writeFile(_ path: String, _ bytes: ArraySlice<UInt8>) -> Bool {
    guard let f = fopen(path, "wb") else { return false }
    let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
    return n == bytes.count
}

// the floor, compiled once (skipped with a message when there is no C compiler)
var floorBinary: String? = nil
var floorWords: String? = nil
if let src = opt.floorSource {
    let words = String(src[..<(src.lastIndex(of: "/").map { src.index(after: $0) } ?? src.startIndex)]) + "floor-words.txt"
    let bin = scratchDir + "/floor"
    if access(src, R_OK) != 0 { note("floor: cannot read \(src); floor row skipped") } else if access(words, R_OK) != 0 {
        note("floor: no floor-words.txt beside \(src); floor row skipped")
    } else if system("cc -O2 -o " + shellQuote(bin) + " " + shellQuote(src) + " 2>/dev/null") != 0 {
        note("floor: cannot compile \(src) with cc -O2; floor row skipped")
    } else { floorBinary = bin; floorWords = words }
}

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
    var times: [Double]   // wall seconds, sorted
    var cpu: [Double]     // CPU seconds (user + sys), sorted
    var bytes: Int        // bytes the stage went through per run
    var tokens: Int
    var hits: Int
    var rss: Int
    var min: Double { times.first! }
    var median: Double { times[times.count / 2] }
    var cpuMedian: Double { cpu[cpu.count / 2] }
    var p90: Double { times[Swift.min(times.count - 1, Int((Double(times.count) * 0.9).rounded(.up)) - 1)] }
}

/// CPU seconds (user + sys) used so far by this process, or by its waited-for children.
func cpuSeconds(children: Bool = false) -> Double {
    var u = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

@MainActor func measure(_ stage: String, threads: Int = 1, bytes: Int, children: Bool = false, _ body: () -> (tokens: Int, hits: Int)) -> Result {
    let clock = ContinuousClock()
    var check = body()   // warm-up (page cache, lazily loaded tables); every run below starts with fresh caches
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<opt.runs {
        let c0 = cpuSeconds(children: children)
        let t0 = clock.now
        let c = body()
        let d = clock.now - t0
        cpu.append(cpuSeconds(children: children) - c0)
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        if c != check { fail("\(stage): checksum changed between runs (\(check) vs \(c))") }
        check = c
    }
    return Result(stage: stage, threads: threads, times: times.sorted(), cpu: cpu.sorted(), bytes: bytes, tokens: check.tokens, hits: check.hits, rss: peakRSS())
}

/// Documents of `linesPerDoc` lines each.
func documents(_ raw: [UInt8], linesPerDoc: Int) -> [DocumentPart] {
    var docs: [DocumentPart] = []
    var start = 0, lines = 0
    for i in raw.indices where raw[i] == 0x0A {
        lines += 1
        if lines == linesPerDoc {
            docs.append(DocumentPart(id: "doc\(docs.count)", bytes: Array(raw[start...i])))
            start = i + 1; lines = 0
        }
    }
    if start < raw.count { docs.append(DocumentPart(id: "doc\(docs.count)", bytes: Array(raw[start...]))) }
    return docs
}

/// The pipeline over a document stream, as `tillit score` runs it (one thread, fresh analyzer).
func scoreStream(_ paths: [String], mode: RepairMode) -> (tokens: Int, hits: Int) {
    let runner = BatchRunner(analyzer: Analyzer(options: ScoreOptions(unit: .paragraph, repair: mode)), jobs: 1)
    let summary = runner.run(DocumentStream(paths: paths), emit: { _, _ in }, failure: { e in fail("files: \(e)") })
    return (summary.tokens, summary.hits)
}

struct CorpusReport {
    var path: String
    var bytes: Int
    var documents: Int
    var results: [Result]
    var smallFiles: (count: Int, bytes: Int)?
}

@MainActor func bench(_ path: String) -> CorpusReport {
    guard var raw = try? FileInput.readAll(path: path) else { fail("\(path): cannot read") }
    // the bytes every stage times; a cut corpus is written out so that wc -w and the floor time the same bytes
    var timedPath = path
    if raw.count > opt.maxBytes {
        var cut = opt.maxBytes
        while cut < raw.count && raw[cut - 1] != 0x0A { cut += 1 }
        raw.removeLast(raw.count - cut)
        timedPath = scratchDir + "/slice.txt"
        guard writeFile(timedPath, raw[...]) else { fail("cannot write \(timedPath)") }
    }
    let docs = documents(raw, linesPerDoc: opt.linesPerDoc)
    let totalBytes = docs.reduce(0) { $0 + $1.bytes.count }
    let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .on))
    let repairer = Repairer.shared
    _ = RepairLexicon.embedded.formCount   // loaded once per process: outside the timings

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
    if let bin = floorBinary, let words = floorWords {
        results.append(measure("floor lookup", bytes: raw.count, children: true) {
            let out = commandOutput(shellQuote(bin) + " lookup read " + shellQuote(timedPath) + " " + shellQuote(words))
            let n = out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).compactMap { Int($0) }
            return (n.count > 1 ? n[1] : 0, n.count > 3 ? n[3] : 0)   // "B bytes W words L lookups H hits"
        })
    }
    if opt.parts {
        results.append(measure("decode", bytes: totalBytes) {
            var n = 0
            for d in docs { if let dec = try? TextDecoder.decode(d.bytes, name: d.id) { n += dec.bytes.count } }
            return (n, 0)
        })
        results.append(measure("tokenize-only", bytes: totalBytes) {
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
        results.append(measure("segment-only", bytes: totalBytes) {
            var n = 0
            for (dec, _) in tokenized {
                dec.bytes.withUnsafeBufferPointer { p in n += Segmenter.segments(p, range: 0..<p.count).count }
            }
            return (n, 0)
        })
    }
    results.append(measure("tokenize", bytes: totalBytes) {
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
    results.append(measure("repair", bytes: totalBytes) {
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
    results.append(measure("match", bytes: totalBytes) {
        let matcher = LexiconMatcher(analyzer.matcher.lexicon, vocabulary: analyzer.matcher.vocabulary)
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
            results.append(measure(name, threads: threads, bytes: totalBytes) {
                // a fresh analyzer and runner per run: cold caches, as in a new process
                let runner = BatchRunner(analyzer: Analyzer(options: ScoreOptions(unit: .document, repair: mode)), jobs: threads)
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

    // many small files against the same bytes in one file, read from disk as `tillit score DIR` does
    var small: (count: Int, bytes: Int)? = nil
    if smallFileCount > 0 {
        let dir = scratchDir + "/files"
        _ = system("rm -rf " + shellQuote(dir))
        mkdir(dir, 0o755)
        var files: [String] = []
        var at = 0
        var joined: [UInt8] = []
        while files.count < smallFileCount && at < raw.count {
            // about 1 KB of whole lines: cut after the last line end in the next 1,024 bytes, or
            // after the first one past them (a cut inside a paragraph would make the many
            // files score more passages than the one file: the 1 KB cut after any space gave
            // 28% more rows)
            var end = min(at + 1024, raw.count)
            if end < raw.count {
                var k = end
                while k > at && raw[k - 1] != 0x0A { k -= 1 }
                if k > at { end = k } else {
                    while end < raw.count && raw[end - 1] != 0x0A { end += 1 }
                }
            }
            let name = dir + "/f" + String(files.count).leftPad(6).replacing(" ", with: "0") + ".txt"
            guard writeFile(name, raw[at..<end]) else { fail("cannot write \(name)") }
            files.append(name)
            joined.append(contentsOf: raw[at..<end])
            at = end
        }
        let one = scratchDir + "/one.txt"
        guard writeFile(one, joined[...]) else { fail("cannot write \(one)") }
        small = (files.count, joined.count)
        for mode in [RepairMode.auto, RepairMode.off] {
            let suffix = mode == .off ? " (repair off)" : ""
            results.append(measure("one file" + suffix, bytes: joined.count) { scoreStream([one], mode: mode) })
            results.append(measure("\(files.count) files" + suffix, bytes: joined.count) { scoreStream(files, mode: mode) })
        }
    }

    // reference: `wc -w` on the same bytes, timed the same way (a process per run)
    if access("/usr/bin/wc", X_OK) == 0 {
        results.append(measure("wc -w", bytes: raw.count, children: true) {
            let out = commandOutput("/usr/bin/wc -w " + shellQuote(timedPath))
            return (Int(out.split(separator: " ").first ?? "0") ?? 0, 0)
        })
    }
    return CorpusReport(path: path, bytes: totalBytes, documents: docs.count, results: results, smallFiles: small)
}

var reports: [CorpusReport] = []
for path in opt.paths { reports.append(bench(path)) }
removeScratch()

func f(_ d: Double, _ p: Int = 1) -> String { FixedPoint.string(d, decimals: p) }
if opt.json {
    var corpora: [String] = []
    for rep in reports {
        let floor = rep.results.first { $0.stage == "floor lookup" }
        var rows: [String] = []
        for r in rep.results {
            let mb = Double(r.bytes) / 1_048_576
            let ratio = floor.map { ",\"x_floor_cpu\":\(r.cpuMedian / Swift.max($0.cpuMedian, 1e-9))" } ?? ""
            rows.append("{\"stage\":\"\(r.stage)\",\"threads\":\(r.threads),\"runs\":\(r.times.count),\"bytes\":\(r.bytes),\"min_s\":\(r.min),\"median_s\":\(r.median),\"p90_s\":\(r.p90),\"cpu_median_s\":\(r.cpuMedian),\"mb_per_s\":\(mb / r.median),\"mb_per_cpu_s\":\(mb / Swift.max(r.cpuMedian, 1e-9)),\"tokens_per_s\":\(Double(r.tokens) / r.median),\"ns_per_token\":\(r.median * 1e9 / Double(Swift.max(r.tokens, 1))),\"tokens\":\(r.tokens),\"hits\":\(r.hits),\"peak_rss_bytes\":\(r.rss)\(ratio)}")
        }
        corpora.append("{\"corpus\":\"\(rep.path)\",\"bytes\":\(rep.bytes),\"documents\":\(rep.documents),\"results\":[\n" + rows.joined(separator: ",\n") + "]}")
    }
    print("{\"git\":\"\(gitSHA())\",\"config\":\"\(config)\",\"cpu\":\"\(cpuName())\",\"corpora\":[\n" + corpora.joined(separator: ",\n") + "]}")
} else {
    print("tillit-bench  git \(gitSHA())  \(config)  cpu: \(cpuName())")
    for rep in reports {
        print("\ncorpus \(rep.path): \(f(Double(rep.bytes) / 1_048_576)) MB, \(rep.documents) documents of \(opt.linesPerDoc) lines, \(opt.runs) runs after 1 warm-up, cold caches in every run")
        if let s = rep.smallFiles { print("files: \(s.count) files of about 1 KB of whole lines (\(f(Double(s.bytes) / 1_048_576)) MB) read from a folder, against the same bytes as one file; one thread") }
        print("")
        let floor = rep.results.first { $0.stage == "floor lookup" }
        print("stage                    thr  wall min   median    p90   CPU med   MB/s wall  MB/s CPU  × floor  ns/tok      tokens       hits  peak RSS")
        for r in rep.results {
            let mb = Double(r.bytes) / 1_048_576
            let ratio = floor.map { f(r.cpuMedian / Swift.max($0.cpuMedian, 1e-9), 2) } ?? "-"
            let cols = [r.stage.rightPad(24), String(r.threads).leftPad(3), f(r.min, 3).leftPad(9), f(r.median, 3).leftPad(8),
                        f(r.p90, 3).leftPad(7), f(r.cpuMedian, 3).leftPad(9), f(mb / r.median).leftPad(10), f(mb / Swift.max(r.cpuMedian, 1e-9)).leftPad(9),
                        ratio.leftPad(8), f(r.median * 1e9 / Double(Swift.max(r.tokens, 1)), 1).leftPad(7),
                        String(r.tokens).leftPad(11), String(r.hits).leftPad(10), (f(Double(r.rss) / 1_048_576, 0) + " MiB").leftPad(9)]
            print(cols.joined(separator: " "))
        }
        let one = rep.results.first { $0.stage == "pipeline" && $0.threads == 1 }, many = rep.results.first { $0.stage == "pipeline" && $0.threads == opt.jobs && opt.jobs > 1 }
        print("")
        if let o = one, let m = many { print("scaling pipeline \(opt.jobs) threads vs 1: \(f(o.median / m.median, 2))× wall, CPU \(f(m.cpuMedian / o.cpuMedian, 2))× of one thread's") }
        if let o = one, let w = rep.results.first(where: { $0.stage == "wc -w" }) { print("pipeline (1 thread) vs wc -w: \(f(w.cpuMedian / o.cpuMedian, 2))× the speed of wc -w (CPU)") }
        for suffix in ["", " (repair off)"] {
            if let s = rep.smallFiles, let o = rep.results.first(where: { $0.stage == "one file" + suffix }), let m = rep.results.first(where: { $0.stage == "\(s.count) files" + suffix }) {
                print("small files\(suffix): \(f((m.cpuMedian / o.cpuMedian - 1) * 100, 0))% more CPU than one file of the same bytes")
            }
        }
    }
}
