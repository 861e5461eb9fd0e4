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
    /// Per type: what the per-token loop needs of it, packed in one word (`facts(_:)`), so a
    /// token reads one small array, not the wide `infos`; the raw-bytes cache keeps the same
    /// word in its slot, so a token it finds reads nothing else.
    var factsOf: [UInt64] = []
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
        table.removeAll(); infos.removeAll(keepingCapacity: true); pool.removeAll(keepingCapacity: true); factsOf.removeAll(keepingCapacity: true)
        hot.removeAll()
    }

    /// A type's facts in one word: its stem id + 1 in bits 0–30 (0: none), bit 31 set when no
    /// pattern and no cue involves it (the scan only steps over it), its word-vector id + 1 in
    /// bits 32–63 (0: none).
    @inline(__always)
    static func facts(plain: Bool, stem: Int32, vector: Int32) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: stem &+ 1) & 0x7FFF_FFFF) | (plain ? 1 << 31 : 0) | UInt64(UInt32(truncatingIfNeeded: vector &+ 1)) << 32
    }

    /// The stem id in `facts`, or −1.
    @inline(__always) static func stem(_ facts: UInt64) -> Int32 { Int32(truncatingIfNeeded: facts & 0x7FFF_FFFF) &- 1 }
    /// The word-vector id in `facts`, or −1.
    @inline(__always) static func vector(_ facts: UInt64) -> Int32 { Int32(truncatingIfNeeded: facts >> 32) &- 1 }
    /// True when `facts` marks a type no pattern and no cue involves.
    @inline(__always) static func isPlain(_ facts: UInt64) -> Bool { facts & (1 << 31) != 0 }

    @inline(__always)
    mutating func info(_ key: UnsafePointer<UInt8>, _ len: Int, matcher: LexiconMatcher) -> Int32 {
        if let v = table.find(key, len) { return v }
        let info = matcher.resolve(key, len, pool: &pool)
        let id = Int32(infos.count)
        infos.append(info)
        factsOf.append(MatchCache.facts(plain: info.single < 0 && info.wordsCount == 0 && info.cue == .none, stem: info.stem, vector: info.vector))
        table.set(key, len, id)
        return id
    }
}
