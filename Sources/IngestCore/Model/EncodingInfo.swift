/// How the raw bytes became text: what the page declared, what was detected, what was used, and every
/// repair made afterwards, so a reviewer can reproduce the original bytes' reading.
public struct EncodingInfo: Sendable, Codable, Equatable {
    /// The declaration that was honoured or considered, with where it came from, e.g. `meta: iso-8859-1`.
    public var declared: String?
    /// What byte-level detection concluded, when it ran.
    public var detected: String?
    /// The WHATWG label of the encoding the text was decoded with.
    public var used: String
    /// 0–1: how sure the choice of `used` is.
    public var confidence: Double
    public var repairs: [EncodingRepair]

    public init(
        declared: String? = nil, detected: String? = nil, used: String, confidence: Double,
        repairs: [EncodingRepair] = []
    ) {
        self.declared = declared
        self.detected = detected
        self.used = used
        self.confidence = confidence
        self.repairs = repairs
    }
}
