#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing whole output files (the HTML report) with POSIX calls.
public enum FileOutput {
    /// Writes `bytes` to `path` atomically: into a temporary file beside it, then renamed
    /// over `path`, so a reader never sees half a file and a failed write leaves no debris.
    /// A path that names something other than a regular file (a device such as `/dev/stdout`
    /// or `/dev/full`, a named pipe, `/dev/fd/N` of a shell's process substitution) is written
    /// into, never replaced; a symbolic link to a file has the file it points to replaced,
    /// and stays a link.
    /// - Throws: `.io` with the system's reason when the folder is not writable or the disk is full.
    public static func write(_ bytes: [UInt8], to path: String) throws(TillitError) {
        // the path as the system spells it (a name given in bytes that are not UTF-8: `RawPaths`)
        let sys = RawPaths.raw(path) ?? Array(path.utf8)
        var st = stat()
        let exists = c(sys, { stat($0, &st) }) == 0
        if exists && (st.st_mode & S_IFMT) != S_IFREG {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, reason: "is a directory") }
            try writeInPlace(bytes, to: sys, name: path, create: false)
            return
        }
        // an existing file that may not be written is not replaced behind its mode
        if exists && c(sys, { access($0, W_OK) }) != 0 { throw .io(path: path, reason: "permission denied") }
        var target = sys
        if c(sys, { lstat($0, &st) }) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = c(sys, { realpath($0, nil) }) else {
                // a link to a file not there yet: written through, so the link's target is created
                try writeInPlace(bytes, to: sys, name: path, create: true)
                return
            }
            target = Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
            free(resolved)
        }
        let temp = target + Array(".tmp-\(getpid())".utf8)
        let fd = c(temp) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        if let reason = writeAll(bytes, fd) {
            close(fd)
            _ = c(temp) { unlink($0) }
            throw .io(path: path, reason: reason)
        }
        if close(fd) != 0 || c(temp, { t in c(target) { rename(t, $0) } }) != 0 {
            let reason = String(cString: strerror(errno))
            _ = c(temp) { unlink($0) }
            throw .io(path: path, reason: reason)
        }
    }

    /// Calls `body` with `bytes` as a NUL-terminated C path.
    static func c<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// Opens the path `sys` (its bytes) for writing without replacing it (creating what it
    /// names only with `create`), and writes `bytes` into it; errors name `name`.
    static func writeInPlace(_ bytes: [UInt8], to sys: [UInt8], name: String, create: Bool) throws(TillitError) {
        let fd = c(sys) { open($0, O_WRONLY | O_TRUNC | (create ? O_CREAT : 0), 0o644) }
        guard fd >= 0 else { throw .io(path: name, reason: String(cString: strerror(errno))) }
        let failure = writeAll(bytes, fd)
        let closed = close(fd) == 0
        if let failure { throw .io(path: name, reason: failure) }
        if !closed { throw .io(path: name, reason: String(cString: strerror(errno))) }
    }

    /// Writes all of `bytes` to `fd`, retrying interrupted writes; the system's reason when a
    /// write fails, else nil.
    static func writeAll(_ bytes: [UInt8], _ fd: Int32) -> String? {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + off, bytes.count - off) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return String(cString: strerror(n < 0 ? errno : EIO)) }
            off += n
        }
        return nil
    }
}
