/// A half-open range of `text`, counted in Unicode scalars so that every consumer, in any language,
/// slices the same characters.
public struct TextSpan: Sendable, Codable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span ends before it starts")
        self.start = start
        self.end = end
    }
}
