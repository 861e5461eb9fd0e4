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

    /// Registers `raw`, the bytes of a path, under its readable form `readable`.
    static func register(_ readable: String, raw: [UInt8]) {
        table.withLock { $0[readable] = raw }
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

    /// A directory entry's name from its bytes: the name itself when it is UTF-8, else its
    /// readable form (`Windows1252.transcodeStray`) and whether it had to be made.
    static func name(_ bytes: UnsafeRawBufferPointer) -> (name: String, readable: Bool) {
        let u = bytes.bindMemory(to: UInt8.self)
        // an ASCII name (nearly all) needs no check
        if !u.contains(where: { $0 >= 0x80 }) || TextDecoder.inspect(u, from: 0).validUTF8 { return (String(decoding: u, as: UTF8.self), false) }
        return (String(decoding: Windows1252.transcodeStray(Array(u)).bytes, as: UTF8.self), true)
    }
}

extension FileInput {
    /// A path given as bytes (a command-line argument that is not UTF-8) as a `String` that
    /// the file functions open: the bytes themselves when they are UTF-8, else their readable
    /// form (UTF-8 where they are, Windows-1252 where they are not), registered with the real
    /// bytes (`RawPaths`). Cost: one UTF-8 check.
    public static func path(bytes: [UInt8]) -> String {
        let (name, readable) = bytes.withUnsafeBytes { RawPaths.name($0) }
        if readable { RawPaths.register(name, raw: bytes) }
        return name
    }
}
