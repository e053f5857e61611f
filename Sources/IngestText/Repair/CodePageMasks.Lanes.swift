extension CodePageMasks {
    /// One character's masks packed four to a 64-bit word, one 16-bit lane each, so that
    /// ``CodePageMasks/candidates(_:_:)`` moves every page's state on by a few operations on whole words
    /// per character. With the masks one by one, that loop was about a tenth of all the work of repairing
    /// a set of mojibake, most of it loading nine masks and combining them one at a time.
    ///
    /// The lanes are laid out so that shifting a state word down one lane lines each page's state up
    /// with the mask that moves it on: the pages needing two more continuation bytes become those needing
    /// one where the character is a continuation byte.
    struct Lanes: Sendable, Equatable {
        /// `encodes`, `quoteLead`, `quoteSecond` and `continuation`, lanes 0 to 3.
        var marks: UInt64
        /// `lead2`, `lead3`, `lead4` and `wholeContinuation`, lanes 0 to 3.
        var leads: UInt64
        /// `standalone`, `lead2`, `lead3` and `lead4`, lanes 0 to 3: where a page whose bytes so far are whole
        /// sequences goes with this character.
        var fromWhole: UInt64

        /// A 16-bit mask times this is the mask in every lane.
        static let everyLane: UInt64 = 0x0001_0001_0001_0001
        static let lowLane: UInt64 = 0xFFFF
        static let lowThreeLanes: UInt64 = 0xFFFF_FFFF_FFFF

        init(_ entry: Entry) {
            marks = Self.pack(entry.encodes, entry.quoteLead, entry.quoteSecond, entry.continuation)
            leads = Self.pack(entry.lead2, entry.lead3, entry.lead4, entry.wholeContinuation)
            fromWhole = Self.pack(entry.standalone, entry.lead2, entry.lead3, entry.lead4)
        }

        /// Adds what `byte` makes of the character in the page of `bit`, as ``CodePageMasks/add(_:as:to:)``
        /// does to unpacked masks: packing is one lane per mask, so the packed masks of one byte OR into
        /// those already there.
        mutating func add(_ byte: UInt8, as bit: Pages) {
            var entry = Entry(encodes: 0)
            CodePageMasks.add(byte, as: bit, to: &entry)
            let packed = Lanes(entry)
            marks |= packed.marks
            leads |= packed.leads
            fromWhole |= packed.fromWhole
        }

        /// The masks unpacked.
        var entry: Entry {
            Entry(
                encodes: Self.lane(0, of: marks), lead2: Self.lane(0, of: leads), lead3: Self.lane(1, of: leads),
                lead4: Self.lane(2, of: leads), continuation: Self.lane(3, of: marks), quoteLead: Self.lane(1, of: marks),
                quoteSecond: Self.lane(2, of: marks), standalone: Self.lane(0, of: fromWhole),
                wholeContinuation: Self.lane(3, of: leads))
        }

        private static func pack(_ lane0: Pages, _ lane1: Pages, _ lane2: Pages, _ lane3: Pages) -> UInt64 {
            UInt64(lane0) | UInt64(lane1) << 16 | UInt64(lane2) << 32 | UInt64(lane3) << 48
        }

        private static func lane(_ lane: Int, of word: UInt64) -> Pages {
            Pages(truncatingIfNeeded: word >> (16 * lane))
        }
    }
}
