/// How a document's bytes were interpreted when decoding.
public enum SourceEncoding: String, Sendable, Codable {
    /// Valid UTF-8 (a byte order mark, if any, was skipped).
    case utf8 = "utf-8"
    /// Not valid UTF-8; decoded as Windows-1252, a superset of Latin-1 common in Swedish archives.
    case windows1252 = "windows-1252"
    /// UTF-8 with a few bytes that are not (a stray Windows-1252 `–` or `ö` pasted into a
    /// UTF-8 file, a PDF extraction's odd byte): each such byte alone is read as Windows-1252,
    /// the rest as UTF-8 (`TextDecoder.looksWindows1252` tells the two kinds of file apart).
    case utf8WithWindows1252 = "utf-8+windows-1252"
}

extension SourceEncoding {
    /// A slice of the original document's bytes as text in this encoding (invalid UTF-8
    /// becomes U+FFFD). For output, not the hot path.
    public func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1252: return String(decoding: Windows1252.transcode(Array(bytes)).0, as: UTF8.self)
        case .utf8WithWindows1252: return Array(bytes).withUnsafeBufferPointer { Windows1252.text($0).text }
        }
    }
}
