/// Where a batch's rows are written field by field, in their table's column order: the `COPY` text
/// stream or one array per column. Each table's rows are described once (``BatchTable``), whatever
/// method then carries them.
protocol BatchRowEncoder {
    mutating func text(_ value: String)
    mutating func text(_ value: String?)
    /// A value that is already UTF-8, such as stored JSON.
    mutating func utf8(_ bytes: [UInt8])
    mutating func integer(_ value: Int)
    mutating func integer(_ value: Int?)
    mutating func real(_ value: Double)
    mutating func endRow()
}

extension CopyTextEncoder: BatchRowEncoder {}
