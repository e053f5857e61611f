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
    /// What the repair stage changed in the text, as undos that give back the text as decoded (see
    /// ``TextUndo/apply(_:to:)``); empty when it changed nothing. Repairs are judgements, and a reviewer who
    /// disagrees with one must be able to get back what the page said.
    public var undo: [TextUndo] = []
    /// The title as decoded, before the repair stage changed it.
    public var originalTitle: String?

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

    /// `undo` and `original_title` are written only when the repair stage changed something.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        declared = try container.decodeIfPresent(String.self, forKey: .declared)
        detected = try container.decodeIfPresent(String.self, forKey: .detected)
        used = try container.decode(String.self, forKey: .used)
        confidence = try container.decode(Double.self, forKey: .confidence)
        repairs = try container.decode([EncodingRepair].self, forKey: .repairs)
        undo = try container.decodeIfPresent([TextUndo].self, forKey: .undo) ?? []
        originalTitle = try container.decodeIfPresent(String.self, forKey: .originalTitle)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(declared, forKey: .declared)
        try container.encodeIfPresent(detected, forKey: .detected)
        try container.encode(used, forKey: .used)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(repairs, forKey: .repairs)
        if !undo.isEmpty { try container.encode(undo, forKey: .undo) }
        try container.encodeIfPresent(originalTitle, forKey: .originalTitle)
    }

    enum CodingKeys: String, CodingKey {
        case declared, detected, used, confidence, repairs
        case undo
        case originalTitle = "original_title"
    }
}
