/// Picks the blocks that make up the page's main content by text and link density.
///
/// Paragraphs of real prose (long, with commas, few links) vote for the elements that contain them,
/// decaying with distance, as readability established; class names such as `entry-content` or
/// `promo` tilt the vote. The winner's subtree, plus siblings that scored nearly as well (articles split
/// across containers), is the content; within it, link lists and counters are left out.
enum MainContentSelector {
    /// Block indices, in document order.
    static func select(_ walk: PageWalk) -> [Int] {
        let elements = walk.elements
        guard !elements.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: elements.count)
        var scored = [Bool](repeating: false, count: elements.count)

        let blockCount = Double(max(1, walk.blocks.count))
        for (position, block) in walk.blocks.enumerated() where block.scalars >= 25 && !block.isTemplate {
            if case .heading = block.kind { continue }
            var points = (1 + Double(block.commas) + min(Double(block.scalars) / 100, 3)) * (1 - block.linkDensity)
            // Prose is full of function words; a block of names and titles earns half as much.
            let language = FunctionWordRatio.of(block.text)
            if language.words >= 5 { points *= 0.5 + 0.5 * min(1, language.ratio / 0.25) }
            // Position: the last fifth of a page is where footers, teasers and comment threads live.
            let depth = Double(position) / blockCount
            if depth > 0.8 { points *= 1 - (depth - 0.8) * 1.5 }
            var target = Int(block.owner)
            if isParagraphLike(elements[target].tag), elements[target].parent >= 0 {
                target = Int(elements[target].parent)
            }
            var level = 0
            while target >= 0, level < 4 {
                if !scored[target] {
                    scored[target] = true
                    // Names and tags are weak evidence: they count in full only for an element holding a
                    // few paragraphs' worth of text, so a small box named "content" cannot outscore an article.
                    scores[target] = baseScore(elements[target]) * min(1, Double(elements[target].scalars) / 500)
                }
                scores[target] += points / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
                target = Int(elements[target].parent)
                level += 1
            }
        }

        var best = -1
        var bestScore = -Double.infinity
        for index in elements.indices where scored[index] {
            scores[index] *= 1 - linkDensity(elements[index])
            if scores[index] > bestScore {
                bestScore = scores[index]
                best = index
            }
        }
        guard best >= 0 else {
            return walk.blocks.indices.filter { keeps(walk.blocks[$0]) }
        }

        let join = joinSplitArticle(best, scores: scores, scored: scored, elements: elements)
        best = join.article
        bestScore = scores[best]

        var regions: [ClosedRange<Int32>] = [Int32(best)...elements[best].subtreeEnd]
        let parent = elements[best].parent
        if parent >= 0 {
            let threshold = max(10, bestScore * 0.2)
            var previousSibling = -1
            for index in (Int(parent) + 1)...Int(elements[Int(parent)].subtreeEnd) where elements[index].parent == parent {
                if index == best {
                    if previousSibling >= 0, elements[previousSibling].tag.headingLevel != nil {
                        regions.append(Int32(previousSibling)...elements[previousSibling].subtreeEnd)
                    }
                } else if (scored[index] && scores[index] >= threshold)
                    || (elements[index].tag == .p && elements[index].scalars >= 80 && linkDensity(elements[index]) < 0.25)
                {
                    regions.append(Int32(index)...elements[index].subtreeEnd)
                }
                previousSibling = index
            }
        }

        // Regions are disjoint subtrees, so marking them costs one pass over the elements, and the
        // membership test per block is constant: no quadratic work on pages with thousands of paragraphs.
        var inRegion = [Bool](repeating: false, count: elements.count)
        for region in regions {
            for index in Int(region.lowerBound)...Int(region.upperBound) { inRegion[index] = true }
        }
        var selected = walk.blocks.indices.filter { index in
            let block = walk.blocks[index]
            return inRegion[Int(block.owner)] && keeps(block)
        }
        if !join.parts.isEmpty {
            selected = trimToParts(selected, parts: join.parts, blocks: walk.blocks, elements: elements)
        }
        return selected
    }

    /// A joined article keeps what lies between its first and last part; between them, text outside the
    /// parts stays only if it is a heading or prose, so captions and datelines between parts drop out,
    /// and so does everything before the first part and after the last (section labels, teasers, footers).
    private static func trimToParts(_ selected: [Int], parts: [Int], blocks: [TextBlock], elements: [ElementRecord]) -> [Int] {
        func inPart(_ block: TextBlock) -> Bool {
            parts.contains { Int32($0) <= block.owner && block.owner <= elements[$0].subtreeEnd }
        }
        func isProse(_ block: TextBlock) -> Bool {
            guard block.scalars >= 60, block.linkDensity < 0.2 else { return false }
            let language = FunctionWordRatio.of(block.text)
            return language.words < 8 || language.ratio >= 0.1
        }
        func isHeading(_ block: TextBlock) -> Bool {
            if case .heading = block.kind { return true }
            return false
        }
        guard var first = selected.firstIndex(where: { inPart(blocks[$0]) }),
            var last = selected.lastIndex(where: { inPart(blocks[$0]) })
        else { return selected }
        // Smoothing: prose right before the first part or right after the last belongs to the article
        // too (a closing paragraph too short to have been a part), as does a heading that leads into it.
        while last + 1 < selected.count {
            let next = blocks[selected[last + 1]]
            if isProse(next) {
                last += 1
            } else if isHeading(next), last + 2 < selected.count, isProse(blocks[selected[last + 2]]) {
                last += 2
            } else {
                break
            }
        }
        while first > 0, isProse(blocks[selected[first - 1]]) { first -= 1 }
        return selected[first...last].filter { index in
            let block = blocks[index]
            return inPart(block) || isHeading(block) || isProse(block)
        }
    }

    /// An article split across containers ("article chunks", a lead box and a body box) shows up as
    /// several separate candidates of nearly the best score. When there are such runners-up and their
    /// common ancestor holds little besides them, that ancestor is the article.
    private static func joinSplitArticle(
        _ best: Int, scores: [Double], scored: [Bool], elements: [ElementRecord]
    ) -> (article: Int, parts: [Int]) {
        func contains(_ outer: Int, _ inner: Int) -> Bool { outer <= inner && inner <= Int(elements[outer].subtreeEnd) }
        var runnersUp: [Int] = []
        for index in elements.indices where scored[index] && index != best && scores[index] >= scores[best] * 0.5 {
            guard !contains(best, index), !contains(index, best) else { continue }
            // Only prose joins the article: teaser lists and link-heavy boxes do not.
            guard linkDensity(elements[index]) < 0.15, elements[index].classWeight >= 0 else { continue }
            runnersUp.append(index)
        }
        // Keep only the outermost runners-up: a candidate inside another adds no text of its own.
        runnersUp = runnersUp.filter { candidate in !runnersUp.contains { $0 != candidate && contains($0, candidate) } }
        guard !runnersUp.isEmpty else { return (best, []) }
        var ancestor = best
        for candidate in runnersUp {
            while ancestor >= 0, !contains(ancestor, candidate) { ancestor = Int(elements[ancestor].parent) }
            if ancestor < 0 { return (best, []) }
        }
        let combined = runnersUp.reduce(elements[best].scalars) { $0 + elements[$1].scalars }
        let candidate = elements[ancestor]
        guard candidate.tag != .body, candidate.tag != .html, Double(candidate.scalars) <= 2 * Double(combined),
            linkDensity(candidate) < 0.25
        else { return (best, []) }
        return (ancestor, [best] + runnersUp)
    }

    private static func keeps(_ block: TextBlock) -> Bool {
        if block.isFileNameCaption || block.isCaption || block.isTemplate { return false }
        if case .heading(let level) = block.kind, level == 1 {
            return !BoilerplateLines.matches(block.text)
        }
        if block.linkDensity > 0.5 { return false }
        // In a table a lone number is data, not a counter.
        return block.kind == .cell || !BoilerplateLines.matches(block.text)
    }

    private static func isParagraphLike(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .td, .th, .li, .dd, .dt, .blockquote, .figcaption, .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    private static func baseScore(_ element: ElementRecord) -> Double {
        var score = Double(element.classWeight)
        switch element.tag {
        case .div, .article, .main, .section: score += 5
        case .pre, .td, .blockquote: score += 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score -= 3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score -= 5
        default: break
        }
        if element.tag == .article || element.tag == .main { score += 10 }
        return score
    }

    private static func linkDensity(_ element: ElementRecord) -> Double {
        element.scalars == 0 ? 0 : Double(element.linkScalars) / Double(element.scalars)
    }
}
