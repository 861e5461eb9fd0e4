/// A growable byte buffer for building output rows: JSON numbers, decimals, escaped strings
/// and literals written through a raw pointer, so an append costs one capacity compare and
/// a store, with no uniqueness or exclusivity check (as an `[UInt8]` append has).
///
/// A value type over storage it allocates: copies share the storage, so a writer keeps one
/// row, takes it into a local variable while it builds a line and stores it back after.
/// `deallocate()` frees it once.
public struct ByteRow {
    public private(set) var base: UnsafeMutablePointer<UInt8>
    public private(set) var capacity: Int
    /// Bytes written since the last `removeAll()`.
    public private(set) var count = 0

    /// An empty row with room for `capacity` bytes (it grows as needed).
    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage; neither this row nor any copy may be used after.
    public func deallocate() { base.deallocate() }

    /// Forgets the bytes written, keeping the storage.
    @inline(__always)
    public mutating func removeAll() { count = 0 }

    /// The bytes written.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A copy of the bytes written, as an array.
    public var array: [UInt8] { Array(bytes) }

    @inline(__always)
    mutating func reserve(_ n: Int) { if count &+ n > capacity { grow(count + n) } }

    @inline(never)
    mutating func grow(_ need: Int) {
        var c = capacity
        while c < need { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    /// One byte.
    @inline(__always)
    public mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count &+= 1
    }

    /// Bytes as they are.
    @inline(__always)
    public mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        reserve(b.count)
        (base + count).update(from: p, count: b.count)
        count &+= b.count
    }

    /// Bytes as they are.
    @inline(__always)
    public mutating func append(_ b: [UInt8]) { b.withUnsafeBufferPointer { append($0) } }

    /// The UTF-8 bytes of a string as they are (no escaping).
    public mutating func append(utf8 s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// The bytes of an ASCII string literal.
    @inline(__always)
    public mutating func append(literal s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    /// A decimal integer.
    public mutating func append(decimal v: Int) {
        reserve(20)
        if v < 0 { base[count] = 0x2D; count &+= 1 }
        var m = v.magnitude
        if m < 10 { base[count] = 0x30 &+ UInt8(m); count &+= 1; return }
        var digits = 0
        var t = m
        while t > 0 { digits &+= 1; t /= 10 }
        var at = count &+ digits
        count = at
        while m > 0 { at &-= 1; base[at] = 0x30 &+ UInt8(m % 10); m /= 10 }
    }

    /// A number as `JSON.number` writes it: at most 4 decimals, no trailing zeros, integers
    /// without a point, 0 for NaN and infinity.
    public mutating func append(jsonNumber d: Double) {
        guard d.isFinite else { append(0x30); return }
        if d == d.rounded() && abs(d) < 1e15 { append(decimal: Int(d)); return }
        if abs(d) >= 1e14 { append(utf8: "\(d)"); return }   // as JSON.number writes it
        let scaled = (d * 10000).rounded()
        if scaled < 0 { append(0x2D) }
        let v = Int(abs(scaled))
        append(decimal: v / 10000)
        var frac = v % 10000
        guard frac != 0 else { return }
        var width = 4
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        reserve(5)
        base[count] = 0x2E
        var at = count &+ 1 &+ width
        count = at
        for _ in 0..<width { at &-= 1; base[at] = 0x30 &+ UInt8(frac % 10); frac /= 10 }
    }

    /// `s` as a JSON string literal, quotes included (the escapes of `JSON.string`).
    public mutating func append(jsonString s: String) {
        var s = s
        s.withUTF8 { u in
            // at most 6 bytes a byte (\u00XX) and the quotes
            reserve(u.count &* 6 &+ 2)
            var at = count
            base[at] = 0x22; at &+= 1
            for b in u {
                switch b {
                case 0x22, 0x5C: base[at] = 0x5C; base[at &+ 1] = b; at &+= 2
                case 0x0A: base[at] = 0x5C; base[at &+ 1] = 0x6E; at &+= 2
                case 0x0D: base[at] = 0x5C; base[at &+ 1] = 0x72; at &+= 2
                case 0x09: base[at] = 0x5C; base[at &+ 1] = 0x74; at &+= 2
                case 0..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    hex.withUTF8Buffer { h in
                        base[at] = 0x5C; base[at &+ 1] = 0x75; base[at &+ 2] = 0x30; base[at &+ 3] = 0x30
                        base[at &+ 4] = h[Int(b >> 4)]; base[at &+ 5] = h[Int(b & 15)]
                    }
                    at &+= 6
                default: base[at] = b; at &+= 1
                }
            }
            base[at] = 0x22; at &+= 1
            count = at
        }
    }
}
