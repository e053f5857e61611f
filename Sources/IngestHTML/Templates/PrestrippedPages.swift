public import IngestCore

/// Pages the template pre-pass already stripped, kept so the run does not parse them a second time.
///
/// The pages are kept on disk, not in memory: each goes, with its block fingerprints and what identifies
/// its input, to an unnamed ``SpillFile``, and memory holds only where each record lies. That index is a
/// dictionary from an 8-byte hash of the page id to an offset and a length (16 bytes), 24 bytes a slot
/// in a table kept between 3/8 and 3/4 full: 32 to 64 bytes a kept page, about 1 MB for the 20,000 pages a
/// 100,000-page input samples. So memory stays flat however many pages are kept, and the disk the file
/// takes is bounded by a byte budget; pages past it, or past a failed write, are stripped again as usual.
///
/// Whether a learned template touches a kept page is decided when the run reads the page back, from the
/// fingerprints in its record: such a page is stripped again with the templates, so records are the same
/// as without keeping. So is a page whose input changed since the pre-pass (other bytes, URL or content
/// type under the same id) and a record that does not read back whole. Once settled the value is only
/// read, from any number of workers at once, like ``SiteTemplates``.
public struct PrestrippedPages: Sendable {
    struct Location: Sendable {
        var offset: Int
        var length: UInt32
    }

    /// The most bytes the spill file may take.
    public let budgetBytes: Int
    /// Where the spill file is made; nil for `$TMPDIR`, else `/tmp`.
    public let directory: String?
    /// Why pages stopped being kept, when a file could not be made or written; nil while all is well.
    public private(set) var failure: String?
    private var file: SpillFile?
    private var index: [UInt64: Location] = [:]
    private var templates = SiteTemplates.none

    public init(budgetBytes: Int, directory: String? = nil) {
        self.budgetBytes = budgetBytes
        self.directory = directory
    }

    /// Keeps pages in `file` rather than a file of its own making.
    init(budgetBytes: Int, file: SpillFile) {
        self.init(budgetBytes: budgetBytes)
        self.file = file
    }

    public static let none = PrestrippedPages(budgetBytes: 0)

    /// Pages kept, including any a template touches, which the run will strip again.
    public var count: Int { index.count }

    /// Bytes of kept pages on disk.
    public var usedBytes: Int { file?.size ?? 0 }

    /// Whether another page may still be kept; checked before the pre-pass builds a page, so no work is
    /// spent on one that could not be.
    public func hasRoom() -> Bool {
        failure == nil && usedBytes < budgetBytes
    }

    /// Writes the stripped page of `document` to the spill file if it fits the budget. A page whose id is
    /// already kept (the same input listed twice, or an id hash shared by another page) is not kept again.
    public mutating func keep(_ sampled: SampledPage, of document: Document, site: String) {
        guard let page = sampled.page, hasRoom() else { return }
        let key = Self.key(document.id)
        guard index[key] == nil else { return }
        let record = KeptPageRecord.encode(page, blocks: sampled.blocks, of: document, site: site)
        guard usedBytes + record.count <= budgetBytes, record.count <= UInt32.max else { return }
        do throws(SpillFile.Failure) {
            let file: SpillFile
            if let existing = self.file {
                file = existing
            } else {
                file = try SpillFile(directory: directory)
            }
            self.file = file
            index[key] = Location(offset: try file.append(record), length: UInt32(record.count))
        } catch {
            failure = error.message
        }
    }

    /// Takes the learned templates, against which each kept page is checked as the run reads it back.
    public mutating func settle(with templates: SiteTemplates) {
        self.templates = templates
    }

    /// The kept page for `document`, when it was read from the same bytes under the same URL and content
    /// type and none of its site's template blocks is on it.
    public func page(for document: Document) -> StrippedPage? {
        guard case .page(let page) = reading(for: document) else { return nil }
        return page
    }

    func reading(for document: Document) -> KeptPageRecord.Reading? {
        guard let file, let location = index[Self.key(document.id)] else { return nil }
        guard let bytes = file.read(at: location.offset, count: Int(location.length)) else { return .unreadable }
        return KeptPageRecord.decode(bytes, for: document, templates: templates)
    }

    /// Page ids are hashes already; the record holds the whole id, so a shared key only costs a page kept.
    private static func key(_ id: PageID) -> UInt64 {
        SiteTemplates.fingerprint(id.rawValue.utf8)
    }
}
