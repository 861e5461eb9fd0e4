/// A label model's word-vector weights folded into each word of the vectors: per word, its
/// share of each label's logit. A unit's vector block then costs four additions a word
/// instead of a 64-component mean, and the words behind a decision are read off directly.
///
/// Exact: for the weighted mean x of the unit's word vectors, the model adds
/// Σ_j w_cj (x_j − m_j) / s_j to label c's logit, which is Σ_t a_t u_c(t) / Σ_t a_t − o_c with
/// u_c(word) = Σ_j w_cj v_j / s_j and o_c = Σ_j w_cj m_j / s_j.
/// Cost: words × components table loads and 4-wide additions once (2.6M for the embedded
/// model), after a table of components × 256 products.
public struct VectorLogits: Sendable {
    /// Per word, per label (K, T, B, N): u_c(word).
    let perWord: [Double]
    /// Per label: o_c.
    let offset: [Double]
    let vectors: WordVectors

    /// Folds `model`'s vector weights into `vectors`; nil when the model reads no vectors.
    public init?(model: LabelModel) {
        guard let wv = model.wordVectors else { return nil }
        let nf = LabelFeatures.count, dims = wv.dims, k = LabelModel.classes.count
        var direction = [SIMD4<Double>](repeating: .zero, count: dims)
        var offset = [Double](repeating: 0, count: k)
        for c in 0..<k {
            for j in 0..<dims {
                let w = model.weights[c][nf + j] / model.scale[nf + j]
                direction[j][c] = w / 254
                offset[c] += w * model.mean[nf + j]
            }
        }
        // every product a component can give, per dimension and byte value (dims × 256, the
        // same products the sum would compute), so the fold is one load and one add per term
        var products = [SIMD4<Double>](repeating: .zero, count: dims * 256)
        for j in 0..<dims {
            for v in 0..<256 { products[j * 256 + v] = Double(Int8(truncatingIfNeeded: v)) * direction[j] }
        }
        var per = [Double](repeating: 0, count: wv.count * k)
        wv.components.withUnsafeBufferPointer { comp in
            products.withUnsafeBufferPointer { t in
                per.withUnsafeMutableBufferPointer { out in
                    for word in 0..<wv.count {
                        var acc = SIMD4<Double>.zero
                        let base = word * dims
                        for j in 0..<dims { acc += t[j &* 256 &+ Int(UInt8(bitPattern: comp[base + j]))] }
                        out[word * 4] = acc[0]; out[word * 4 + 1] = acc[1]; out[word * 4 + 2] = acc[2]; out[word * 4 + 3] = acc[3]
                    }
                }
            }
        }
        self.perWord = per
        self.offset = offset
        self.vectors = wv
    }

    /// The vector block's addition to each label's logit for a unit's word ids (−1 skipped);
    /// −o_c when no word is known (the mean vector is then zero).
    public func logits(_ ids: [Int32]) -> [Double] {
        var s = [0.0, 0.0, 0.0, 0.0]
        var total = 0.0
        for id in ids where id >= 0 {
            let a = Double(vectors.weights[Int(id)])
            total += a
            let b = Int(id) * 4
            s[0] += a * perWord[b]; s[1] += a * perWord[b + 1]; s[2] += a * perWord[b + 2]; s[3] += a * perWord[b + 3]
        }
        let inv = total > 0 ? 1 / total : 0
        return (0..<4).map { s[$0] * inv - offset[$0] }
    }

    /// The distinct words of `ids` with their share of label `best`'s logit over label
    /// `second`'s, largest first (equal shares by word id), at most `limit` of them.
    /// Cost: a sort of the ids, and with a small `limit` one pass that keeps the leaders (a
    /// decision names three words: sorting every word had cost 22,000 instructions a unit).
    public func contributions(_ ids: [Int32], best: Int, second: Int, limit: Int = .max) -> [(word: Int32, share: Double)] {
        var sorted = ids.filter { $0 >= 0 }
        guard !sorted.isEmpty, limit > 0 else { return [] }
        sorted.sort()
        let weights = vectors.weights
        var total = 0.0
        for id in sorted { total += Double(weights[Int(id)]) }
        func before(_ x: (word: Int32, share: Double), _ y: (word: Int32, share: Double)) -> Bool {
            x.share > y.share || (x.share == y.share && x.word < y.word)
        }
        var out: [(word: Int32, share: Double)] = []
        let keepAll = limit >= sorted.count
        if !keepAll { out.reserveCapacity(limit + 1) }
        var i = 0
        while i < sorted.count {
            let id = sorted[i]
            var n = 0
            while i < sorted.count && sorted[i] == id { n += 1; i += 1 }
            let b = Int(id) * 4
            let c = (word: id, share: Double(n) * Double(weights[Int(id)]) * (perWord[b + best] - perWord[b + second]) / total)
            if keepAll { out.append(c); continue }
            // the leaders so far, in order: insert `c` where it belongs, drop the one past `limit`
            if out.count == limit, let last = out.last, !before(c, last) { continue }
            var at = out.count
            while at > 0 && before(c, out[at - 1]) { at -= 1 }
            out.insert(c, at: at)
            if out.count > limit { out.removeLast() }
        }
        return keepAll ? out.sorted(by: before) : out
    }
}
