import Foundation
import IngestCore
import IngestHTML
import IngestTestSupport
import Testing

@Suite struct StripLimitsTests {
    /// A 20 MB page of paragraphs, built in memory the way Scripts/make-large-fixture.sh builds the file.
    static let largePage: [UInt8] = {
        var html = Array("<html><head><title>Large</title></head><body><nav><a href=/>Home</a></nav><article>".utf8)
        let paragraph = Array(
            "<p>The cluster manager summarised the survey results, and members said that networking matters most.</p>\n<p>Участниците обсъдиха съвместни проекти, обучения и износ.</p>\n"
                .utf8)
        while html.count < 20 << 20 { html += paragraph }
        html += Array("</article></body></html>".utf8)
        return html
    }()

    @Test("a 20 MB page is stripped within the default limits")
    func largePage() throws {
        let page = try HTMLStrip().strip(Self.largePage)
        #expect(page.text.hasPrefix("The cluster manager summarised"))
        #expect(page.elementCount > 100_000)
    }

    @Test("a page over max_input_bytes is refused before parsing")
    func inputCap() {
        let strip = HTMLStrip(configuration: .init(maxInputBytes: 1 << 20))
        #expect {
            _ = try strip.strip(Self.largePage)
        } throws: { error in
            (error as? StageError)?.code == .tooLarge && "\(error)".contains("max_input_bytes limit of 1048576")
        }
    }

    @Test("a page over max_elements is refused, bounding the work per page")
    func elementCap() {
        let strip = HTMLStrip(configuration: .init(maxElements: 1000))
        #expect {
            _ = try strip.strip(Self.largePage)
        } throws: { error in
            (error as? StageError)?.code == .tooLarge && "\(error)".contains("more than 1000 elements")
        }
    }

    @Test("whitespace only is empty input")
    func whitespaceOnly() {
        #expect {
            _ = try HTMLStrip().strip(Array(" \n\t ".utf8))
        } throws: { error in
            (error as? StageError)?.code == .emptyInput
        }
    }

    @Test("markup without text or title is a no-content dead letter")
    func noContent() {
        #expect {
            _ = try HTMLStrip().strip(Array("<html><body><img src=a.png><nav><a href=/>Home</a></nav></body></html>".utf8))
        } throws: { error in
            (error as? StageError)?.code == .noContent
        }
    }

    @Test("paragraphs, list items and table rows keep their layout")
    func layout() throws {
        let html = """
            <article><h2>Programme</h2><p>First paragraph with enough words to count as real prose, really.</p>
            <p>Second one<br>with a line break, and<br><br>a paragraph break after two breaks.</p>
            <ul><li>one</li><li>two</li></ul><table><tr><th>Day</th><th>Topic</th></tr><tr><td>1</td><td>Clusters</td></tr></table></article>
            """
        let text = try HTMLStrip().strip(Array(html.utf8)).text
        #expect(
            text == """
                Programme

                First paragraph with enough words to count as real prose, really.

                Second one
                with a line break, and

                a paragraph break after two breaks.

                one
                two

                Day | Topic
                1 | Clusters
                """)
    }
}

@Suite struct HiddenElementTests {
    @Test("hidden, aria-hidden and display:none elements never reach the text")
    func hiddenElements() throws {
        let html = """
            <article><p>Visible paragraph with enough words to be the article, clearly.</p>
            <p hidden>Hidden by attribute.</p><p aria-hidden="true">Hidden from assistive tech.</p>
            <div style="color: red; DISPLAY : none">Hidden by style.</div><p style="visibility:hidden">Invisible.</p>
            <p style="display:block">Shown by style, with enough words to stay in.</p></article>
            """
        let text = try HTMLStrip().strip(Array(html.utf8)).text
        #expect(text == "Visible paragraph with enough words to be the article, clearly.\n\nShown by style, with enough words to stay in.")
    }
}
