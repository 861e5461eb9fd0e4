/// Trimming of blanks around short strings (lexicon lines, table cells, flags), without
/// Foundation. Not for the hot path: it walks Unicode scalars.
extension StringProtocol {
    /// The text without leading and trailing blanks: tab and the space separators
    /// (Unicode category Zs, such as the no-break space), and with `newlines` also line
    /// breaks. The same sets as Foundation's `.whitespaces` and `.whitespacesAndNewlines`.
    /// Cost: O(length) and one `String`.
    public func trimmed(newlines: Bool = false) -> String {
        let scalars = unicodeScalars
        func blank(_ u: Unicode.Scalar) -> Bool {
            if u == "\t" || u.properties.generalCategory == .spaceSeparator { return true }
            guard newlines else { return false }
            switch u.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}
