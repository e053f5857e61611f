/// The stages this build knows, by name, in the order the product chains them.
public struct StageRegistry: Sendable {
    public let descriptors: [StageDescriptor]

    public init(_ descriptors: [StageDescriptor]) {
        self.descriptors = descriptors
    }

    public func descriptor(named name: String) -> StageDescriptor? {
        descriptors.first { $0.name == name }
    }

    public var names: [String] { descriptors.map(\.name) }
}
