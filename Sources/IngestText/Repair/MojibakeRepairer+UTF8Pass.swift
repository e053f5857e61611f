import IngestCore

extension MojibakeRepairer {
    /// The text's UTF-8 misreadings undone, into `workspace.current`, and the repairs; nil when nothing
    /// was undone or the repair was rolled back. `before` is the census of `scalars`, taken as they were
    /// read.
    func repairUTF8Misreadings(_ scalars: [Unicode.Scalar], before: Census, in workspace: inout Workspace) -> [EncodingRepair]? {
        var current = Workspace.take(&workspace.current)
        var next = Workspace.take(&workspace.next)
        // Spans repaired by each code page over all passes, and the order the pages first repaired one:
        // arrays indexed by code page, since a code page's chain is known from its index.
        var spansByPage = Workspace.take(&workspace.spansByPage)
        var pageOrder = Workspace.take(&workspace.pageOrder)
        defer {
            workspace.current = current
            workspace.next = next
            workspace.spansByPage = spansByPage
            workspace.pageOrder = pageOrder
        }
        spansByPage.append(contentsOf: repeatElement(0, count: reverse.count))
        workspace.readOutsideLetters = false
        current.append(contentsOf: scalars)
        for passNumber in 0..<Self.maximumPasses {
            guard pass(current, first: passNumber == 0, into: &next, in: &workspace) else { break }
            swap(&current, &next)
            for page in workspace.passPages {
                if spansByPage[page] == 0 { pageOrder.append(page) }
                spansByPage[page] += workspace.passSpans[page]
            }
        }
        // A repair that left more give-away characters than it removed went half way; keep the input.
        // Every UTF-8 repair shortens the text; one that leaves as many give-away characters as there were
        // can only have turned them into letters that look like give-aways (Ñ, Ð), not added any.
        guard !pageOrder.isEmpty else { return nil }
        let after = census(current)
        guard after.controls <= before.controls, after.giveAways <= before.giveAways,
            current.count < scalars.count || after.giveAways < before.giveAways
        else {
            return nil
        }
        return pageOrder.map { EncodingRepair(chain: utf8Chains[$0], spans: spansByPage[$0]) }
    }

    /// One pass. Every code page votes with the spans it reads as the four languages, so "Ä…" goes to
    /// windows-1250 rather than windows-1252 when "Ăł" nearby fits only windows-1250. Spans with a
    /// give-away character are repaired with the best-voted code page that reads them; then, once the text
    /// has shown which code pages broke it, spans without one (short words such as "Рё" for "и") are
    /// repaired with those only.
    /// Returns whether the pass repaired anything; if so, the repaired text is in `out` and the spans
    /// each code page repaired are in `workspace.passSpans`, in the order of `workspace.passPages`.
    func pass(_ scalars: [Unicode.Scalar], first: Bool, into out: inout [Unicode.Scalar], in workspace: inout Workspace) -> Bool {
        let pages = reverse.count
        var spans = Workspace.take(&workspace.spans)
        // What each code page reads out of each span: per span and page, span by span in one array
        // (`pages` entries a span), where in `readings` that reading is, or -1 for none; and whether any
        // page read the span at all.
        var slots = Workspace.take(&workspace.readingSlots)
        var readings = Workspace.take(&workspace.readings)
        var suspicious = Workspace.take(&workspace.suspicious)
        // Made with the first reading: most second passes read nothing.
        var readable = Workspace.take(&workspace.readable)
        // For each span, the code pages left to read it with if it comes to that; made when the first is
        // left.
        var deferred = Workspace.take(&workspace.deferred)
        // Every reading kept is appended here; rejected ones are taken back off the end.
        var decoded = Workspace.take(&workspace.decoded)
        var votes = Workspace.take(&workspace.votes)
        var order = Workspace.take(&workspace.order)
        var counts = Workspace.take(&workspace.passSpans)
        var pageOrder = Workspace.take(&workspace.passPages)
        defer {
            workspace.spans = spans
            workspace.readingSlots = slots
            workspace.readings = readings
            workspace.suspicious = suspicious
            workspace.readable = readable
            workspace.deferred = deferred
            workspace.decoded = decoded
            workspace.votes = votes
            workspace.order = order
            workspace.passSpans = counts
            workspace.passPages = pageOrder
        }
        votes.append(contentsOf: repeatElement(0, count: pages))
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 0x80 else {
                index += 1
                continue
            }
            let range = index..<spanEnd(scalars, from: index, extended: first)
            spans.append(Span(range: range))
            // The first pass needs to know whether any span gives mojibake away before it reads any; a
            // later pass asks only about the spans a code page can read.
            suspicious.append(first && range.count >= 2 && hasGiveAway(scalars, range))
            index = range.upperBound
        }
        // After a first repair the text has shown it was misread twice, and what is left of the second
        // misreading may hold no give-away character ("ktĂłrej" once "ktÄ‚Å‚rej" is undone once).
        guard suspicious.contains(true) || !first else { return false }
        decoded.reserveCapacity(2 * scalars.count)
        for (position, span) in spans.enumerated() {
            let range = span.range
            guard range.count >= 2 else { continue }
            // Only the code pages that can read a UTF-8 sequence out of the span are tried at all.
            let readers = masks.candidates(scalars, range)
            let candidates = readers.candidates
            guard candidates != 0 else { continue }
            if !first { suspicious[position] = hasGiveAway(scalars, range) }
            // A span without a give-away character is taken only as letters and punctuation (or when the
            // text has shown which code page broke it, in the last round below), so the pages that cannot
            // read it as such are read only then, if at all.
            let now = suspicious[position] ? candidates : readers.whole
            if now != candidates {
                if deferred.isEmpty { deferred.append(contentsOf: repeatElement(0, count: spans.count)) }
                deferred[position] = candidates & ~now
            }
            let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
            var hasControl: Bool? = nil
            // The pages' bits in order, lowest first, without visiting every page.
            var unread = now
            while unread != 0 {
                let page = unread.trailingZeroBitCount
                unread &= unread &- 1
                guard let reading = read(scalars, range, page: page, into: &decoded) else { continue }
                if slots.isEmpty {
                    slots.append(contentsOf: repeatElement(-1, count: spans.count * pages))
                    readable.append(contentsOf: repeatElement(false, count: spans.count))
                }
                slots[position * pages + page] = Int32(truncatingIfNeeded: readings.count)
                readings.append(reading)
                readable[position] = true
                if case .expected(_, let capitals) = reading { votes[page] += fitsCase(capitals, after: previous) ? 2 : 1 }
                // Looked for once a span, and only for the few pages that have such controls.
                if nativeControls[page] {
                    if hasControl == nil {
                        hasControl = scalars[range].contains { (0x80...0x9F).contains($0.value) && sharedControls & 1 << ($0.value - 0x80) == 0 }
                    }
                    if hasControl == true { votes[page] += 1 }
                }
            }
        }
        // No code page read any span: the common end of a second pass.
        guard !slots.isEmpty else { return false }
        func reading(_ position: Int, _ page: Int) -> Reading? {
            let slot = slots[position * pages + page]
            return slot < 0 ? nil : readings[Int(slot)]
        }
        // Best voted first, ties to the earlier code page; a dozen pages, so an insertion sort.
        for page in 0..<pages {
            var slot = order.count
            order.append(page)
            while slot > 0, votes[order[slot - 1]] < votes[page] {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = page
        }
        func chooseExpected(_ position: Int, among order: [Int], after previous: Unicode.Scalar?) -> (Range<Int>, Int)? {
            var anyCase: (Range<Int>, Int)? = nil
            for page in order {
                guard case .expected(let read, let capitals)? = reading(position, page) else { continue }
                if fitsCase(capitals, after: previous) { return (read, page) }
                if anyCase == nil { anyCase = (read, page) }
            }
            return anyCase
        }
        func choose(_ position: Int, among order: [Int], after previous: Unicode.Scalar?) -> (Range<Int>, Int)? {
            if let expected = chooseExpected(position, among: order, after: previous) { return expected }
            for page in order { if case .intermediate(let read)? = reading(position, page) { return (read, page) } }
            for page in order { if case .foreign(let read)? = reading(position, page) { return (read, page) } }
            for page in order { if case .partial(let read)? = reading(position, page) { return (read, page) } }
            return nil
        }
        var evidence: CodePageMasks.Pages = 0
        for position in spans.indices where readable[position] && (suspicious[position] || !first) {
            let range = spans[position].range
            let previous = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
            let candidate =
                suspicious[position]
                ? choose(position, among: order, after: previous) : chooseExpected(position, among: order, after: previous)
            if let (fixed, page) = candidate, suspicious[position] || keepsScript(scalars, range, decoded, fixed) {
                spans[position].fixed = fixed
                spans[position].page = page
                evidence |= 1 << page
                switch reading(position, page) {
                case .foreign?, .partial?: workspace.readOutsideLetters = true
                default: break
                }
            }
        }
        guard evidence != 0 else { return false }
        for position in spans.indices where spans[position].fixed == nil && (readable[position] || !deferred.isEmpty && deferred[position] != 0) {
            for page in order where evidence & (1 << page) != 0 {
                if !deferred.isEmpty, deferred[position] & (1 << page) != 0 {
                    deferred[position] &= ~(1 << page)
                    if let late = read(scalars, spans[position].range, page: page, into: &decoded) {
                        slots[position * pages + page] = Int32(truncatingIfNeeded: readings.count)
                        readings.append(late)
                    }
                }
                switch reading(position, page) {
                case .expected(let read, _)?, .intermediate(let read)?, .partial(let read)?, .weak(let read)?:
                    guard first || keepsScript(scalars, spans[position].range, decoded, read) else { continue }
                    spans[position].fixed = read
                    spans[position].page = page
                default:
                    continue
                }
                break
            }
        }
        // One short span amid other non-ASCII text that reads fine is too little to go on: "DrÃ¥ber" next
        // to a correct "–" may be a name as much as a misread "Dråber". Unless it reads as a letter of
        // these languages that the text around it writes too: "taka pÅ‚aca" in Polish text with "ł"
        // elsewhere is "płaca".
        if first, spans.count > 1 {
            var repaired = 0
            var lastRepaired: Span? = nil
            for span in spans where span.fixed != nil {
                repaired += 1
                lastRepaired = span
            }
            if repaired == 1, let lone = lastRepaired, lone.range.count == 2,
                !isConfirmedByText(lone, decoded: decoded, scalars: scalars, spans: spans)
            {
                return false
            }
        }
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(scalars.count)
        counts.append(contentsOf: repeatElement(0, count: pages))
        var cursor = 0
        for span in spans {
            out.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            if let fixed = span.fixed, let page = span.page {
                out.append(contentsOf: decoded[fixed])
                if counts[page] == 0 { pageOrder.append(page) }
                counts[page] += 1
            } else {
                out.append(contentsOf: scalars[span.range])
            }
            cursor = span.range.upperBound
        }
        out.append(contentsOf: scalars[cursor...])
        return true
    }

    /// Whether a repaired two-character span inside a word reads as one letter of these languages, and
    /// another span of the text, one the pass left as it was, writes a letter of the same script that
    /// gives nothing away: the text is then in that language, and the repair a letter of one of its words.
    /// A span standing between spaces or signs ("–®" for "Ш") is no part of a word, and a letter no
    /// Bulgarian, Ukrainian or Russian word uses ("Џ") none of theirs.
    func isConfirmedByText(_ span: Span, decoded: [Unicode.Scalar], scalars: [Unicode.Scalar], spans: [Span]) -> Bool {
        guard let fixed = span.fixed, fixed.count == 1 else { return false }
        let letter = decoded[fixed.lowerBound]
        guard isPlainOwnLetter(letter) else { return false }
        let range = span.range
        let afterLetter = range.lowerBound > 0 && classes.answer(.letter, for: scalars[range.lowerBound - 1])
        let beforeLetter = range.upperBound < scalars.count && classes.answer(.letter, for: scalars[range.upperBound])
        guard afterLetter || beforeLetter else { return false }
        for other in spans where other.fixed == nil {
            for index in other.range where isPlainOwnLetter(scalars[index]) && classes.sameScript(scalars[index], letter) {
                return true
            }
        }
        return false
    }

    /// Whether a span holds a character that gives mojibake away where it stands. A give-away that is a
    /// small letter right after a small letter of its script, and before another or at the end of the
    /// word, is a letter of a language these pages quote (Czech "též", "zvlášť", Belarusian "металаў"):
    /// mojibake puts ž, š and ў after the image of a two-byte lead (a capital: Å, Ä, Р, С) or of another
    /// byte of a longer sequence, so such a letter alone leaves the span to the evidence of the rest of
    /// the text.
    func hasGiveAway(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        if isCapitalAfterSmall(scalars, at: range.lowerBound) || Self.opensLatin1Letter(scalars, range) { return true }
        for index in range where isSuspicious(scalars[index]) && !isLetterInWord(scalars, at: index) {
            return true
        }
        return Self.alternatesCyrillicLeads(scalars, range)
    }

    /// Whether a span is what UTF-8 Cyrillic shows when read with windows-1251, Mac Cyrillic, windows-1250
    /// or ISO-8859-2: the images of the leads D0 and D1 ("Р" and "С", "Đ" and "Ń") at every other
    /// character, two of them at least. A word misread so gives nothing else away when its other bytes
    /// read as letters of the page ("РґРёРєРёР№" for "дикий", "Р”Р°Р»Рё" for "Дали", "ĐĽĐľĐą" for "мой"), and no
    /// word of these languages alternates so: clean "СРСР" has no continuation byte to read.
    static func alternatesCyrillicLeads(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            guard isCyrillicLeadImage(scalars[index].value) else { return false }
            index += 2
        }
        return true
    }

    /// "Р", "С", "Đ" and "Ń": D0 and D1 in windows-1251, Mac Cyrillic, windows-1250 and ISO-8859-2.
    @inline(__always)
    static func isCyrillicLeadImage(_ value: UInt32) -> Bool {
        value == 0x420 || value == 0x421 || value == 0x110 || value == 0x143
    }

    /// Whether any span of the text ``alternatesCyrillicLeads(_:_:)``: asked of text with no give-away
    /// character whose legacy census counted a run opening so, which the UTF-8 passes would otherwise not
    /// look at.
    static func hasAlternatingCyrillicLeads(_ scalars: [Unicode.Scalar]) -> Bool {
        var start = 0
        while start < scalars.count {
            guard scalars[start].value >= 0x80 else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count, scalars[end].value >= 0x80 { end += 1 }
            if alternatesCyrillicLeads(scalars, start..<end) { return true }
            start = end
        }
        return false
    }

    /// Whether the UTF-8 text has a capital beyond ASCII right after a small ASCII letter, where a
    /// misreading puts nearly every capital ``isCapitalAfterSmall(_:at:)`` looks for. Asked of clean text
    /// (no give-away character, no legacy misreading), so it looks at eight bytes at a time for a lead
    /// byte right after a small letter, and decodes only there.
    func hasCapitalAfterSmallLetter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        guard count >= 2, let base = text.baseAddress else { return false }
        var index = 1
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let before = UnsafeRawPointer(base + (index &- 1)).loadUnaligned(as: UInt64.self)
            // Lead bytes of two- and three-byte sequences (0xC0 and up); ASCII bytes of `before` in
            // 0x61...0x7A, computed on the low seven bits so no byte carries into the next.
            let leads = word & (word << 1) & 0x8080_8080_8080_8080
            let low = before & 0x7F7F_7F7F_7F7F_7F7F
            let small = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(low &+ 0x0505_0505_0505_0505) & ~before & 0x8080_8080_8080_8080
            var found = leads & small
            while found != 0 {
                if isCapital(text, at: index &+ found.trailingZeroBitCount / 8) { return true }
                found &= found &- 1
            }
            index &+= 8
        }
        while index < count {
            if text[index - 1] &- 0x61 < 26, isCapital(text, at: index) { return true }
            index &+= 1
        }
        return false
    }

    /// Whether the UTF-8 text holds "Ă" (C4 82) right before one of ``latin1LeadFollowers``, each two
    /// bytes too. Asked of clean text, as ``hasCapitalAfterSmallLetter(_:)`` is.
    func hasLatin1LeadImageBeforeLetter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var index = 0
        while index &+ 3 < count {
            if text[index] == 0xC4, text[index &+ 1] == 0x82, text[index &+ 2] & 0xE0 == 0xC0 {
                let value = UInt32(text[index &+ 2] & 0x1F) << 6 | UInt32(text[index &+ 3] & 0x3F)
                if Self.latin1LeadFollowers.contains(value) { return true }
            }
            index &+= 1
        }
        return false
    }

    /// Whether a two- or three-byte sequence starting at `index` is a capital letter.
    @inline(__always)
    private func isCapital(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = UInt32(text[index])
        let value: UInt32
        if lead >= 0xC2, lead < 0xE0, index + 1 < text.count {
            value = (lead & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F)
        } else if lead >= 0xE0, lead < 0xF0, index + 2 < text.count {
            value = (lead & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
        } else {
            return false
        }
        return Unicode.Scalar(value).map { classes.answer(.uppercase, for: $0) } ?? false
    }

    /// "Ă" (C3, the lead of Latin-1's letters, in windows-1250 and ISO-8859-2) opening a span before a small
    /// letter that either code page reads for a continuation byte: "GĂłra" is "Góra". Romanian writes "Ă" and Vietnamese
    /// "Ăn", but neither before "ł", "ś", "ź", "ż", "ą", "š", "ť", "ž" or "ľ", and a capital opening the
    /// word hides the capital after a small letter that gives "mĂłwi" away. Asked only where a span starts,
    /// as ``isCapitalAfterSmall(_:at:)`` is: a lead byte's image opens its span unless the character before
    /// it is beyond ASCII too, which a misread word then gives away elsewhere.
    static func opensLatin1Letter(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        range.count >= 2 && scalars[range.lowerBound].value == 0x102 && latin1LeadFollowers.contains(scalars[range.lowerBound + 1].value)
    }

    /// "ł", "ś", "ź", "ż", "ą", "š", "ť", "ž" and "ľ": the small letters ``opensLatin1Letter(_:_:)`` looks for.
    static let latin1LeadFollowers: [UInt32] = [0x142, 0x15B, 0x17A, 0x17C, 0x105, 0x161, 0x165, 0x17E, 0x13E]

    /// A capital beyond ASCII right after a small letter, of another script or both Latin: "dolnД…"
    /// (Polish "dolną" in UTF-8 read as windows-1251), "mĂłwi" ("mówi" read as windows-1250). Cyrillic
    /// capitals after a small Cyrillic letter are what KOI8 and windows-1251 make of each other's text
    /// ("фХЛ"), which the legacy re-reading undoes whole. Asked only where a span starts: such a capital
    /// is the image of a lead byte, which follows the ASCII letter before it.
    func isCapitalAfterSmall(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard index > 0, scalar.value >= 0x80, classes.answer(.uppercase, for: scalar) else { return false }
        let previous = scalars[index - 1]
        guard classes.answer(.letter, for: previous), classes.answer(.lowercase, for: previous) else { return false }
        return !classes.sameScript(previous, scalar) || classes.sameScript(scalar, "a")
    }

    /// A give-away small letter between small letters of its own script (or at the end of the word) that
    /// no code page makes the second byte of a two-byte sequence after the letter before it, nor a lead
    /// byte whose continuation follows (Mac Roman reads "ę" as "ƒô").
    func isLetterInWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard index > 0, classes.answer(.letter, for: scalar), classes.answer(.lowercase, for: scalar) else { return false }
        let previous = scalars[index - 1]
        guard classes.answer(.letter, for: previous), classes.answer(.lowercase, for: previous), !isSuspicious(previous), classes.sameScript(previous, scalar)
        else { return false }
        let entry = masks.entry(scalar)
        guard masks.entry(previous).lead2 & entry.continuation == 0 else { return false }
        guard index + 1 < scalars.count else { return true }
        let next = scalars[index + 1]
        if next.value >= 0x80, (entry.lead2 | entry.lead3 | entry.lead4) & masks.entry(next).continuation != 0 { return false }
        guard classes.answer(.letter, for: next) else { return !isSuspicious(next) }
        return classes.answer(.lowercase, for: next) && !isSuspicious(next)
    }

    /// Whether a reading's first letter is of the script of the span's own first letter or of a letter
    /// right beside the span. After a first repair, a span with no give-away character is a word or part
    /// of one that the repair left or made: read again it may still be the second half of a double
    /// misreading ("ktĂłrej" for "której", "FederaciГіn" for "Federación", "ФлайzZzР°В" for
    /// "ФлайzZzа"), but a Ukrainian "ці" that KOI8-U reads as "æ" is a word, not a misreading.
    func keepsScript(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ decoded: [Unicode.Scalar], _ read: Range<Int>) -> Bool {
        guard let first = read.first(where: { classes.answer(.letter, for: decoded[$0]) }) else { return true }
        let letter = decoded[first]
        if let own = range.first(where: { classes.answer(.letter, for: scalars[$0]) }), classes.sameScript(scalars[own], letter) { return true }
        if range.lowerBound > 0, classes.answer(.letter, for: scalars[range.lowerBound - 1]), classes.sameScript(scalars[range.lowerBound - 1], letter) {
            return true
        }
        return range.upperBound < scalars.count && classes.answer(.letter, for: scalars[range.upperBound])
            && classes.sameScript(scalars[range.upperBound], letter)
    }

    /// A capital right after a small letter ("cafÊ") is what the wrong one of two close code pages gives
    /// (windows-1250 and ISO-8859-2 read "ĂŠ" as Ê and é), whether the small letter stands before the span
    /// or inside the reading (UTF-8 "сам" read as windows-1250 shows "Ń\u{81}Đ°ĐĽ", which ISO-8859-2 reads
    /// back as "саХ"). A reading with a capital does not fit after a small letter.
    func fitsCase(_ capitals: Capitals, after previous: Unicode.Scalar?) -> Bool {
        switch capitals {
        case .none: true
        case .afterSmall: false
        case .notAfterSmall: !(previous.map { classes.answer(.lowercase, for: $0) } ?? false)
        }
    }

    /// Where the span starting at `start` ends: a run of non-ASCII characters, extended over a single
    /// space or question mark right after the image of a UTF-8 lead byte, where the text may have lost a
    /// byte ("Ã " for "à", "â€?" for "”"), and on over the run that follows it.
    /// Only the first pass extends spans: what it repaired is real text, whose spaces are spaces.
    /// Nor is a span of these languages' letters that gives nothing away extended over a run that does:
    /// "мама Ð²Ð¸ÐºÐ¾Ð½Ð°Ð½Ñ–" is a clean word before a misread one, though "а" is what ISO-8859-5 shows for the lead D0, and read as one
    /// span with it the misread word could be read by no code page that cannot also encode "мама".
    func spanEnd(_ scalars: [Unicode.Scalar], from start: Int, extended: Bool) -> Int {
        var end = start
        while end < scalars.count {
            let value = scalars[end].value
            if value >= 0x80 {
                end += 1
            } else if extended, end > start, isStandIn(scalars, at: end),
                !(Self.isOwnLetter(scalars[start]) && joinsCleanToSuspicious(scalars, start: start, space: end))
            {
                end += 1
                guard end < scalars.count, scalars[end].value >= 0x80 else { break }
            } else {
                break
            }
        }
        return end
    }

    /// Whether the characters of a span before a stand-in at `space` are all letters of these languages
    /// that give nothing away, and the run right after it holds a give-away character. Asked only where a
    /// span of these languages' letters meets a stand-in, which few texts have, so it is kept out of the
    /// loop that finds spans.
    @inline(never)
    func joinsCleanToSuspicious(_ scalars: [Unicode.Scalar], start: Int, space: Int) -> Bool {
        for index in start..<space where !isPlainOwnLetter(scalars[index]) { return false }
        var index = space + 1
        while index < scalars.count, scalars[index].value >= 0x80 {
            if isSuspicious(scalars[index]) { return true }
            index += 1
        }
        return false
    }

    /// A space right after the image of a lead byte whose 0xA0 character is common (or of a three-byte
    /// lead and one continuation), or a question mark right after any image of a lead or continuation
    /// byte; a run of question marks is punctuation.
    func isStandIn(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let previous = scalars[index - 1].value
        switch scalars[index].value {
        case 0x20:
            if spaceLeadImages.contains(previous) || spacedThreeByteLeadImages.contains(previous) { return true }
            // Two small letters of a word are its end, not a lead and a continuation, unless the lead is that of
            // punctuation and symbols ("âš " for "⚠"): Czech "poblíž „" would otherwise read as a Hangul
            // syllable with the quote.
            guard index >= 2, continuationImages.contains(previous) else { return false }
            let lead = scalars[index - 2].value
            return threeByteLeadImages.contains(lead) && (spacedThreeByteLeadImages.contains(lead) || !endsWord(scalars, at: index - 1))
        case 0x3F:
            guard leadImages.contains(previous) || continuationImages.contains(previous) else { return false }
            return index + 1 >= scalars.count || scalars[index + 1].value != 0x3F
        default:
            return false
        }
    }

    /// Whether the character at `index` is a small letter right after a small letter of its script.
    func endsWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        let previous = scalars[index - 1]
        return classes.answer(.letter, for: scalar) && classes.answer(.lowercase, for: scalar) && classes.answer(.letter, for: previous)
            && classes.answer(.lowercase, for: previous) && classes.sameScript(previous, scalar)
    }

    func census(_ scalars: [Unicode.Scalar]) -> Census {
        var census = Census()
        for scalar in scalars {
            census.count(scalar.value, giveAway: isSuspicious(scalar))
        }
        return census
    }
}
