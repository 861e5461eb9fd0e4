/// How a document's bytes were interpreted when decoding.
public enum SourceEncoding: String, Sendable, Codable {
    /// Valid UTF-8 (a byte order mark, if any, was skipped).
    case utf8 = "utf-8"
    /// Not valid UTF-8; decoded as Windows-1252, a superset of Latin-1 common in Swedish archives.
    case windows1252 = "windows-1252"
}

extension SourceEncoding {
    /// A slice of the original document's bytes as text in this encoding (invalid UTF-8
    /// becomes U+FFFD). For output, not the hot path.
    public func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        self == .windows1252 ? String(decoding: Windows1252.transcode(Array(bytes)).0, as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }
}
