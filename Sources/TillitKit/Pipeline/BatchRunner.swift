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
/// The calling thread reads parts ahead, at most 2 × `batchBytes` bytes (and 128 parts a
/// worker) that are not yet emitted, and emits their results in input order; workers (the
/// calling thread too, when it has nothing to read or emit) take the parts one at a time, in
/// order, whatever batch they belong to, so no core waits for the others at a batch's end
/// (`PipelineWork`). Large documents arrive as several parts (cut at paragraph boundaries by
/// `DocumentStream`) and are scored in parallel too. Memory: about 2 × `batchBytes` of parts
/// and their results, plus the per-thread caches.
public final class BatchRunner {
    /// The analyzer shared by all threads.
    public let analyzer: Analyzer
    /// Worker threads.
    public let jobs: Int
    /// Bytes read ahead of emission, halved (the read-ahead holds at most twice this), and the
    /// bytes emitted between `progress` and `stop` calls.
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
    ///   - failure: called for each input that could not be scored, in input order.
    ///   - progress: called after each `batchBytes` of input emitted (and whenever every part
    ///     read has been emitted) with the bytes emitted and the documents finished so far.
    ///   - stop: asked after each `progress` call; when it answers true the run ends there
    ///     (`tillit score … | head` once the reader has gone). Parts read ahead and not yet
    ///     emitted are dropped unemitted; nothing further is read.
    ///   All four are called on the calling thread.
    public func run(_ stream: DocumentStream, emit: (DocumentScore, Bool) -> Void, failure: (TillitError) -> Void,
                    progress: ((_ bytes: Int, _ documents: Int) -> Void)? = nil, stop: (() -> Bool)? = nil) -> Summary {
        var summary = Summary()
        if analyzer.options.charOffsets { stream.countScalars = true }
        var bytesRead = 0
        var acc: DocumentScore? = nil
        var failedID: String? = nil
        var unitBase = 0   // units of the current document emitted with its earlier parts
        var stopped = false
        // a document's last part: count it and emit it whole
        func finish(_ whole: DocumentScore) {
            summary.documents += 1
            summary.bytes += whole.bytes
            summary.tokens += whole.tokens
            summary.hits += whole.hitCount
            emit(whole, true)
        }
        // one scored part, in input order
        func handle(_ part: DocumentPart, _ result: Result<DocumentScore, TillitError>) {
            if part.part == 0 { failedID = nil }
            if failedID == part.id { return }
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
                    return
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
                guard acc != nil else { return }
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
        // no more threads than processors: a worker blocks while it waits for a part
        let threads = max(1, min(jobs, BatchRunner.processorCount))
        if threads == 1 {
            // one thread: each part is scored and emitted as it is read, with no queue
            var sinceCheck = 0
            while !stopped, let item = stream.next() {
                switch item {
                case .failure(let e):
                    failure(e)
                    summary.failures += 1
                case .part(let p):
                    let r: Result<DocumentScore, TillitError>
                    do { r = .success(try analyzer.score(p, scratch: &scratches[0])) } catch { r = .failure(error) }
                    handle(p, r)
                    bytesRead += p.bytes.count
                    sinceCheck += p.bytes.count
                    if sinceCheck >= batchBytes {
                        sinceCheck = 0
                        progress?(bytesRead, summary.documents)
                        if let stop, stop() { stopped = true }
                    }
                }
            }
            if !stopped && sinceCheck > 0 { progress?(bytesRead, summary.documents); _ = stop?() }
            return summary
        }
        // The calling thread reads parts ahead (at most two batches' bytes), emits the scored
        // ones in input order, and scores parts itself when there is nothing to read or emit;
        // `threads − 1` more workers score. A worker that finishes a part takes the next one,
        // whatever batch it belongs to, so no core waits at a batch's end.
        let work = PipelineWork(analyzer: analyzer, scratches: scratches)
        scratches = []
        defer { scratches = work.returnScratches() }
        let workers = DispatchGroup()
        for w in 1..<threads {
            DispatchQueue.global().async(group: workers) { work.run(worker: w) }
        }
        var entries: [Int: (part: DocumentPart?, failure: TillitError?)] = [:]   // read, not yet emitted
        var nextSeq = 0, nextEmit = 0, inFlight = 0, sinceCheck = 0
        var atEnd = false
        while true {
            // read ahead while there is room
            while !atEnd && !stopped && inFlight < 2 * batchBytes && nextSeq - nextEmit < threads * 128 {
                guard let item = stream.next() else { atEnd = true; break }
                switch item {
                case .failure(let e): entries[nextSeq] = (nil, e)
                case .part(let p):
                    entries[nextSeq] = (p, nil)
                    inFlight += p.bytes.count
                    work.add(seq: nextSeq, part: p)
                }
                nextSeq += 1
            }
            // emit what is ready, in order
            var emitted = false
            while !stopped, nextEmit < nextSeq, let entry = entries[nextEmit] {
                if let p = entry.part {
                    guard let result = work.result(nextEmit) else { break }
                    handle(p, result)
                    inFlight -= p.bytes.count
                    bytesRead += p.bytes.count
                    sinceCheck += p.bytes.count
                } else if let e = entry.failure {
                    // everything before the failure is emitted before it is reported
                    failure(e)
                    summary.failures += 1
                }
                entries[nextEmit] = nil
                nextEmit += 1
                emitted = true
                if sinceCheck >= batchBytes || nextEmit == nextSeq {
                    sinceCheck = 0
                    progress?(bytesRead, summary.documents)
                    if let stop, stop() { stopped = true }
                }
            }
            if stopped || (atEnd && nextEmit == nextSeq) { break }
            if emitted { continue }
            // nothing to read or emit: score a waiting part here, or wait for a worker
            if !work.scoreOne(worker: 0) { work.waitForResult() }
        }
        work.close(workers: threads - 1)
        workers.wait()
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
