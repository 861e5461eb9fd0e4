#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor. A closed reader (`| head`) is noticed, not fatal:
/// `isClosed` turns true and later writes are dropped.
public final class ByteWriter {
    let fd: Int32
    var buffer: [UInt8] = []
    /// True once the reader has gone away (EPIPE).
    public private(set) var isClosed = false
    /// Set when a write failed for another reason.
    public private(set) var failure: String? = nil

    /// Writes to `fd` (1 = stdout).
    public init(fd: Int32 = 1) {
        self.fd = fd
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

    /// Appends the bytes of an ASCII string literal (no `String` is built).
    @inline(__always)
    public func append(_ s: StaticString) { buffer.append(literal: s) }

    /// Appends the UTF-8 of `s` as it is.
    public func append(text s: String) { buffer.append(contentsOf: s.utf8) }

    /// Appends a decimal integer.
    public func append(int v: Int) { buffer.append(decimal: v) }

    /// Appends a number as `JSON.number` writes it.
    public func append(number d: Double) { buffer.append(jsonNumber: d) }

    /// Appends `s` as a JSON string literal, quotes included.
    public func append(jsonString s: String) { buffer.append(jsonString: s) }

    /// Appends bytes formatted elsewhere (for example a whole row built in a local array,
    /// which avoids a runtime exclusivity check per byte on this class's buffer).
    public func append(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Flushes when the buffer holds 64 KiB or more (call after a record's appends).
    @inline(__always)
    public func flushIfFull() {
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

/// Byte-level formatting for output rows, on a plain array (a local variable costs no
/// exclusivity checks, unlike a class's stored buffer).
extension Array where Element == UInt8 {
    /// The bytes of an ASCII string literal.
    @inline(__always)
    public mutating func append(literal s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// A decimal integer.
    public mutating func append(decimal v: Int) {
        if v < 0 { append(0x2D) }
        var m = v.magnitude
        if m < 10 { append(0x30 + UInt8(m)); return }
        let start = count
        while m > 0 { append(0x30 + UInt8(m % 10)); m /= 10 }
        self[start...].reverse()
    }

    /// A number as `JSON.number` writes it: at most 4 decimals, no trailing zeros, integers
    /// without a point, 0 for NaN and infinity.
    public mutating func append(jsonNumber d: Double) {
        guard d.isFinite else { append(0x30); return }
        if d == d.rounded() && abs(d) < 1e15 { append(decimal: Int(d)); return }
        let scaled = (d * 10000).rounded()
        if scaled < 0 { append(0x2D) }
        let v = Int(abs(scaled))
        append(decimal: v / 10000)
        var frac = v % 10000
        guard frac != 0 else { return }
        append(0x2E)
        var width = 4
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var div = 1
        for _ in 1..<width { div *= 10 }
        while div > 0 { append(0x30 + UInt8(frac / div % 10)); div /= 10 }
    }

    /// `s` as a JSON string literal, quotes included (the escapes of `JSON.string`).
    public mutating func append(jsonString s: String) {
        append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: append(0x5C); append(0x22)
            case 0x5C: append(0x5C); append(0x5C)
            case 0x0A: append(0x5C); append(0x6E)
            case 0x0D: append(0x5C); append(0x72)
            case 0x09: append(0x5C); append(0x74)
            case 0..<0x20:
                append(literal: "\\u00")
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { h in append(h[Int(b >> 4)]); append(h[Int(b & 15)]) }
            default: append(b)
            }
        }
        append(0x22)
    }
}
