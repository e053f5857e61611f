/// Chooses the encoding to decode a page with, in the Encoding Standard's order: byte order mark, then
/// the HTTP header's charset, then a `<meta>` prescan, then detection.
///
/// A declaration is evidence, not truth: when a page declares a legacy encoding but its bytes are valid
/// multi-byte UTF-8 (a common CMS misconfiguration), UTF-8 wins and the disagreement is reported.
public struct CharsetSniffer: Sendable {
    public var detector: any CharsetDetecting

    /// A charset declaration: its canonical name, where it was found, and how it read there.
    private typealias Declaration = (name: String, basis: CharsetDecision.Basis, text: String)

    public init(detector: any CharsetDetecting = StatisticalCharsetDetector()) {
        self.detector = detector
    }

    /// - Parameters:
    ///   - contentType: the HTTP `Content-Type` header, when the page came over HTTP.
    ///   - hint: the page's URL, passed on to the detector.
    public func decide(_ bytes: [UInt8], contentType: String? = nil, hint: String? = nil) -> CharsetDecision {
        let bom = byteOrderMark(bytes)
        var warnings: [String] = []
        let declaration = bom == nil ? declaration(bytes, contentType: contentType, warnings: &warnings) : nil
        // Only a declaration of UTF-8 needs the invalid bytes counted (a few stray ones are tolerated);
        // everything else asks whether the bytes are UTF-8 at all, which the first invalid byte answers.
        let verdict = UTF8Validation.check(bytes, validPerInvalid: declaration?.name == "utf-8" ? 1 : .max)
        var decision = decide(
            bytes, bom: bom, declaration: declaration, verdict: verdict, warnings: warnings, hint: hint)
        decision.bytesAreValidUTF8 = verdict == .ascii || verdict == .valid
        return decision
    }

    /// What the HTTP header, or else the meta prescan, declares; unknown labels are ignored with a warning.
    private func declaration(_ bytes: [UInt8], contentType: String?, warnings: inout [String])
        -> Declaration?
    {
        var declaration: Declaration? = nil
        if let header = contentType, let label = ContentType.charset(in: header) {
            if let name = EncodingLabel.canonicalName(for: label) {
                declaration = (name, .httpHeader, "http: \(label)")
            } else {
                warnings.append("the HTTP header names an unknown charset '\(label)'; ignored")
            }
        }
        if declaration == nil, let label = MetaCharsetPrescan.declaredLabel(in: bytes) {
            if var name = EncodingLabel.canonicalName(for: label) {
                // A meta tag cannot truthfully declare UTF-16: the prescan itself read it as ASCII.
                if name.hasPrefix("utf-16") { name = "utf-8" }
                declaration = (name, .metaTag, "meta: \(label)")
            } else {
                warnings.append("the meta tag names an unknown charset '\(label)'; ignored")
            }
        }
        return declaration
    }

    private func decide(
        _ bytes: [UInt8], bom: String?, declaration: Declaration?,
        verdict: UTF8Validation.Verdict, warnings: [String], hint: String?
    ) -> CharsetDecision {
        if let bom {
            return CharsetDecision(used: bom, basis: .byteOrderMark, declared: "bom: \(bom)", confidence: 1, warnings: [])
        }
        var warnings = warnings

        guard let declaration else {
            // Valid UTF-8 is UTF-8 whatever the detector: legacy text almost never validates, and the
            // detector would only check the bytes again.
            if verdict == .ascii || verdict == .valid {
                return CharsetDecision(
                    used: "utf-8", basis: .detection, declared: nil, detected: "utf-8",
                    confidence: verdict == .ascii ? 1 : 0.99, warnings: warnings)
            }
            let guess = detector.detect(bytes, hint: hint)
            if guess.confidence < 0.5 {
                warnings.append(
                    "no charset is declared and the bytes are not UTF-8; decoded as \(guess.encoding), which may be wrong")
            }
            return CharsetDecision(
                used: guess.encoding, basis: .detection, declared: nil, detected: guess.encoding,
                confidence: guess.confidence, warnings: warnings)
        }

        if declaration.name == "utf-8" {
            if case .invalid(let validSequences, let invalidBytes) = verdict {
                if validSequences >= invalidBytes {
                    warnings.append("declared UTF-8 has \(invalidBytes) invalid bytes, replaced with U+FFFD")
                    return CharsetDecision(
                        used: "utf-8", basis: declaration.basis, declared: declaration.text, confidence: 0.8,
                        warnings: warnings)
                }
                let guess = detector.detect(bytes, hint: hint)
                warnings.append("\(declaration.text) is declared but the bytes are not UTF-8; decoded as \(guess.encoding)")
                return CharsetDecision(
                    used: guess.encoding, basis: .detection, declared: declaration.text, detected: guess.encoding,
                    confidence: min(guess.confidence, 0.5), warnings: warnings)
            }
            return CharsetDecision(
                used: "utf-8", basis: declaration.basis, declared: declaration.text, confidence: 1, warnings: warnings)
        }

        if verdict == .valid {
            warnings.append("\(declaration.text) is declared but the bytes are valid UTF-8; decoded as utf-8")
            return CharsetDecision(
                used: "utf-8", basis: .detection, declared: declaration.text, detected: "utf-8", confidence: 0.95,
                warnings: warnings)
        }
        if verdict != .ascii, let better = detector.overrule(declared: declaration.name, bytes: bytes, hint: hint) {
            warnings.append("\(declaration.text) is declared but the bytes read as \(better.encoding); decoded as \(better.encoding)")
            return CharsetDecision(
                used: better.encoding, basis: .detection, declared: declaration.text, detected: better.encoding,
                confidence: better.confidence, warnings: warnings)
        }
        return CharsetDecision(
            used: declaration.name, basis: declaration.basis, declared: declaration.text,
            confidence: verdict == .ascii ? 1 : 0.8, warnings: warnings)
    }

    private func byteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        return nil
    }
}
