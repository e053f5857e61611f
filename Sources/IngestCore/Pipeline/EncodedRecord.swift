import Foundation

/// A page record together with its canonical JSON, encoded once in the worker that built it so sinks
/// do not each encode it again on the runner's single writing task.
public struct EncodedRecord: Sendable {
    public var record: PageRecord
    /// Sorted-keys JSON, no trailing newline.
    public var json: [UInt8]

    public init(record: PageRecord) throws {
        self.record = record
        self.json = Array(try RecordJSON.encoder.encode(record))
    }
}
