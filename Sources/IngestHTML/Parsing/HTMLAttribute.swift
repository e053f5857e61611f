/// An attribute strip reads, with its value's bytes in the tree's byte store (an attribute without a
/// value has an empty one).
struct HTMLAttribute {
    var name: AttributeName
    var start: Int32
    var count: Int32
}
