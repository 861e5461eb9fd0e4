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
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, reason: "is a directory") }
            try writeInPlace(bytes, to: path)
            return
        }
        var target = path
        if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        let temp = target + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        if let reason = writeAll(bytes, fd) {
            close(fd)
            unlink(temp)
            throw .io(path: path, reason: reason)
        }
        if close(fd) != 0 || rename(temp, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw .io(path: path, reason: reason)
        }
    }

    /// Opens `path` for writing without creating or replacing it, and writes `bytes` into it.
    static func writeInPlace(_ bytes: [UInt8], to path: String) throws(TillitError) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        let failure = writeAll(bytes, fd)
        let closed = close(fd) == 0
        if let failure { throw .io(path: path, reason: failure) }
        if !closed { throw .io(path: path, reason: String(cString: strerror(errno))) }
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
