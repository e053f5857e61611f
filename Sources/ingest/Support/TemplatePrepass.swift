import IngestCore
import IngestFetch
import IngestHTML
import Logging

/// The pre-pass of template learning: a bounded sample of each site's pages is stripped once to find
/// blocks repeated across the site, and the strip stage of the run then drops them.
enum TemplatePrepass {
    /// Stops sampling as soon as `stop` is requested; the run then reads nothing and reports the stop.
    static func prepare(_ pipeline: Pipeline, reader: LocalFileReader, logger: Logger, stop: StopRequest? = nil) async -> Pipeline {
        guard let index = pipeline.stages.firstIndex(where: { $0 is HTMLStrip }), let strip = pipeline.stages[index] as? HTMLStrip,
            strip.configuration.learnTemplates
        else { return pipeline }
        var learner = TemplateLearner()
        var sampled = 0
        for await item in reader {
            if stop?.isRequested == true { break }
            guard case .document(let document) = item else { continue }
            let site = SiteKey.of(url: document.source.url, raw: document.raw)
            guard learner.wants(site: site) else { continue }
            // A page that cannot be stripped teaches nothing; the run itself reports it.
            guard let blocks = try? strip.blockFingerprints(document.raw, url: document.source.url) else { continue }
            learner.add(site: site, blocks: blocks)
            sampled += 1
        }
        let templates = learner.templates
        logger.info(
            "templates learned",
            metadata: [
                "pages.sampled": "\(sampled)", "sites": "\(templates.fingerprints.count)",
                "blocks": "\(templates.fingerprints.values.reduce(0) { $0 + $1.count })",
            ])
        var prepared = pipeline
        prepared.stages[index] = strip.with(templates: templates)
        return prepared
    }
}
