import IngestCore
import IngestFetch
import IngestHTML
import Logging

/// The pre-pass of template learning: a bounded sample of each site's pages is stripped once to find
/// blocks repeated across the site, and the strip stage of the run then drops them.
///
/// The sampled pages it strips are kept, up to ``keptPageBudget``, and the run takes them instead of
/// parsing them again, unless the learned templates change them.
enum TemplatePrepass {
    /// Bytes of stripped pages kept from the pre-pass for the run. Fixed, so memory stays flat however
    /// large the input; pages past it are simply stripped again. At about 4 KB a page of news text (text,
    /// title and block fingerprints) it holds some 12,000 pages, the first of the input, which the run reaches first.
    static let keptPageBudget = 48 << 20

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
        logger.info(
            "templates learned",
            metadata: [
                "pages.sampled": "\(sampled)", "sites": "\(templates.fingerprints.count)",
                "blocks": "\(templates.fingerprints.values.reduce(0) { $0 + $1.count })",
                "pages.kept": "\(kept.count)", "pages.kept.bytes": "\(kept.usedBytes)",
            ])
        var prepared = pipeline
        prepared.stages[index] = strip.with(templates: templates, prestripped: kept)
        return prepared
    }
}
