import TillitKit

/// `tillit tokens`: a debug view of segments, sentences and tokens with byte offsets.
enum TokensCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "sentences", value: nil, help: "also list sentence ranges"),
        CLI.paragraphsSpec,
    ] + CLI.inputSpecs

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "tokens", synopsis: "[--sentences] [--paragraphs MODE] [--input jsonl|csv|tsv] PATH... | -", specs: specs) else { return 0 }
        let paragraphs = try CLI.paragraphs(a)
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "tokens")
        let out = ByteWriter()
        return try CLI.eachDocument(files, a, earlierFailures: inputErrors, out: out, order: a.positionals) { (path: String, bytes: [UInt8], meta: [(String, String)]) throws(TillitError) in
            let decoded = try TextDecoder.decode(bytes, name: path)
            out.write("# \(path) (\(decoded.encoding.rawValue), \(decoded.bytes.count) bytes)\(meta.map { " \($0.0)=\(JSON.string($0.1))" }.joined())\n")
            let b = decoded.bytes
            b.withUnsafeBufferPointer { p in
                for (si, seg) in Segmenter.segments(p, range: 0..<p.count, paragraphs: paragraphs).enumerated() {
                    if out.isClosed { break }   // the reader went away (`tokens … | head`): stop within the document
                    out.write("segment \(si) \(seg.kind.rawValue) @\(decoded.originalOffset(seg.range.lowerBound))+\(seg.range.count)\n")
                    if a.has("sentences") {
                        for s in Segmenter.sentences(p, in: seg.range) {
                            out.write("  sentence @\(decoded.originalOffset(s.lowerBound)) \(JSON.string(String(decoding: UnsafeBufferPointer(rebasing: p[s]), as: UTF8.self)))\n")
                        }
                    }
                    var toks: [Token] = []
                    Tokenizer.tokenize(p, range: seg.range, into: &toks)
                    HyphenJoiner.join(p, &toks)
                    for t in toks {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: p[t.range]), as: UTF8.self)
                        out.write("  \(decoded.originalOffset(Int(t.start)))\t\(t.length)\t\(t.kind.name)\(t.joined ? "+joined" : "")\t\(JSON.string(text))\n")
                    }
                }
            }
        }
    }
}
