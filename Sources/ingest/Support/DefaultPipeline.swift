/// `Pipelines/events.yaml`, built into the binary so `ingest run` works from any directory.
/// A test keeps the two identical.
enum DefaultPipeline {
    static let fileName = "Pipelines/events.yaml"

    static let yaml = """
        # The default pipeline: what `ingest run` does when no pipeline file is given.
        # Stages run in the order listed. Only stages this build provides can be named;
        # `ingest stages` lists them with their options, `ingest validate FILE` checks a file.
        name: events
        description: Scraped pages to clean page records.
        stages:
          - strip:
              max_input_bytes: 33554432
              max_elements: 1000000
              learn_templates: true
          - repair
          - language:
              candidates: bg,pl,uk,en,ru,mk,sr,be,cs,sk   # ru, mk, sr, be, cs, sk are decoys: answered as themselves
              min_confidence: 0.5
          - entities
          - events
        run:
          concurrency: 0            # documents in flight; 0 means one per core
          max_failure_ratio: 0.2    # above this share of dead letters the run exits 65
        output:
          sqlite: ingest.sqlite

        """
}
