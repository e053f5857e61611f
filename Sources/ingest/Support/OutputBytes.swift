/// Writing a command's output straight into its byte buffer: the line-oriented commands answer thousands
/// of texts a run, and going through `String` (interpolation, a literal's `utf8` view appended byte by
/// byte) cost more than some of the answers themselves.
enum OutputBytes {
    @inline(__always)
    static func put(_ text: StaticString, into output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// A non-negative integer in decimal, as string interpolation writes it.
    static func putInteger(_ value: Int, into output: inout [UInt8]) {
        precondition(value >= 0, "only counts are written this way")
        if value >= 10 { putInteger(value / 10, into: &output) }
        output.append(0x30 + UInt8(value % 10))
    }
}
