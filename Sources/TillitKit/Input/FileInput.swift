#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system access for inputs: expanding paths to documents and reading bytes with
/// POSIX calls (no `String` paths per chunk, no Foundation `Data`).
public enum FileInput {
    /// Expands command-line paths into document paths: files as given, directories walked
    /// recursively for `*.txt` and `*.md`, in the order of their paths' UTF-8 bytes (as `ls`
    /// sorts in the C locale), `-` kept. In directories, hidden
    /// entries and a folder's own documentation (`README.*`, `LICENSE*`, `CHANGELOG*`) are skipped.
    /// Errors (missing path, directory without text, a file or folder that cannot be read:
    /// "permission denied", "symbolic link loop") are returned, not thrown, so the rest of the
    /// batch goes on. An unreadable folder met while walking is an error too.
    public static func expand(_ paths: [String], extensions: Set<String> = ["txt", "md"]) -> (files: [String], errors: [TillitError]) {
        var files: [String] = []
        var errors: [TillitError] = []
        for path in paths {
            if path == "-" { files.append(path); continue }
            let (looked, e) = lookup(path, followLinks: true)
            guard let kind = looked else {
                errors.append(e == ENOENT || e == ENOTDIR ? .inputNotFound(path: path) : .io(path: path, reason: reason(e)))
                continue
            }
            if kind != .directory { files.append(path); continue }
            var found: [String] = []
            let before = errors.count
            walk(path.hasSuffix("/") ? String(path.dropLast()) : path, extensions: extensions.map { Array($0.utf8).map(ByteClass.asciiLower) },
                 into: &found, errors: &errors)
            if found.isEmpty && errors.count == before { errors.append(.noTextFiles(path: path)) }
            files.append(contentsOf: sortedBytewise(found))
        }
        return (files, errors)
    }

    /// `paths` in the order of their UTF-8 bytes. Cost: one copy of the bytes; each path gets
    /// the 8 bytes after the prefix all paths share as a big-endian key, so most comparisons
    /// are one integer compare (the paths of a walk share their folder's path), and only equal
    /// keys compare the bytes after them, 8 at a time.
    static func sortedBytewise(_ paths: [String]) -> [String] {
        guard paths.count > 1 else { return paths }
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(paths.count)
        for p in paths { spans.append((bytes.count, p.utf8.count)); bytes.append(contentsOf: p.utf8) }
        return bytes.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            let raw = UnsafeRawPointer(base)
            // the prefix every path shares
            var shared = spans[0].count
            for sp in spans.dropFirst() {
                var k = 0
                let n = min(shared, sp.count)
                while k < n && base[sp.start &+ k] == base[k] { k &+= 1 }
                shared = k
            }
            // bytes from `at` as a big-endian word, zeros past the path's end (a path holds no
            // NUL, so a path that ends first sorts first, as it should)
            func word(_ sp: (start: Int, count: Int), _ at: Int) -> UInt64 {
                var w: UInt64 = 0
                if at &+ 8 <= sp.count { return raw.loadUnaligned(fromByteOffset: sp.start &+ at, as: UInt64.self).bigEndian }
                var k = at
                while k < at &+ 8 { w = w << 8 | UInt64(k < sp.count ? base[sp.start &+ k] : 0); k &+= 1 }
                return w
            }
            let keys = spans.map { word($0, shared) }
            var order = Array(spans.indices)
            order.sort { i, j in
                let x = keys[i], y = keys[j]
                if x != y { return x < y }
                let a = spans[i], b = spans[j]
                var k = shared &+ 8
                while k < a.count || k < b.count {
                    let u = word(a, k), v = word(b, k)
                    if u != v { return u < v }
                    k &+= 8
                }
                return false
            }
            return order.map { paths[$0] }
        }
    }

    /// Ids for `files` relative to the folders they were found in (`--ids relative`): a file
    /// found under a folder of `roots` gets its path below that folder (`sub/a.txt`); a file
    /// named in `roots` itself, or outside them, keeps its path as given. Paths are compared
    /// as given, not resolved.
    public static func relativeIDs(_ files: [String], roots: [String]) -> [String] {
        let dirs = roots.filter { $0 != "-" && kind(of: $0, followLinks: true) == .directory }
            .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let named = Set(roots)
        return files.map { f in
            if named.contains(f) { return f }
            for d in dirs where f.hasPrefix(d + "/") { return String(f.dropFirst(d.count + 1)) }
            return f
        }
    }

    /// What a path names, for walking folders.
    public enum Kind: Sendable { case file, directory, other }

    /// The kind of `path`, or nil when it does not exist. With `followLinks` false a symbolic
    /// link is `.other`. Cost: one `stat(2)`.
    public static func kind(of path: String, followLinks: Bool) -> Kind? {
        lookup(path, followLinks: followLinks).kind
    }

    /// The kind of `path`, or nil and the `errno` of the failed `stat(2)`.
    static func lookup(_ path: String, followLinks: Bool) -> (kind: Kind?, errno: Int32) {
        var st = stat()
        guard RawPaths.withSystemPath(path, { followLinks ? stat($0, &st) : lstat($0, &st) }) == 0 else { return (nil, errno) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return (.file, 0)
        case S_IFDIR: return (.directory, 0)
        default: return (.other, 0)
        }
    }

    /// An `errno` as tillit's messages spell it: "permission denied" for EACCES and EPERM,
    /// "symbolic link loop" for ELOOP, else the system's text.
    public static func reason(_ e: Int32) -> String {
        switch e {
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "symbolic link loop"
        default: return String(cString: strerror(e))
        }
    }

    /// The size in bytes of the file at `path`, or nil when it cannot be read. Cost: one `stat(2)`.
    public static func size(of path: String) -> Int? {
        var st = stat()
        return RawPaths.withSystemPath(path, { stat($0, &st) }) == 0 ? Int(st.st_size) : nil
    }

    /// The entry names of a folder (without `.` and `..`), unsorted, or nil when it cannot be
    /// read. Cost: one `readdir(3)` pass.
    public static func entries(of directory: String) -> [String]? {
        readEntries(directory).names
    }

    /// The entry names of a folder, or nil and the `errno` of the failed `opendir(3)`.
    static func readEntries(_ directory: String) -> (names: [String]?, errno: Int32) {
        let (entries, e) = readTypedEntries(directory)
        return (entries?.map(\.name), e)
    }

    /// The entries of a folder with the kind `readdir(3)` reports (nil when the file system
    /// does not say, or for a link), or nil and the `errno` of the failed `opendir(3)`.
    /// A name that is not UTF-8 comes in its readable form with its bytes (`RawPaths`).
    static func readTypedEntries(_ directory: String) -> (entries: [(name: String, kind: Kind?, raw: [UInt8]?)]?, errno: Int32) {
        guard let dir = RawPaths.withSystemPath(directory, { opendir($0) }) else { return (nil, errno) }
        defer { closedir(dir) }
        var entries: [(name: String, kind: Kind?, raw: [UInt8]?)] = []
        while let e = readdir(dir) {
            let (name, raw) = withUnsafeBytes(of: e.pointee.d_name) { raw -> (String, [UInt8]?) in
                let bytes = UnsafeRawBufferPointer(start: raw.baseAddress, count: strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count))
                let (name, readable) = Windows1252.text(bytes.bindMemory(to: UInt8.self))
                return (name, readable ? Array(bytes) : nil)
            }
            let type = Int(e.pointee.d_type)
            let kind: Kind? = type == Int(DT_REG) ? .file : (type == Int(DT_DIR) ? .directory : nil)
            if name != "." && name != ".." { entries.append((name, kind, raw)) }
        }
        return (entries, 0)
    }

    /// Adds the documents under `dir` to `found`: hidden entries and a folder's own
    /// documentation are skipped; links to files are followed, links to folders are not
    /// (so a link cycle cannot loop). A folder that cannot be read adds an error.
    /// `extensions`: their bytes, ASCII letters lowercased.
    static func walk(_ dir: String, extensions: [[UInt8]], into found: inout [String], errors: inout [TillitError]) {
        let (read, e) = readTypedEntries(dir)
        guard let entries = read else { errors.append(.io(path: dir, reason: reason(e))); return }
        let prefix = dir + "/"
        let dirRaw = RawPaths.raw(dir)
        for (name, listed, raw) in entries where !name.hasPrefix(".") {
            var full = prefix + name
            // a name that is not UTF-8 (or a folder whose path holds one): its bytes are registered
            // (under another readable form when this one names another file)
            if raw != nil || dirRaw != nil {
                full = RawPaths.register(full, raw: (dirRaw ?? Array(dir.utf8)) + [0x2F] + (raw ?? Array(name.utf8)))
            }
            // readdir's own kind saves a stat(2) per file; links and unknown kinds are looked up
            guard let own = listed ?? kind(of: full, followLinks: false) else { continue }
            if own == .directory { walk(full, extensions: extensions, into: &found, errors: &errors); continue }
            guard isDocumentName(name, extensions: extensions) else { continue }
            // a link (or other entry) is followed once, to see whether it names a file; a link
            // that loops is reported, one that points nowhere is left out
            if own == .file { found.append(full); continue }
            let (target, e) = lookup(full, followLinks: true)
            if target == .file { found.append(full) } else if target == nil && e == ELOOP { errors.append(.io(path: full, reason: reason(e))) }
        }
    }

    /// True when a file `name` found in a folder is a document: its extension (after the last
    /// dot, ASCII letters in any case) is one of `extensions` (their bytes, lowercased), and it
    /// is not the folder's own documentation (`README*`, `LICENSE*`, `CHANGELOG*`, any case).
    /// Cost: a pass over the name's bytes.
    static func isDocumentName(_ name: String, extensions: [[UInt8]]) -> Bool {
        var name = name
        return name.withUTF8 { u in
            guard let dot = u.lastIndex(of: 0x2E) else { return false }
            let ext = UnsafeBufferPointer(rebasing: u[(dot + 1)...])
            guard extensions.contains(where: { $0.count == ext.count && startsLowercased(ext, with: $0) }) else { return false }
            return !FileInput.ownDocumentation.contains { startsLowercased(u, with: $0) }
        }
    }

    /// True when `bytes`, ASCII letters lowercased, start with `prefix`.
    static func startsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for k in prefix.indices where prefix[k] != ByteClass.asciiLower(bytes[k]) { return false }
        return true
    }

    /// The names a folder's own documentation starts with, lowercased.
    static let ownDocumentation: [[UInt8]] = ["readme", "license", "changelog"].map { Array($0.utf8) }

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
        let f = RawPaths.withSystemPath(path) { open($0, O_RDONLY) }
        if f < 0 {
            let e = errno
            if e == ENOENT { throw .inputNotFound(path: path) }
            throw .io(path: path, reason: FileInput.reason(e))
        }
        var st = stat()
        if fstat(f, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { close(f); throw .io(path: path, reason: "is a directory") }
        fd = f
        ownsFD = true
        // a small regular file gets a block its size (and one byte to see the end), not a whole chunk
        // a regular file of size 0 may still hold text (`/proc`, `/sys`, some FUSE file systems),
        // read in short pieces: it is read until `read(2)` returns 0
        regular = (st.st_mode & S_IFMT) == S_IFREG && st.st_size > 0
        if regular { expectedSize = Int(st.st_size) }
        if regular && Int(st.st_size) < chunkSize { blockSize = max(Int(st.st_size) + 1, 64) }
    }

    /// True for a regular file: there a `read(2)` that returns less than it was asked for,
    /// once the file's size at opening has been read, has reached the end, so a small file
    /// costs one read, not a second one that returns 0. A short read before that size (a
    /// network or FUSE file system may return one) reads on.
    var regular = false
    /// The file's size when it was opened (regular files only).
    var expectedSize = 0
    /// Bytes read so far.
    var consumed = 0
    /// The system call that fills a block; tests replace it to return short reads.
    var readSome: (Int32, UnsafeMutableRawPointer, Int) -> Int = { fd, buf, n in read(fd, buf, n) }

    /// Bytes allocated per block: `chunkSize`, or less for a small regular file.
    var blockSize: Int? = nil
    /// True once `read(2)` returned 0: no further call is made.
    var atEnd = false

    deinit { if ownsFD { close(fd) } }

    /// The next block of at most `chunkSize` bytes, or nil at end of file.
    public func nextBlock() throws(TillitError) -> [UInt8]? {
        // the block is read into uninitialised memory: a small file must not pay for zeroing
        // a whole chunk (10,000 files of 10 KB had spent 10% of a run in memset)
        if atEnd { return nil }
        var failure: Int32 = 0
        var ended = false
        let size = blockSize ?? chunkSize
        let before = consumed
        let buf = [UInt8](unsafeUninitializedCapacity: size) { out, filled in
            filled = 0
            while filled < size {
                let n = readSome(fd, UnsafeMutableRawPointer(out.baseAddress! + filled), size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { ended = true; return }
                filled += n
                if regular && filled < size && before + filled >= expectedSize { ended = true; return }
            }
        }
        consumed += buf.count
        // a file that grew past its size is read on in whole chunks
        if !ended { blockSize = nil }
        atEnd = ended
        if failure != 0 { throw .io(path: path, reason: String(cString: strerror(failure))) }
        return buf.isEmpty ? nil : buf
    }
}
