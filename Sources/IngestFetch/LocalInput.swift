/// One `--input` argument for local files.
public enum LocalInput: Sendable, Equatable {
    /// A file, or a directory read recursively.
    case path(String)
    /// A file listing one path per line; `-` reads the list from standard input.
    case list(String)
}
