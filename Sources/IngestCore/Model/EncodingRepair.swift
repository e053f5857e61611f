/// One kind of mojibake undone in the text: the chain of misreadings and how many spans it touched.
public struct EncodingRepair: Sendable, Codable, Equatable {
    /// E.g. `utf-8 read as windows-874`.
    public var chain: String
    public var spans: Int

    public init(chain: String, spans: Int) {
        self.chain = chain
        self.spans = spans
    }
}
