/// Why the language model could not be loaded: the build is broken or the model file was damaged, and
/// the message says which, so nobody mistakes it for a property of the page.
public struct LanguageModelError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
