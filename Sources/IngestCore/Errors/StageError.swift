/// Why a stage could not process a document. It becomes a dead letter; it never stops the run.
///
/// `Code` is a struct rather than an enum so stages in other modules can add codes without breaking
/// anyone's exhaustive `switch`.
public struct StageError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// No bytes, or nothing but whitespace.
        public static let emptyInput = Code("empty-input")
        /// Over a configured size or work limit.
        public static let tooLarge = Code("too-large")
        /// Not text at all (binary content).
        public static let notText = Code("not-text")
        /// The bytes could not be decoded in any candidate encoding.
        public static let undecodable = Code("undecodable")
        /// The parser gave up.
        public static let parseFailed = Code("parse-failed")
        /// Parsed, but nothing that could be main content was found.
        public static let noContent = Code("no-content")
        /// The input could not be read.
        public static let unreadable = Code("unreadable")
        /// The input ends before the record it holds does (a cut-off download or `.warc.gz`).
        public static let truncated = Code("truncated")
        /// A bug: an invariant did not hold.
        public static let `internal` = Code("internal")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
