/// How a document's bytes were interpreted when decoding.
public enum SourceEncoding: String, Sendable, Codable {
    /// Valid UTF-8 (a byte order mark, if any, was skipped).
    case utf8 = "utf-8"
    /// Not valid UTF-8; decoded as Windows-1252, a superset of Latin-1 common in Swedish archives.
    case windows1252 = "windows-1252"
}
