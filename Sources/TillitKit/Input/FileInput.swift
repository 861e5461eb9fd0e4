#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// File-system access for inputs: expanding paths to documents and reading bytes with
/// POSIX calls (no `String` paths per chunk, no Foundation `Data`).
public enum FileInput {
    /// Expands command-line paths into document paths: files as given, directories walked
    /// recursively for `*.txt` and `*.md` in sorted order, `-` kept. In directories, hidden
    /// entries and a folder's own documentation (`README.*`, `LICENSE*`, `CHANGELOG*`) are skipped.
    /// Errors (missing path, directory without text) are returned, not thrown, so the rest
    /// of the batch goes on.
    public static func expand(_ paths: [String], extensions: Set<String> = ["txt", "md"]) -> (files: [String], errors: [TillitError]) {
        var files: [String] = []
        var errors: [TillitError] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { errors.append(.inputNotFound(path: path)); continue }
            if !isDir.boolValue { files.append(path); continue }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let rel = walker.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    let ext = (name as NSString).pathExtension.lowercased()
                    guard extensions.contains(ext) else { continue }
                    let upper = name.uppercased()
                    if upper.hasPrefix("README") || upper.hasPrefix("LICENSE") || upper.hasPrefix("CHANGELOG") { continue }
                    let full = path.hasSuffix("/") ? path + rel : path + "/" + rel
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            if found.isEmpty { errors.append(.noTextFiles(path: path)) }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }

    /// Reads a whole file (or standard input for `-`) into memory.
    /// - Throws: `.inputNotFound` or `.io`.
    public static func readAll(path: String) throws(TillitError) -> [UInt8] {
        let reader = try ChunkReader(path: path, chunkSize: 1 << 20)
        var out: [UInt8] = []
        while let c = try reader.nextBlock() { out.append(contentsOf: c) }
        return out
    }
}

/// Reads a file descriptor in fixed-size blocks with `read(2)`.
public final class ChunkReader {
    let fd: Int32
    let ownsFD: Bool
    let path: String
    let chunkSize: Int

    /// Opens `path` (`-` is standard input).
    /// - Throws: `.inputNotFound`, or `.io` when the file cannot be opened or is a directory.
    public init(path: String, chunkSize: Int) throws(TillitError) {
        self.path = path
        self.chunkSize = chunkSize
        if path == "-" { fd = 0; ownsFD = false; return }
        let f = open(path, O_RDONLY)
        if f < 0 {
            let e = errno
            if e == ENOENT { throw .inputNotFound(path: path) }
            throw .io(path: path, reason: String(cString: strerror(e)))
        }
        var st = stat()
        if fstat(f, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { close(f); throw .io(path: path, reason: "is a directory") }
        fd = f
        ownsFD = true
    }

    deinit { if ownsFD { close(fd) } }

    /// The next block of at most `chunkSize` bytes, or nil at end of file.
    public func nextBlock() throws(TillitError) -> [UInt8]? {
        var buf = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        while filled < chunkSize {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, chunkSize - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        if filled == 0 { return nil }
        buf.removeLast(chunkSize - filled)
        return buf
    }
}
