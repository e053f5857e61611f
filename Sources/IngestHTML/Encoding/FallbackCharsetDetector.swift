/// The minimal detector: UTF-8 when the bytes are valid UTF-8, otherwise windows-1252, the Encoding
/// Standard's default for an unknown locale, with a low confidence that tells users the text may be wrong.
public struct FallbackCharsetDetector: CharsetDetecting {
    public init() {}

    public func detect(_ bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double) {
        switch UTF8Validation.check(bytes) {
        case .ascii: ("utf-8", 1.0)
        case .valid: ("utf-8", 0.99)
        case .invalid: ("windows-1252", 0.1)
        }
    }
}
