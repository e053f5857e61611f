enum PlaceholderIngestHTML {}
