/// A short content hash of a label model, shown in a report's methods so a page can be traced
/// to the model that labelled it.
///
/// The hash covers what labelling reads: every row of the model file (features, means,
/// scales, weights, word stems), in order. The comment lines (provenance notes) do not change
/// it. FNV-1a, 64 bits, as 16 hex digits, as `LexiconFingerprint`; not a cryptographic hash.
public enum LabelModelFingerprint {
    /// The fingerprint of `model`, e.g. `fnv1a64:3e0b…`. Cost: O(size of the model file).
    public static func of(_ model: LabelModel) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in model.serialized().utf8.split(separator: 0x0A) where line.first != 0x23 {   // '#'
            for b in line { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
            h ^= 0x0A; h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
