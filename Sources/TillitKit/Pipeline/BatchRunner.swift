import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Scores a stream of documents on several threads, in bounded memory, and hands results
/// back in input order.
///
/// Parts are gathered into batches of at most `batchBytes` bytes, scored in parallel with
/// `DispatchQueue.concurrentPerform`, then emitted in order, on one of the workers while the
/// next batch is scored. Large documents arrive as
/// several parts (cut at paragraph boundaries by `DocumentStream`) and are scored in
/// parallel too. Memory: about `batchBytes` × 4 (a batch being scored and the one
/// being emitted) plus the per-thread caches.
public final class BatchRunner {
    /// The analyzer shared by all threads.
    public let analyzer: Analyzer
    /// Worker threads.
    public let jobs: Int
    /// Upper bound on the bytes of one batch.
    public let batchBytes: Int
    var scratches: [Analyzer.Scratch]

    /// What the runner counted.
    public struct Summary: Sendable {
        /// Documents scored.
        public var documents = 0
        /// Inputs that failed.
        public var failures = 0
        /// Bytes scored.
        public var bytes = 0
        /// Tokens scanned.
        public var tokens = 0
        /// Hits found.
        public var hits = 0
    }

    /// Processors this process may run on (the default for `jobs`). Cost: one system call.
    public static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    public init(analyzer: Analyzer, jobs: Int = BatchRunner.processorCount, batchBytes: Int = 2 << 20) {
        self.analyzer = analyzer
        self.jobs = max(1, jobs)
        self.batchBytes = batchBytes
        self.scratches = (0..<max(1, jobs)).map { _ in Analyzer.Scratch() }
    }

    /// Runs the whole stream.
    /// - Parameters:
    ///   - emit: called in input order with each scored part; `final` is true on a document's
    ///     last part, whose document-level fields (table, label, counts) then cover the whole
    ///     document. Its `units` are always only those of this part; their `index` counts
    ///     the units of the whole document.
    ///   - failure: called for each input that could not be scored.
    ///   - progress: called after each batch with the bytes read and the documents finished so far.
    ///   - stop: asked after each batch is emitted (after `progress`); when it answers true the
    ///     run ends there (`tillit score … | head` once the reader has gone). The batch after
    ///     it, read and scored while it was emitted, is dropped unemitted; nothing further is read.
    public func run(_ stream: DocumentStream, emit: (DocumentScore, Bool) -> Void, failure: (TillitError) -> Void,
                    progress: ((_ bytes: Int, _ documents: Int) -> Void)? = nil, stop: (() -> Bool)? = nil) -> Summary {
        var summary = Summary()
        if analyzer.options.charOffsets { stream.countScalars = true }
        var bytesRead = 0
        var acc: DocumentScore? = nil
        var failedID: String? = nil
        var unitBase = 0   // units of the current document emitted with its earlier parts
        var batch: [DocumentPart] = []
        var bytes = 0
        var stopped = false
        // a scored batch whose results are not yet emitted: they are emitted on one worker
        // while the next batch is scored, so writing rows overlaps scoring
        var pending: (parts: [DocumentPart], results: [Result<DocumentScore, TillitError>?], bytes: Int)? = nil
        // a document's last part: count it and emit it whole
        func finish(_ whole: DocumentScore) {
            summary.documents += 1
            summary.bytes += whole.bytes
            summary.tokens += whole.tokens
            summary.hits += whole.hitCount
            emit(whole, true)
        }
        func emitPending() {
            guard var done = pending else { return }
            pending = nil
            let batchBytes = done.bytes
            for i in done.parts.indices {
                let part = done.parts[i]
                // moved out, not copied: a DocumentScore copy and its release cost about
                // 3,000 instructions, which each of many small files paid
                guard let result = done.results[i].take() else { continue }
                if part.part == 0 { failedID = nil }
                if failedID == part.id { continue }
                switch result {
                case .failure(let e):
                    failure(e)
                    summary.failures += 1
                    failedID = part.id
                    acc = nil
                case .success(var s):
                    s.columns = part.columns
                    if part.part == 0 && part.isLast {
                        // a document in one part (most are) is emitted as it is, without the
                        // copies through `acc` (a DocumentScore copy costs 1,400 instructions)
                        acc = nil
                        finish(s)
                        continue
                    }
                    if part.part == 0 { acc = s; unitBase = 0 } else if acc != nil {
                        if analyzer.options.unit != .document {
                            // the part's units are emitted as they are: merge only the totals
                            var totals = s
                            totals.units = []
                            analyzer.merge(totals, into: &acc!)
                            acc!.units = s.units
                        } else {
                            analyzer.merge(s, into: &acc!)
                        }
                    }
                    // acc holds this part's own units (part 0 is acc; later parts set them above)
                    guard acc != nil else { continue }
                    if analyzer.options.unit != .document {
                        // numbered across the whole document, not from 0 in every part
                        if unitBase > 0 { for k in acc!.units.indices { acc!.units[k].index += unitBase } }
                        unitBase += acc!.units.count
                    }
                    let whole = acc!
                    if part.isLast {
                        finish(whole)
                        acc = nil
                    } else if analyzer.options.unit != .document {
                        emit(whole, false)
                        acc!.units = []
                        acc!.changes = []
                    }
                }
            }
            bytesRead += batchBytes
            progress?(bytesRead, summary.documents)
            if let stop, stop() { stopped = true }
        }
        func flush() {
            let parts = batch
            let results = process(parts, alongside: emitPending)
            pending = stopped ? nil : (parts, results, bytes)
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
        while !stopped, let item = stream.next() {
            switch item {
            case .failure(let e):
                // everything before the failure is emitted before it is reported
                flush()
                emitPending()
                if stopped { break }
                failure(e)
                summary.failures += 1
            case .part(let p):
                bytes += p.bytes.count
                batch.append(p)
                if bytes >= batchBytes || batch.count >= jobs * 64 { flush() }
            }
        }
        if !stopped { flush(); emitPending() }
        return summary
    }

    /// Scores parts in parallel; results in the same order.
    public func process(_ parts: [DocumentPart]) -> [Result<DocumentScore, TillitError>] {
        process(parts, alongside: {}).map { $0! }
    }

    /// Scores parts in parallel while one worker first runs `side` (the emission of the
    /// batch before), then joins the others; results in the same order, every one set (left
    /// optional so the caller can move each out instead of copying it).
    func process(_ parts: [DocumentPart], alongside side: () -> Void) -> [Result<DocumentScore, TillitError>?] {
        if parts.isEmpty { side(); return [] }
        var results = [Result<DocumentScore, TillitError>?](repeating: nil, count: parts.count)
        let workers = min(jobs, parts.count + 1)
        withoutActuallyEscaping(side) { side in
            results.withUnsafeMutableBufferPointer { out in
                scratches.withUnsafeMutableBufferPointer { scr in
                    let shared = SharedWork(analyzer: analyzer, parts: parts, out: out, scratch: scr, side: side)
                    DispatchQueue.concurrentPerform(iterations: workers) { w in shared.work(worker: w) }
                }
            }
        }
        return results
    }
}

/// State shared by the workers of one batch. Each worker writes only its own scratch slot
/// and the result slots it claimed from the atomic counter, and only worker 0 runs `side`
/// (while the caller waits in `concurrentPerform`), so the unchecked sendability holds.
final class SharedWork: @unchecked Sendable {
    let analyzer: Analyzer
    let parts: [DocumentPart]
    let out: UnsafeMutableBufferPointer<Result<DocumentScore, TillitError>?>
    let scratch: UnsafeMutableBufferPointer<Analyzer.Scratch>
    /// The next part to claim.
    let next = Atomic<Int>(0)

    /// Run once, by worker 0, before it claims parts.
    let side: () -> Void

    init(analyzer: Analyzer, parts: [DocumentPart], out: UnsafeMutableBufferPointer<Result<DocumentScore, TillitError>?>, scratch: UnsafeMutableBufferPointer<Analyzer.Scratch>,
         side: @escaping () -> Void) {
        self.side = side
        self.analyzer = analyzer
        self.parts = parts
        self.out = out
        self.scratch = scratch
    }

    func work(worker w: Int) {
        if w == 0 { side() }
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= parts.count { return }
            do {
                out[i] = .success(try analyzer.score(parts[i], scratch: &scratch[w]))
            } catch {
                out[i] = .failure(error)
            }
        }
    }
}
