/// Lays the chosen blocks out as plain text: one line per heading, paragraph, list item and table row,
/// a blank line between paragraphs, and `cell | cell` for table rows.
enum TextAssembler {
    static func text(of blocks: [TextBlock], selected: [Int]) -> String {
        var out: [UInt8] = []
        var previous: TextBlock? = nil
        for index in selected {
            let block = blocks[index]
            if let previous {
                out.append(contentsOf: separator(previous, block))
            }
            out.append(contentsOf: block.text)
            previous = block
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func separator(_ previous: TextBlock, _ next: TextBlock) -> [UInt8] {
        switch (previous.kind, next.kind) {
        case (.cell, .cell) where previous.row == next.row && next.row >= 0:
            Array(" | ".utf8)
        case (.cell, .cell) where previous.group == next.group:
            [0x0A]
        case (.listItem, .listItem) where previous.group == next.group:
            [0x0A]
        default:
            [0x0A, 0x0A]
        }
    }
}
