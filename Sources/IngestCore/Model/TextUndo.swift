/// One change the repair stage made, stated so it can be taken back: the range of the final text (in
/// Unicode scalars, as entity spans are) and what stood there before. Applying a record's undos from the
/// last to the first gives back the text as decoded.
public struct TextUndo: Sendable, Codable, Equatable {
    public var start: Int
    public var end: Int
    public var original: String

    public init(start: Int, end: Int, original: String) {
        self.start = start
        self.end = end
        self.original = original
    }

    /// The text before the changes, from the text after them.
    public static func apply(_ undos: [TextUndo], to text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for undo in undos.sorted(by: { $0.start > $1.start }) {
            scalars.replaceSubrange(undo.start..<undo.end, with: Array(undo.original.unicodeScalars))
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
