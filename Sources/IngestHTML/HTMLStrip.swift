import Glibc
public import IngestCore

/// The strip stage: bytes in, main text and page metadata out.
///
/// It chooses the encoding (``CharsetSniffer``), decodes to UTF-8, parses with libxml2 and walks the tree
/// once, dropping furniture and keeping the main content. Work per page is bounded by an input-size cap
/// and an element cap, since a C parse cannot be cancelled midway.
public struct HTMLStrip: Stage {
    public static let name = "strip"

    public struct Configuration: Sendable, Equatable {
        /// Larger pages become `too-large` dead letters without being parsed.
        public var maxInputBytes: Int
        /// Pages with more elements become `too-large` dead letters.
        public var maxElements: Int
        /// Whether a run learns each site's template blocks in a pre-pass (see ``TemplateLearner``).
        public var learnTemplates: Bool

        public init(maxInputBytes: Int = 32 << 20, maxElements: Int = 1_000_000, learnTemplates: Bool = true) {
            self.maxInputBytes = maxInputBytes
            self.maxElements = maxElements
            self.learnTemplates = learnTemplates
        }
    }

    public var configuration: Configuration
    public var sniffer: CharsetSniffer
    /// Blocks known to repeat across each site's pages in this batch; they never reach the text.
    public var templates: SiteTemplates
    /// Pages the pre-pass already stripped, which the templates leave as they are.
    public var prestripped: PrestrippedPages

    public init(
        configuration: Configuration = Configuration(), sniffer: CharsetSniffer = CharsetSniffer(),
        templates: SiteTemplates = .none, prestripped: PrestrippedPages = .none
    ) {
        self.configuration = configuration
        self.sniffer = sniffer
        self.templates = templates
        self.prestripped = prestripped
    }

    /// The same stage, with the templates a pre-pass learned and the pages it kept.
    public func with(templates: SiteTemplates, prestripped: PrestrippedPages = .none) -> HTMLStrip {
        var copy = self
        copy.templates = templates
        copy.prestripped = prestripped
        return copy
    }

    public func process(_ document: inout Document, context: StageContext) throws(StageError) -> StageDecision {
        let page: StrippedPage
        if let kept = prestripped.page(for: document) {
            page = kept
        } else {
            page = try strip(document.raw, contentType: document.headers["content-type"], url: document.source.url)
        }
        document.encoding = page.charset.encodingInfo
        for warning in page.charset.warnings {
            document.warn(Self.name, code: "charset", warning)
        }
        document.text = page.text
        document.title = page.title
        document.published = page.published
        document.modified = page.modified
        document.author = page.author
        document.siteName = page.siteName
        document.structuredEvents = page.structuredEvents
        if page.text.isEmpty {
            document.warn(Self.name, code: "no-main-text", "no main text was found; the record has only a title")
        }
        return .keep
    }

    /// Strips one page.
    ///
    /// - Throws: `empty-input`, `too-large`, `not-text`, `undecodable`, `parse-failed` or `no-content`.
    public func strip(_ raw: [UInt8], contentType: String? = nil, url: String? = nil) throws(StageError) -> StrippedPage {
        var (charset, walk) = try parse(raw, contentType: contentType, url: url)
        if !templates.isEmpty, let site = templates.blocks(ofSite: SiteKey.of(url: url ?? "", raw: raw)) {
            for index in walk.blocks.indices where site.contains(SiteTemplates.fingerprint(walk.blocks[index].text)) {
                walk.blocks[index].isTemplate = true
            }
        }
        return try page(from: walk, charset: charset)
    }

    /// Strips a page once for the template pre-pass: the fingerprints it learns from, and the page as
    /// ``strip(_:contentType:url:)`` without templates gives it when `keepPage` is set.
    ///
    /// Learning reads each page's blocks without its HTTP content type; the page the run keeps is decoded
    /// with it. Where both choose the same encoding (nearly always) one parse serves both.
    public func sample(_ raw: [UInt8], contentType: String? = nil, url: String? = nil, keepPage: Bool) throws(StageError)
        -> SampledPage
    {
        try checkSize(raw)
        let learning = sniffer.decide(raw, contentType: nil, hint: url)
        let walk = try parse(raw, charset: learning, url: url)
        var sampled = SampledPage(learnable: [], blocks: [], page: nil)
        for block in walk.blocks {
            let fingerprint = SiteTemplates.fingerprint(block.text)
            sampled.blocks.insert(fingerprint)
            if block.text.count <= 1000 { sampled.learnable.insert(fingerprint) }
        }
        guard keepPage else { return sampled }
        let charset = contentType == nil ? learning : sniffer.decide(raw, contentType: contentType, hint: url)
        guard charset.used == learning.used else { return sampled }
        sampled.page = try? page(from: walk, charset: charset)
        return sampled
    }

    private func checkSize(_ raw: [UInt8]) throws(StageError) {
        guard !raw.isEmpty else { throw StageError(.emptyInput, "the input is empty (0 bytes)") }
        guard raw.count <= configuration.maxInputBytes else {
            throw StageError(
                .tooLarge, "the input is \(raw.count) bytes, over the max_input_bytes limit of \(configuration.maxInputBytes)")
        }
    }

    private func parse(_ raw: [UInt8], contentType: String?, url: String?) throws(StageError) -> (CharsetDecision, PageWalk) {
        try checkSize(raw)
        let charset = sniffer.decide(raw, contentType: contentType, hint: url)
        return (charset, try parse(raw, charset: charset, url: url))
    }

    private func parse(_ raw: [UInt8], charset: CharsetDecision, url: String?) throws(StageError) -> PageWalk {
        if !charset.used.hasPrefix("utf-16"), let reason = BinaryContent.reason(raw) {
            throw StageError(.notText, reason)
        }
        guard var utf8 = TextDecoder.utf8(from: raw, encoding: charset.used, knownValid: charset.bytesAreValidUTF8) else {
            throw StageError(.undecodable, "no decoder for the encoding \(charset.used)")
        }
        // A stray NUL that `BinaryContent` let through is dropped, as a browser drops it from a page's text:
        // libxml2 would read it as a space and split the word it sits in.
        if utf8.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
            utf8.removeAll { $0 == 0 }
        }
        guard utf8.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C) }) else {
            throw StageError(.emptyInput, "the input is only whitespace (\(raw.count) bytes)")
        }
        let markup = UnreadAttributeFilter.filter(MarkupPrefilter.filter(utf8))
        return try HTMLDocument(utf8: markup, url: url).walk(maxElements: configuration.maxElements)
    }

    private func page(from walk: PageWalk, charset: CharsetDecision) throws(StageError) -> StrippedPage {
        var selected = MainContentSelector.select(walk)
        let firstHeading = walk.blocks.first { $0.kind == .heading(level: 1) }.map { String(decoding: $0.text, as: UTF8.self) }
        let title = MetadataReader.title(walk.metadata, firstHeading: firstHeading)
        // The headline is the record's `title`; repeating it at the top of `text` would only duplicate it.
        if let first = selected.first, let title, walk.blocks[first].kind == .heading(level: 1),
            String(decoding: walk.blocks[first].text, as: UTF8.self) == title
        {
            selected.removeFirst()
        }
        let text = TextAssembler.text(of: walk.blocks, selected: selected)
        guard !text.isEmpty || title != nil else {
            throw StageError(.noContent, "the page parsed to \(walk.elementCount) elements but has no text or title")
        }
        let owners = Set(selected.map { walk.blocks[$0].owner })
        let jsonLD = MetadataReader.jsonLDObjects(walk.metadata.jsonLD)
        let structured = JSONLDReader(objects: jsonLD)
        return StrippedPage(
            charset: charset, title: title, text: text,
            published: MetadataReader.published(walk.metadata, jsonLD: jsonLD, inContent: { owners.contains($0) }),
            modified: MetadataReader.modified(walk.metadata, jsonLD: jsonLD),
            author: structured.author ?? MetadataReader.author(walk.metadata),
            siteName: MetadataReader.clean(walk.metadata.metas["og:site_name"]) ?? structured.siteName
                ?? MetadataReader.clean(walk.metadata.metas["application-name"]),
            structuredEvents: structured.events, elementCount: walk.elementCount)
    }
}
