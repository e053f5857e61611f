/// One way a place is written: which place, in which language's form, and that form's base form when it
/// is not the place's own name in that language ("Walencji" → "Walencja").
struct PlaceName: Sendable, Equatable {
    var place: Int
    var language: String
    var base: String?
}
