/// The position of a document inside a WARC file, enough to read the raw record again.
public struct WARCLocation: Sendable, Codable, Equatable {
    public var file: String
    public var offset: Int

    public init(file: String, offset: Int) {
        self.file = file
        self.offset = offset
    }
}
