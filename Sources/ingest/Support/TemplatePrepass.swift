import IngestCore
import IngestFetch
import IngestHTML
import Logging

/// The pre-pass of template learning: a bounded sample of each site's pages is stripped once to find
/// blocks repeated across the site, and the strip stage of the run then drops them.
///
/// The sampled pages it strips are kept in a scratch file, up to ``keptPageBudget``, and the run takes
/// them instead of parsing them again, unless the learned templates change them.
enum TemplatePrepass {
    /// Bytes of stripped pages the pre-pass may write to its scratch file (in `$TMPDIR`, else `/tmp`) for
    /// the run. Memory holds only an index of some 32 to 64 bytes a page, so the budget bounds disk, not
    /// memory: at about 4 KB a page of news text (text, title, block fingerprints and the input's checks)
    /// 1 GiB holds some 250,000 pages, more than the pre-pass samples from a million-page input of
    /// ten-page sites (at most 20 a site). Pages past it are simply stripped again; so are all pages
    /// after a failed write (a full disk, no temporary directory), which the run logs once.
    static let keptPageBudget = 1 << 30

    /// Stops sampling as soon as `stop` is requested; the run then reads nothing and reports the stop.
    /// Pages are kept for the run only when they belong to `shard`, the part of the input the run processes.
    static func prepare(
        _ pipeline: Pipeline, reader: LocalFileReader, shard: Shard? = nil, logger: Logger, stop: StopRequest? = nil
    ) async -> Pipeline {
        guard let index = pipeline.stages.firstIndex(where: { $0 is HTMLStrip }), let strip = pipeline.stages[index] as? HTMLStrip,
            strip.configuration.learnTemplates
        else { return pipeline }
        var learner = TemplateLearner()
        var kept = PrestrippedPages(budgetBytes: keptPageBudget)
        var sampled = 0
        for await item in reader {
            if stop?.isRequested == true { break }
            guard case .document(let document) = item else { continue }
            let site = SiteKey.of(url: document.source.url, raw: document.raw)
            guard learner.wants(site: site) else { continue }
            let keep = kept.hasRoom() && shard?.contains(document.id) != false
            // A page that cannot be stripped teaches nothing; the run itself reports it.
            guard
                let page = try? strip.sample(
                    document.raw, contentType: document.headers["content-type"], url: document.source.url, keepPage: keep)
            else { continue }
            learner.add(site: site, blocks: page.learnable)
            if keep { kept.keep(page, of: document, site: site) }
            sampled += 1
        }
        let templates = learner.templates
        kept.settle(with: templates)
        if let failure = kept.failure {
            logger.warning(
                "sampled pages are no longer kept for the run; it strips them again",
                metadata: ["error": "\(failure)", "pages.kept": "\(kept.count)"])
        }
        logger.info(
            "templates learned",
            metadata: [
                "pages.sampled": "\(sampled)", "sites": "\(templates.fingerprints.count)",
                "blocks": "\(templates.fingerprints.values.reduce(0) { $0 + $1.count })",
                "pages.kept": "\(kept.count)", "pages.kept.file.bytes": "\(kept.usedBytes)",
            ])
        var prepared = pipeline
        prepared.stages[index] = strip.with(templates: templates, prestripped: kept)
        return prepared
    }
}
