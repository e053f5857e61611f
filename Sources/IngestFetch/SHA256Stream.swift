import IngestCore

/// A SHA-256 chain over text added piece by piece, so digesting a listing of millions of files holds at
/// most one 64 KB block of it: each full block is hashed together with the digest so far.
struct SHA256Stream {
    private var digest = ""
    private var block: [UInt8] = []

    mutating func add(_ text: String) {
        block.append(contentsOf: text.utf8)
        if block.count >= 64 << 10 { fold() }
    }

    mutating func finish() -> String {
        fold()
        return digest
    }

    private mutating func fold() {
        digest = SHA256Hex.digest(Array(digest.utf8) + block)
        block.removeAll(keepingCapacity: true)
    }
}
