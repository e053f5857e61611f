extension EventRecord {
    /// Folds another page's report of the same event (same `event_id`) into this one.
    ///
    /// The fields, and so the evidence spans, stay those of one page, the one that says most about the
    /// event (ties go to the smaller page id), listed first in `source_page_ids`; evidence spans always
    /// point into that page's text. The other pages add their ids and their spellings of the name as
    /// aliases. The result depends only on the set of records merged, not on their order, so runs with
    /// any concurrency write the same events.
    public func merged(with other: EventRecord) -> EventRecord {
        precondition(eventID == other.eventID, "only records of one event merge")
        let (primary, secondary) = other.outranks(self) ? (other, self) : (self, other)
        var result = primary
        let pages = Set(sourcePageIDs + other.sourcePageIDs)
        result.sourcePageIDs = [primary.sourcePageIDs[0]] + pages.subtracting([primary.sourcePageIDs[0]]).sorted()
        let spellings = Set(primary.aliases + secondary.aliases + [secondary.name]).subtracting([primary.name])
        result.aliases = spellings.sorted()
        return result
    }

    /// How many fields the record fills: the page that says most about an event speaks for it.
    var filledFields: Int {
        [start != nil, end != nil, location != nil, !organisers.isEmpty, participants != nil, !people.isEmpty, edition != nil]
            .filter { $0 }.count + (location?.count ?? 0)
    }

    private func outranks(_ other: EventRecord) -> Bool {
        if filledFields != other.filledFields { return filledFields > other.filledFields }
        return (sourcePageIDs.first?.rawValue ?? "") < (other.sourcePageIDs.first?.rawValue ?? "")
    }
}
