/// A short content hash of a lexicon, written with `--provenance` into every output row
/// (`lexicon_hash`), so a table can be traced to the lexicon that made it.
///
/// The hash covers what scoring reads from every entry, in order: pattern, dimensions, pole,
/// weight, exclusions and whether it is a name. Comments, notes, blank lines and line ends
/// (LF or CRLF) do not change it. FNV-1a, 64 bits, as 16 hex digits; not a cryptographic hash.
public enum LexiconFingerprint {
    /// The fingerprint of `lexicon`, e.g. `fnv1a64:9c1f…`. Cost: O(size of the entries).
    public static func of(_ lexicon: GovernanceLexicon) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String) {
            for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
            h ^= 0x1F; h = h &* 0x0000_0100_0000_01B3   // field separator
        }
        for e in lexicon.entries {
            add(e.pattern)
            add(e.dimensions.map(\.key).joined(separator: ","))
            add(e.isName ? "N" : e.pole.rawValue)
            add("\(e.weight)")
            add(e.exclusions.map { "\($0)" }.joined(separator: " "))
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
