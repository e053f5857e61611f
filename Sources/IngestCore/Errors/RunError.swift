/// A failure of the run as a whole (not of one document): it stops the run and maps to an exit status.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public static let missingInput = Code("missing-input")
        public static let cannotCreateOutput = Code("cannot-create-output")
        public static let writeFailed = Code("write-failed")
        public static let invalidConfiguration = Code("invalid-configuration")
        public static let unavailable = Code("unavailable")
        /// A resource went away mid-run and did not come back in time; a rerun will pick up.
        public static let temporaryFailure = Code("temporary-failure")
        public static let `internal` = Code("internal")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The sysexits-style status the CLI exits with for this error.
    public var exitStatus: ExitStatus {
        switch code {
        case .missingInput: .noInput
        case .cannotCreateOutput: .cannotCreate
        case .writeFailed: .ioError
        case .invalidConfiguration: .config
        case .unavailable: .unavailable
        case .temporaryFailure: .tempFail
        default: .software
        }
    }
}
