/// What became of one document, returned by the worker task to the runner's single writing loop.
enum Outcome: Sendable {
    case record(EncodedRecord, trail: [TrailEntry])
    case failed(DeadLetter, trail: [TrailEntry])
    case skipped(stage: String, reason: String, trail: [TrailEntry])

    var trail: [TrailEntry] {
        switch self {
        case .record(_, let trail), .failed(_, let trail), .skipped(_, _, let trail): trail
        }
    }
}
