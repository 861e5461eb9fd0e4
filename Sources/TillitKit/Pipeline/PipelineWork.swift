import Dispatch
import Synchronization

/// The parts a `BatchRunner` run has read and not yet scored, and the results not yet
/// emitted, shared by the thread that reads and emits and the workers that score.
///
/// Parts are taken in input order by whichever thread is free; results are kept by sequence
/// number until the emitting thread asks for them in order. Each worker scores with its own
/// `Analyzer.Scratch` (its caches), so nothing but this queue is shared. Cost: one lock and
/// one semaphore signal per part each way.
final class PipelineWork: @unchecked Sendable {
    let analyzer: Analyzer
    private let scratch: UnsafeMutableBufferPointer<Analyzer.Scratch>

    private struct State {
        /// Queued parts; a taken one is set to nil at once, so its bytes are not held here.
        var queue: [(seq: Int, part: DocumentPart)?] = []
        var head = 0
        var results: [Int: Result<DocumentScore, TillitError>] = [:]
        var closed = false
    }
    private let state = Mutex(State())
    /// Signalled once per part added (and once per worker at `close`).
    private let workAdded = DispatchSemaphore(value: 0)
    /// Signalled once per result stored.
    private let resultStored = DispatchSemaphore(value: 0)

    /// What a worker finds when it looks for a part.
    private enum Take { case part(Int, DocumentPart), none, closed }

    /// Takes over `scratches` (one per worker; worker 0 is the reading thread) until
    /// `returnScratches`.
    init(analyzer: Analyzer, scratches: [Analyzer.Scratch]) {
        self.analyzer = analyzer
        scratch = .allocate(capacity: scratches.count)
        _ = scratch.initialize(from: scratches)
    }

    deinit { scratch.deinitialize().deallocate() }

    /// The scratches, back in worker order (call after the workers have stopped).
    func returnScratches() -> [Analyzer.Scratch] { Array(scratch) }

    /// Queues part number `seq` for scoring.
    func add(seq: Int, part: DocumentPart) {
        state.withLock { $0.queue.append((seq, part)) }
        workAdded.signal()
    }

    private func take() -> Take {
        state.withLock { s in
            if s.closed { return .closed }
            guard s.head < s.queue.count else { return .none }
            let x = s.queue[s.head]!
            s.queue[s.head] = nil
            s.head += 1
            if s.head >= 64 && s.head * 2 >= s.queue.count { s.queue.removeFirst(s.head); s.head = 0 }
            return .part(x.seq, x.part)
        }
    }

    private func score(_ seq: Int, _ part: DocumentPart, worker w: Int) {
        let r: Result<DocumentScore, TillitError>
        do { r = .success(try analyzer.score(part, scratch: &scratch[w])) } catch { r = .failure(error) }
        state.withLock { $0.results[seq] = r }
        resultStored.signal()
    }

    /// A worker's loop: scores parts as they come until `close`.
    func run(worker w: Int) {
        while true {
            workAdded.wait()
            switch take() {
            case .part(let seq, let part): score(seq, part, worker: w)
            case .none: continue        // the reading thread scored it first
            case .closed: return
            }
        }
    }

    /// Scores one waiting part on the calling thread with scratch `w`; false when none waits.
    func scoreOne(worker w: Int) -> Bool {
        guard case .part(let seq, let part) = take() else { return false }
        score(seq, part, worker: w)
        return true
    }

    /// The result of part `seq`, moved out, or nil while it is not scored yet.
    func result(_ seq: Int) -> Result<DocumentScore, TillitError>? {
        state.withLock { $0.results.removeValue(forKey: seq) }
    }

    /// Waits until some result is stored (perhaps one already taken).
    func waitForResult() { resultStored.wait() }

    /// Stops the `workers` workers once they finish the part in hand; parts still queued are
    /// dropped.
    func close(workers: Int) {
        state.withLock { $0.closed = true; $0.queue.removeAll(); $0.head = 0 }
        for _ in 0..<workers { workAdded.signal() }
    }
}
