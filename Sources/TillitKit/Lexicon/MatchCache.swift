/// Per-thread memo of word types already resolved against a `LexiconMatcher`.
///
/// Not shared between threads: each worker owns one. Memory is bounded: when it holds more
/// than `limit` types it starts over, so RSS stays flat on any input size.
public struct MatchCache {
    var table = ByteTable(capacity: 1 << 14, identityValues: true)   // ids are the infos indexes
    var infos: [LexiconMatcher.TypeInfo] = []
    var pool: [Int32] = []
    /// Scratch: the info index of each token of the unit being matched (reused across calls).
    var tokenInfos: [Int32] = []
    /// Word tokens seen by the last `match` call.
    public internal(set) var lastWordCount = 0
    /// Most types kept before the cache is cleared.
    public let limit: Int

    public init(limit: Int = 400_000) { self.limit = limit }

    /// Number of cached types.
    public var count: Int { infos.count }

    @inline(__always)
    mutating func info(_ key: UnsafePointer<UInt8>, _ len: Int, matcher: LexiconMatcher) -> Int32 {
        if let v = table.find(key, len) { return v }
        if infos.count >= limit {
            table.removeAll(); infos.removeAll(keepingCapacity: true); pool.removeAll(keepingCapacity: true)
        }
        let info = matcher.resolve(key, len, pool: &pool)
        let id = Int32(infos.count)
        infos.append(info)
        table.set(key, len, id)
        return id
    }
}
