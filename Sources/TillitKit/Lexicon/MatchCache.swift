/// Per-thread memo of word types already resolved against a `LexiconMatcher`.
///
/// Not shared between threads: each worker owns one. Memory is bounded: when it holds more
/// than `limit` types it starts over (between units), so RSS stays flat on any input size.
public struct MatchCache {
    var table = ByteTable(capacity: 1 << 14, identityValues: true)   // ids are the infos indexes
    var infos: [LexiconMatcher.TypeInfo] = []
    var pool: [Int32] = []
    /// Raw-bytes cache in front of `table` for frequent words.
    var hot = RawWordCache()
    /// Per type: true when no pattern and no cue involves it (the scan only steps over it).
    var plain: [Bool] = []
    /// Per type: its stem's id in the matcher's vocabulary, or −1 (beside `plain`, so the
    /// per-token loop reads one small array per flag, not the wide `infos`).
    var stemOf: [Int32] = []
    /// Per type: its id in the matcher's word vectors, or −1.
    var vectorOf: [Int32] = []
    /// Scratch: the info index of each token of the unit being matched (reused across calls).
    var tokenInfos: [Int32] = []
    /// Word tokens seen by the last `match` call.
    public internal(set) var lastWordCount = 0
    /// Steering-frame words (lexicon pole `F`) seen by the last `match` call.
    public internal(set) var lastFrameCount = 0
    /// When true, `match` keeps the hits that a sense condition removed in `suppressed`
    /// (for `tillit lexicon lint`); off while scoring.
    public var recordSuppressed = false
    /// Hits removed by a sense condition, while `recordSuppressed` is on.
    public var suppressed: [Hit] = []
    /// Vocabulary ids of the word stems of the last `match` call, in token order, repeats kept;
    /// empty when the call found no hit (the label model reads stems only beside evidence).
    public internal(set) var unitStems: [Int32] = []
    /// Word-vector ids of the words of the last `match` call, in token order, repeats kept;
    /// empty when the call found no hit or the matcher has no word vectors.
    public internal(set) var unitVectorIDs: [Int32] = []
    /// Scratch: token indexes of the frame words of the unit being matched.
    var framePositions: [Int32] = []
    /// Most types kept before the cache is cleared.
    public let limit: Int

    public init(limit: Int = 400_000) { self.limit = limit }

    /// Number of cached types.
    public var count: Int { infos.count }

    /// Starts over when the cache holds `limit` types. Called between units only, so the type
    /// ids of the unit being matched stay valid; a unit adds at most its own token count.
    mutating func resetIfFull() {
        guard infos.count >= limit else { return }
        table.removeAll(); infos.removeAll(keepingCapacity: true); pool.removeAll(keepingCapacity: true); plain.removeAll(keepingCapacity: true); stemOf.removeAll(keepingCapacity: true); vectorOf.removeAll(keepingCapacity: true)
        hot.removeAll()
    }

    @inline(__always)
    mutating func info(_ key: UnsafePointer<UInt8>, _ len: Int, matcher: LexiconMatcher) -> Int32 {
        if let v = table.find(key, len) { return v }
        let info = matcher.resolve(key, len, pool: &pool)
        let id = Int32(infos.count)
        infos.append(info)
        plain.append(info.single < 0 && info.wordsCount == 0 && info.cue == .none)
        stemOf.append(info.stem)
        vectorOf.append(info.vector)
        table.set(key, len, id)
        return id
    }
}
