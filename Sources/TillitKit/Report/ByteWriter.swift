#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor. A closed reader (`| head`) is noticed, not fatal:
/// `isClosed` turns true and later writes are dropped. Any other write error (a full disk,
/// `/dev/full`, a closed descriptor) is kept in `failure`, and `finish()` throws it.
public final class ByteWriter {
    let fd: Int32
    /// What the writer writes to, for messages: `<stdout>` for descriptor 1.
    public let name: String
    var buffer: [UInt8] = []
    /// True once the reader has gone away (EPIPE).
    public private(set) var isClosed = false
    /// Set when a write failed for another reason.
    public private(set) var failure: String? = nil

    /// Writes to `fd` (1 = stdout); `name` names it in errors (default `<stdout>` for 1, else `fd N`).
    public init(fd: Int32 = 1, name: String? = nil) {
        self.fd = fd
        self.name = name ?? (fd == 1 ? "<stdout>" : "fd \(fd)")
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text.
    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends bytes.
    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends bytes (a `ByteRow`'s, say).
    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out the buffer.
    public func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !isClosed, !buffer.isEmpty else { return }
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + off, buffer.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { isClosed = true } else { failure = String(cString: strerror(errno)) ; isClosed = true }
                return
            }
            off += n
        }
    }

    /// Writes out the buffer and reports a write error.
    /// - Throws: `.io` naming `name` when a write failed; not when the reader went away (EPIPE),
    ///   which ends output quietly.
    public func finish() throws(TillitError) {
        flush()
        if let f = failure { throw .io(path: name, reason: "write failed: \(f)") }
    }

    deinit { flush() }
}

@inline(__always)
func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
