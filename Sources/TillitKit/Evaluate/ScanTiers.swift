/// The scan tier of each document of an evaluation folder, from its `manifest.tsv` (a
/// tab-separated header naming at least `name` and `tier`, as in `ocr/riksdag-dev`:
/// tiers A300, B200, C150, D120 by scan resolution), so `tillit eval repair` can report
/// each tier apart.
public enum ScanTiers {
    /// Document name → tier, or nil when `directory` holds no readable `manifest.tsv` with
    /// those columns.
    public static func read(directory: String) -> [String: String]? {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + "manifest.tsv"
        guard let bytes = try? FileInput.readAll(path: path), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let lines = text.split(separator: "\n").map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let header = lines.first else { return nil }
        let cols = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard let cn = cols.firstIndex(of: "name"), let ct = cols.firstIndex(of: "tier") else { return nil }
        var out: [String: String] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count > max(cn, ct), !f[cn].isEmpty, !f[ct].isEmpty else { continue }
            out[String(f[cn])] = String(f[ct])
        }
        return out.isEmpty ? nil : out
    }
}
