/// Guesses a page's encoding from its bytes when nothing trustworthy declares it.
///
/// This is the seam a statistical detector plugs into; strip only calls it when the BOM, the HTTP
/// header and the meta prescan leave the question open or are contradicted by the bytes.
public protocol CharsetDetecting: Sendable {
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - hint: the page's URL or host, whose ccTLD a detector may weigh.
    /// - Returns: a canonical WHATWG encoding name and a confidence in 0–1.
    func detect(_ bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double)

    /// A reading clearly better than the declared one, when the declaration is wrong ("meta charset
    /// lies"); nil to keep the declaration.
    func overrule(declared: String, bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double)?
}

extension CharsetDetecting {
    /// The declaration is kept unless a detector knows better.
    public func overrule(declared: String, bytes: [UInt8], hint: String?) -> (encoding: String, confidence: Double)? {
        nil
    }
}
