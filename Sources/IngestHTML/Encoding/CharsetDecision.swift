public import IngestCore

/// The encoding strip decoded a page with, and why.
public struct CharsetDecision: Sendable, Equatable {
    public enum Basis: String, Sendable {
        case byteOrderMark = "bom"
        case httpHeader = "http"
        case metaTag = "meta"
        case detection = "detected"
    }

    /// Canonical WHATWG name of the encoding used.
    public var used: String
    public var basis: Basis
    /// The declaration found, as `source: label`, whether or not it was followed.
    public var declared: String?
    /// What detection said, when it ran.
    public var detected: String?
    public var confidence: Double
    /// Disagreements a user should know about.
    public var warnings: [String]
    /// Whether the bytes were found to be valid UTF-8, so decoding need not check them again.
    var bytesAreValidUTF8 = false

    public var encodingInfo: EncodingInfo {
        EncodingInfo(declared: declared, detected: detected, used: used, confidence: confidence)
    }
}
