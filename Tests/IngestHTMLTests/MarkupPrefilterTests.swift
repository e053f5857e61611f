@testable import IngestHTML
import Testing

@Suite struct MarkupPrefilterTests {
    func filtered(_ html: String) -> String {
        String(decoding: MarkupPrefilter.filter(Array(html.utf8)), as: UTF8.self)
    }

    @Test("scripts, styles, inline SVG and comments are cut before parsing", arguments: [
        ("<p>a<script>var s = \"<p>fake</p>\";</script>b</p>", "<p>ab</p>"),
        ("<p>a<SCRIPT type=text/javascript>x</SCRIPT >b", "<p>ab"),
        ("<style>p{}</style><p>a<!-- <script> -->b", "<p>ab"),
        ("<svg viewBox='0 0 1 1'><text>icon</text></svg><p>a", "<p>a"),
        ("<noscript><img src=x></noscript><template><p>t</p></template><p>a", "<p>a"),
        ("<p>a<script>never closed", "<p>a"),
        ("<p>a<!-- never closed", "<p>a"),
    ])
    func cuts(_ html: String, _ expected: String) {
        #expect(filtered(html) == expected)
    }

    @Test("JSON-LD, look-alike tag names and plain text survive", arguments: [
        "<script type=\"application/ld+json\">{\"@type\":\"Event\"}</script><p>a",
        "<scripted>x</scripted><strong>y</strong><section>z</section>",
        "<p>1 < 2 and 3 > 2</p>",
        "<p>Привіт, світ</p>",
    ])
    func keeps(_ html: String) {
        #expect(filtered(html) == html)
    }
}
