/// The tool's version, stamped into every record's `pipeline.version`.
public enum IngestVersion {
    public static let current = "0.1.0"
}
