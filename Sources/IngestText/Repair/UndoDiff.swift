public import IngestCore

/// The undos that take a repaired text back to the original, found by walking both texts side by side.
///
/// Repairs change short runs and leave the text between them alone, so after a difference the walk
/// looks a bounded distance ahead in both texts for the next stretch they share, which keeps the work
/// linear in the text's length. Where no shared stretch is found in reach, the rest of the text becomes
/// one undo: never wrong, only less compact.
public enum UndoDiff {
    /// How far ahead, in scalars, a shared stretch is looked for after a difference.
    static let reach = 48
    /// How long a shared stretch must be to count as the texts being back in step.
    static let anchor = 6

    public static func undos(from original: String, to repaired: String) -> [TextUndo] {
        let before = Array(original.unicodeScalars)
        let after = Array(repaired.unicodeScalars)
        var undos: [TextUndo] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, before[i] == after[j] {
                i += 1
                j += 1
                continue
            }
            let (nextI, nextJ) = resynchronise(before, i, after, j)
            undos.append(TextUndo(start: j, end: nextJ, original: string(before[i..<nextI])))
            i = nextI
            j = nextJ
        }
        return undos
    }

    /// The nearest positions after a difference where both texts share `anchor` scalars (or both end),
    /// preferring the smallest combined step.
    private static func resynchronise(_ before: [Unicode.Scalar], _ i: Int, _ after: [Unicode.Scalar], _ j: Int) -> (Int, Int) {
        for total in 1...(2 * reach) {
            for stepI in max(0, total - reach)...min(total, reach) {
                let stepJ = total - stepI
                let candidateI = i + stepI
                let candidateJ = j + stepJ
                guard candidateI <= before.count, candidateJ <= after.count else { continue }
                if candidateI == before.count, candidateJ == after.count { return (candidateI, candidateJ) }
                let length = min(anchor, before.count - candidateI, after.count - candidateJ)
                // A shared stretch shorter than the anchor counts only when it runs to the end of both.
                guard length > 0, length == anchor || (candidateI + length == before.count && candidateJ + length == after.count) else { continue }
                if (0..<length).allSatisfy({ before[candidateI + $0] == after[candidateJ + $0] }) { return (candidateI, candidateJ) }
            }
        }
        return (before.count, after.count)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
