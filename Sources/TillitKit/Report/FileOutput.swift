#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing whole output files (the HTML report) with POSIX calls.
public enum FileOutput {
    /// Writes `bytes` to `path` atomically: into a temporary file beside it, then renamed
    /// over `path`, so a reader never sees half a file and a failed write leaves no debris.
    /// - Throws: `.io` with the system's reason when the folder is not writable or the disk is full.
    public static func write(_ bytes: [UInt8], to path: String) throws(TillitError) {
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + off, bytes.count - off) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temp)
                throw .io(path: path, reason: reason)
            }
            off += n
        }
        if close(fd) != 0 || rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw .io(path: path, reason: reason)
        }
    }
}
