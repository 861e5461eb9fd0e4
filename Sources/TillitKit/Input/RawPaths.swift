#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// File names that are not UTF-8 (a folder copied from an old Windows share, a zip made on
/// Windows and unpacked on Linux: `f\xF6rvaltning.txt`). A `String` path cannot hold their
/// bytes, so a folder walk names such a file by its bytes read as UTF-8 where they are and
/// as Windows-1252 where they are not (`förvaltning.txt`), and registers the name here with
/// its real bytes; every system call on a path (`open`, `stat`, `opendir`) goes through
/// `withSystemPath`, so the file is read, and its row carries the readable name.
/// Cost: one lookup under a lock per call on a path; none when no such name was met.
enum RawPaths {
    /// Readable path → the path's bytes on disk.
    static let table = Mutex<[String: [UInt8]]>([:])

    /// Registers `raw`, the bytes of a path, under its readable form `readable`, and returns
    /// the form it was registered under: `readable`, or, when that names another file (a real
    /// UTF-8 `för.txt` beside a Latin-1 `f\xF6r.txt`) or is taken by other bytes, the path with
    /// each byte that is not UTF-8 written `\xHH` (`f\xF6r.txt`), so no two files share an id.
    @discardableResult
    static func register(_ readable: String, raw: [UInt8]) -> String {
        var taken = table.withLock { t in t[readable].map { $0 != raw } ?? false }
        if !taken {
            var st = stat()
            taken = readable.withCString { lstat($0, &st) } == 0
        }
        let name = taken ? escaped(raw) : readable
        table.withLock { $0[name] = raw }
        return name
    }

    /// `raw` with valid UTF-8 kept and every other byte written `\xHH`.
    static func escaped(_ raw: [UInt8]) -> String {
        raw.withUnsafeBufferPointer { p in
            var out: [UInt8] = []
            var i = 0
            let hex = Array("0123456789ABCDEF".utf8)
            while i < p.count {
                let l = TextDecoder.validSequenceLength(p, i)
                if l > 0 { out.append(contentsOf: p[i..<(i + l)]); i += l; continue }
                out += [0x5C, 0x78, hex[Int(p[i] >> 4)], hex[Int(p[i] & 15)]]
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The bytes on disk of a readable path registered by a walk, or nil.
    static func raw(_ path: String) -> [UInt8]? {
        table.withLock { $0.isEmpty ? nil : $0[path] }
    }

    /// Calls `body` with the path as the system spells it: the registered bytes, else the
    /// path's UTF-8; NUL-terminated.
    static func withSystemPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        guard let raw = raw(path) else { return path.withCString(body) }
        return (raw + [0]).withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

}

extension FileInput {
    /// A path given as bytes (a command-line argument that is not UTF-8) as a `String` that
    /// the file functions open: the bytes themselves when they are UTF-8, else their readable
    /// form (UTF-8 where they are, Windows-1252 where they are not), registered with the real
    /// bytes (`RawPaths`). Cost: one UTF-8 check.
    public static func path(bytes: [UInt8]) -> String {
        let (name, readable) = bytes.withUnsafeBufferPointer { Windows1252.text($0) }
        guard readable else { return name }
        // a folder given with trailing slashes is walked without them: registered both ways
        var trimmed = bytes, shown = name
        while trimmed.count > 1 && trimmed.last == 0x2F { trimmed.removeLast(); shown.removeLast() }
        let base = RawPaths.register(shown, raw: trimmed)
        guard trimmed.count < bytes.count else { return base }
        let slashed = base + String(repeating: "/", count: bytes.count - trimmed.count)
        RawPaths.table.withLock { $0[slashed] = bytes }
        return slashed
    }
}
