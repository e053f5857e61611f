@testable import IngestText
import Testing

/// The in-place binary search over a static word list.
@Suite struct SortedWordListTests {
    static let list = SortedWordList(lines: "aa\nab\nb\nbcd\nж\nжа\nяма")

    @Test("every line is found, first and last included", arguments: ["aa", "ab", "b", "bcd", "ж", "жа", "яма"])
    func findsEveryLine(_ word: String) {
        #expect(Self.list.contains(Array(word.utf8)))
    }

    @Test("prefixes, extensions, neighbours and the empty word are not found", arguments: ["", "a", "aaa", "abc", "bc", "bcde", "c", "жб", "я", "ямы", "\n"])
    func missesEverythingElse(_ word: String) {
        #expect(!Self.list.contains(Array(word.utf8)))
    }
}
