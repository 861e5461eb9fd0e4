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
/// `DispatchQueue.concurrentPerform`, then emitted in order. Large documents arrive as
/// several parts (cut at paragraph boundaries by `DocumentStream`) and are scored in
/// parallel too. Memory: about `batchBytes` × 3 plus the per-thread caches.
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
    ///   - stop: asked after each batch (after `progress`); when it answers true the run ends
    ///     there, without reading further (`tillit score … | head` once the reader has gone).
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
        func flush() {
            let results = process(batch)
            for (part, result) in zip(batch, results) {
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
                        summary.documents += 1
                        summary.bytes += whole.bytes
                        summary.tokens += whole.tokens
                        summary.hits += whole.hitCount
                        emit(whole, true)
                        acc = nil
                    } else if analyzer.options.unit != .document {
                        emit(whole, false)
                        acc!.units = []
                        acc!.changes = []
                    }
                }
            }
            bytesRead += bytes
            batch.removeAll(keepingCapacity: true)
            bytes = 0
            progress?(bytesRead, summary.documents)
            if let stop, stop() { stopped = true }
        }
        while !stopped, let item = stream.next() {
            switch item {
            case .failure(let e):
                flush()
                failure(e)
                summary.failures += 1
            case .part(let p):
                bytes += p.bytes.count
                batch.append(p)
                if bytes >= batchBytes || batch.count >= jobs * 64 { flush() }
            }
        }
        if !stopped { flush() }
        return summary
    }

    /// Scores parts in parallel; results in the same order.
    public func process(_ parts: [DocumentPart]) -> [Result<DocumentScore, TillitError>] {
        if parts.isEmpty { return [] }
        var results = [Result<DocumentScore, TillitError>?](repeating: nil, count: parts.count)
        let workers = min(jobs, parts.count)
        results.withUnsafeMutableBufferPointer { out in
            scratches.withUnsafeMutableBufferPointer { scr in
                let shared = SharedWork(analyzer: analyzer, parts: parts, out: out, scratch: scr)
                DispatchQueue.concurrentPerform(iterations: workers) { w in shared.work(worker: w) }
            }
        }
        return results.map { $0! }
    }
}

/// State shared by the workers of one batch. Each worker writes only its own scratch slot
/// and the result slots it claimed from the atomic counter, so the unchecked sendability holds.
final class SharedWork: @unchecked Sendable {
    let analyzer: Analyzer
    let parts: [DocumentPart]
    let out: UnsafeMutableBufferPointer<Result<DocumentScore, TillitError>?>
    let scratch: UnsafeMutableBufferPointer<Analyzer.Scratch>
    /// The next part to claim.
    let next = Atomic<Int>(0)

    init(analyzer: Analyzer, parts: [DocumentPart], out: UnsafeMutableBufferPointer<Result<DocumentScore, TillitError>?>, scratch: UnsafeMutableBufferPointer<Analyzer.Scratch>) {
        self.analyzer = analyzer
        self.parts = parts
        self.out = out
        self.scratch = scratch
    }

    func work(worker w: Int) {
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
