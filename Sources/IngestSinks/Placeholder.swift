enum PlaceholderIngestSinks {}
