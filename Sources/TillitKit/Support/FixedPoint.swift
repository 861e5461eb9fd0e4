#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers with a fixed count of decimals for human-readable output (tables, progress
/// lines, HTML), as C's `printf("%.Nf")` writes them: same rounding, `-0.0` kept, `nan` and
/// `inf` spelled out. Cost: one C call and one `String`; not for the hot path.
public enum FixedPoint {
    /// `d` with `decimals` digits after the point (0–9), e.g. `string(2.25, decimals: 1)` is "2.2".
    public static func string(_ d: Double, decimals: Int) -> String {
        let n = min(max(decimals, 0), 9)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buf in
            let written = withVaList([Int32(n), d]) { args in
                "%.*f".withCString { vsnprintf(buf.baseAddress!, buf.count, $0, args) }
            }
            let len = min(Int(max(written, 0)), buf.count - 1)
            return String(decoding: UnsafeRawBufferPointer(start: buf.baseAddress!, count: len), as: UTF8.self)
        }
    }
}
