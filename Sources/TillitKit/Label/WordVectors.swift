#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distributional word vectors learned from in-domain Swedish (`Lexicons/word-vectors.tsv`,
/// built by `scripts/build-word-vectors.py` from the Riksdag and statute corpus): words that
/// occur in the same contexts get near vectors, so `tillsyn` sits beside `kontroll` and
/// `granskning` beside `uppföljning`.
///
/// The label model reads a unit's weighted mean vector beside the evidence features, so a
/// word it never met in coded passages still counts through its neighbours. Each word weighs
/// a / (a + p(word)), a = 1e-4 (smooth inverse frequency): common words count little.
///
/// Memory: about 2.6 MB for 40,000 words of 64 components. The embedded vectors are decoded
/// once, on first use (about 20 ms).
public final class WordVectors: Sendable {
    /// Components per word.
    public let dims: Int
    /// Number of words.
    public var count: Int { weights.count }
    let table: ByteTable
    /// Row-major components, one signed byte each (the component × 254).
    let components: [Int8]
    /// Per word: its smooth-inverse-frequency weight.
    let weights: [Float]
    /// Per word: its bytes, as `wordBytes[wordStarts[i]..<wordStarts[i + 1]]`.
    let wordBytes: [UInt8]
    let wordStarts: [Int32]
    /// The words' bits, in front of `table`: most endings `id` tries are no word.
    let filter: HashFilter

    /// Smallest compound head (in letters) looked up for a word the vectors do not hold.
    public static let minHeadScalars = 4
    /// The constant a of the smooth inverse frequency weight.
    public static let sifConstant = 1e-4

    init(dims: Int, table: ByteTable, components: [Int8], weights: [Float], wordBytes: [UInt8], wordStarts: [Int32]) {
        self.dims = dims; self.table = table; self.components = components; self.weights = weights
        self.wordBytes = wordBytes; self.wordStarts = wordStarts
        var filter = HashFilter(log2Bits: WordVectors.filterLog2Bits)
        wordBytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            for i in 0..<(wordStarts.count - 1) { filter.add(base + Int(wordStarts[i]), Int(wordStarts[i + 1] - wordStarts[i])) }
        }
        self.filter = filter
    }

    /// Size of `filter`: 2^19 bits (64 KiB) for the 40,000 embedded words.
    static let filterLog2Bits = 19

    /// The vectors shipped in the library.
    public static let embedded: WordVectors = {
        var text = EmbeddedWordVectors.text
        let r = text.withUTF8 { parse($0, source: "<embedded>") }
        EmbeddedText.release(text)
        switch r {
        case .success(let v): return v
        case .failure(let e): fatalError("embedded word vectors are malformed: \(e)")
        }
    }()

    /// The word of vector `id`.
    public func word(_ id: Int32) -> String {
        String(decoding: wordBytes[Int(wordStarts[Int(id)])..<Int(wordStarts[Int(id) + 1])], as: UTF8.self)
    }

    /// The vector id of a lowercase word key: the word itself, else its longest known ending
    /// of at least `minHeadScalars` letters (the head of a compound: `tillsynsarbete` →
    /// `arbete`, `specialgranskning` → `granskning`), else −1. O(key length) hashes; a filter test before each table probe, so an ending that is no word seldom touches the table.
    public func id(_ key: UnsafePointer<UInt8>, _ len: Int) -> Int32 {
        let whole = ByteTable.hash(key, len)
        if filter.mayContain(hash: whole), let v = table.find(key, len, hash: whole) { return v }
        // scalar starts after the first, longest ending first
        var scalarsLeft = 0
        var i = 0
        while i < len { if key[i] & 0xC0 != 0x80 { scalarsLeft += 1 }; i += 1 }
        i = 1
        scalarsLeft -= 1
        while i < len && scalarsLeft >= WordVectors.minHeadScalars {
            if key[i] & 0xC0 != 0x80 {
                let h = ByteTable.hash(key + i, len - i)
                if filter.mayContain(hash: h), let v = table.find(key + i, len - i, hash: h) { return v }
                scalarsLeft -= 1
            }
            i += 1
        }
        return -1
    }

    /// The id of a word given as a string (lowercased first), or −1.
    public func id(of word: String) -> Int32 {
        var key = Array(word.lowercased().utf8)
        return key.withUnsafeMutableBufferPointer { $0.isEmpty ? -1 : id($0.baseAddress!, $0.count) }
    }

    /// The weighted mean vector of the words `ids` (repeats count; −1 is skipped); zeros when
    /// none is known. O(ids × dims).
    public func mean(_ ids: [Int32]) -> [Double] {
        var s = [Double](repeating: 0, count: dims)
        var total = 0.0
        components.withUnsafeBufferPointer { c in
            for id in ids where id >= 0 {
                let w = Double(weights[Int(id)])
                total += w
                let base = Int(id) * dims
                for j in 0..<dims { s[j] += w * Double(c[base + j]) }
            }
        }
        guard total > 0 else { return s }
        let k = 1 / (total * 254)
        for j in 0..<dims { s[j] *= k }
        return s
    }

    /// Each distinct word of `ids` with its share of `direction · mean(ids)`, largest first
    /// (what a linear model over the mean owes to each word). O(ids × dims).
    public func contributions(_ ids: [Int32], direction: [Double]) -> [(word: Int32, share: Double)] {
        var total = 0.0
        var weightOf: [Int32: Double] = [:]
        for id in ids where id >= 0 { let w = Double(weights[Int(id)]); total += w; weightOf[id, default: 0] += w }
        guard total > 0 else { return [] }
        return weightOf.map { id, w in
            let base = Int(id) * dims
            var d = 0.0
            for j in 0..<dims { d += direction[j] * Double(components[base + j]) }
            return (id, d * w / (total * 254))
        }.sorted { $0.share > $1.share || ($0.share == $1.share && $0.word < $1.word) }
    }

    /// Parses a vectors file: `#` comments, a `dims N` and a `tokens N` line, then one line
    /// per word: the word, its corpus count and the base64 of its `dims` signed bytes.
    /// Cost: two passes over the bytes (about 16 instructions a byte: 65M for the embedded file).
    /// - Throws: `.badData` naming the line.
    public static func parse(_ bytes: [UInt8], source: String) throws(TillitError) -> WordVectors {
        var result: Result<WordVectors, TillitError> = .failure(.badData(path: source, reason: "no word vectors found"))
        bytes.withUnsafeBufferPointer { b in result = parse(b, source: source) }
        return try result.get()
    }

    /// `parse` over a buffer (the embedded text is read in place, without a copy).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, source: String) -> Result<WordVectors, TillitError> {
        guard let p = b.baseAddress, b.count > 0 else { return .failure(.badData(path: source, reason: "no word vectors found")) }
        let n = b.count
        var dims = 0, tokens = 0.0
        var decode = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { decode[Int(c)] = UInt8(i) }
        decode[0x3D] = 0x40   // '=' padding
        // a first pass counts the lines, so every array is allocated once
        func lineEnd(_ from: Int) -> Int {
            guard from < n, let q = memchr(p + from, 0x0A, n - from) else { return n }
            return p.distance(to: q.assumingMemoryBound(to: UInt8.self))
        }
        var lines = 0
        var scan = 0
        while scan < n { scan = lineEnd(scan) + 1; lines += 1 }
        var table = ByteTable(capacity: max(16, lines * 2))
        var weights: [Float] = [], wordBytes: [UInt8] = [], starts: [Int32] = [0]
        weights.reserveCapacity(lines); starts.reserveCapacity(lines + 1); wordBytes.reserveCapacity(lines * 12)
        func number(_ a: Int, _ e: Int) -> Int? {
            guard a < e, e - a < 19 else { return nil }
            var v = 0
            for k in a..<e { let d = Int(p[k]) &- 0x30; guard d >= 0 && d <= 9 else { return nil }; v = v * 10 + d }
            return v
        }
        var failure: TillitError? = nil
        func fail(_ line: Int, _ why: String) { failure = .badData(path: source, reason: "line \(line): \(why)") }
        /// The line at `pos`: its end (before any CR), the next line's start, and the first two
        /// tab positions (`end` where there is none); nil fields for a blank or comment line.
        func fields(_ pos: Int) -> (next: Int, tabs: (end: Int, t1: Int, t2: Int)?) {
            var end = lineEnd(pos)
            let next = end + 1
            if end > pos && p[end - 1] == 0x0D { end -= 1 }
            if end == pos || p[pos] == 0x23 { return (next, nil) }
            var t1 = pos
            while t1 < end && p[t1] != 0x09 { t1 += 1 }
            var t2 = min(t1 + 1, end)
            while t2 < end && p[t2] != 0x09 { t2 += 1 }
            return (next, (end, t1, t2))
        }
        // dims is read before the components are allocated: the header lines come first
        var line = 0, pos = 0
        while pos < n && failure == nil {
            line += 1
            let (next, tabs) = fields(pos)
            guard let (end, t1, t2) = tabs else { pos = next; continue }
            guard t1 < end else { fail(line, "expected tab-separated fields"); break }
            guard t2 == end else { break }   // the first word line
            let isDims = t1 - pos == 4 && memcmp(p + pos, "dims", 4) == 0
            let isTokens = t1 - pos == 6 && memcmp(p + pos, "tokens", 6) == 0
            guard isDims || isTokens else { fail(line, "expected word, count and vector"); break }
            guard let v = number(t1 + 1, end), v > 0, v < 100_000_000_000 else { fail(line, "'\(isDims ? "dims" : "tokens")' needs a positive whole number"); break }
            if isDims { dims = v } else { tokens = Double(v) }
            pos = next
        }
        if let f = failure { return .failure(f) }
        guard dims > 0, dims <= 4096, tokens > 0 else { return .failure(.badData(path: source, reason: "line \(line): the 'dims' and 'tokens' lines come before the words")) }
        let firstWordLine = line - 1, firstWordPos = pos
        let comps = [Int8](unsafeUninitializedCapacity: dims * lines) { out, initialized in
            decode.withUnsafeBufferPointer { dec in
                var line = firstWordLine, pos = firstWordPos
                while pos < n && failure == nil {
                    line += 1
                    let (next, tabs) = fields(pos)
                    guard let (end, t1, t2) = tabs else { pos = next; continue }
                    guard t2 < end else { fail(line, "expected word, count and vector"); return }
                    guard let freq = number(t1 + 1, t2) else { fail(line, "the count is not a whole number"); return }
                    // base64, four characters to three bytes; '=' pads the last group
                    var k = t2 + 1
                    let row = weights.count
                    let base = row * dims
                    var w = 0
                    // a field of the canonical length: its groups of three whole components
                    // decode with one validity test for all of them (no group among them can hold
                    // padding); any invalid character sends the row through the checked loop below
                    if end - k == 4 * ((dims + 2) / 3) {
                        var bad: UInt8 = 0
                        var q = k, at = base
                        for _ in 0..<(dims / 3) {
                            let a = dec[Int(p[q])], b = dec[Int(p[q + 1])], c = dec[Int(p[q + 2])], d = dec[Int(p[q + 3])]
                            bad |= a | b | c | d
                            let triple = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[at] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 16))
                            out[at + 1] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 8))
                            out[at + 2] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple))
                            q += 4; at += 3
                        }
                        if bad & 0xC0 == 0 { k = q; w = at - base }
                    }
                    while k + 4 <= end {
                        let a = dec[Int(p[k])], b = dec[Int(p[k + 1])], c = dec[Int(p[k + 2])], d = dec[Int(p[k + 3])]
                        // a group with another after it and room for three components: no
                        // padding can stand in it, so valid characters decode at once
                        if k + 8 <= end && w + 3 <= dims && (a | b | c | d) & 0xC0 == 0 {
                            let triple = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[base + w] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 16))
                            out[base + w + 1] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 8))
                            out[base + w + 2] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple))
                            w += 3
                            k += 4
                            continue
                        }
                        if (a | b | c | d) & 0x80 != 0 || (a | b) & 0x40 != 0 { fail(line, "the vector is not base64"); return }
                        let triple = UInt32(a & 0x3F) << 18 | UInt32(b & 0x3F) << 12 | UInt32(c & 0x3F) << 6 | UInt32(d & 0x3F)
                        let n = c & 0x40 != 0 ? 1 : (d & 0x40 != 0 ? 2 : 3)   // 0x40: a padding '='
                        if w + n > dims { w += n; break }
                        out[base + w] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 16))
                        if n > 1 { out[base + w + 1] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple >> 8)) }
                        if n > 2 { out[base + w + 2] = Int8(bitPattern: UInt8(truncatingIfNeeded: triple)) }
                        w += n
                        k += 4
                        if n < 3 { break }
                    }
                    if k < end && w <= dims { fail(line, "the vector is not base64"); return }
                    guard w == dims else { fail(line, "expected \(dims) components, found \(w)"); return }
                    table.set(p + pos, t1 - pos, Int32(row))
                    weights.append(Float(sifConstant / (sifConstant + Double(freq) / tokens)))
                    wordBytes.append(contentsOf: UnsafeBufferPointer(start: p + pos, count: t1 - pos)); starts.append(Int32(wordBytes.count))
                    pos = next
                }
            }
            initialized = weights.count * dims
        }
        if let f = failure { return .failure(f) }
        guard !weights.isEmpty else { return .failure(.badData(path: source, reason: "no word vectors found")) }
        return .success(WordVectors(dims: dims, table: table, components: comps, weights: weights, wordBytes: wordBytes, wordStarts: starts))
    }
}
