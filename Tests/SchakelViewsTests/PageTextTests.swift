import Testing

@testable import SchakelViews

@Suite("Page text")
struct PageTextTests {
    @Test("escaping replaces the five special characters and leaves every other character as it is")
    func escaping() {
        #expect(H.escape("Tom & Jerry's <b>\"kat\"</b>") == "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;kat&quot;&lt;/b&gt;")
        #expect(H.escape("Café Ŝ 日本 👩‍👩‍👧") == "Café Ŝ 日本 👩‍👩‍👧")
        // A quote followed by a combining accent is still a quote in an attribute value.
        #expect(H.escape("\"\u{301}") == "&quot;\u{301}")
        #expect(H.escape("") == "")
    }

    @Test("nodes render as Plot did: bare flags and empty values, self-closed voids, one place per attribute")
    func nodes() {
        let paragraph = H.el(
            "p", [.cls("a"), Attr.flag("hidden"), Attr.flag("open", false), .value("")], [H.text("x<")])
        #expect(paragraph.rendered == "<p class=\"a\" hidden value>x&lt;</p>")
        let input = H.void("input", [.type("hidden"), .name("n"), .value("\"1\"")])
        #expect(input.rendered == "<input type=\"hidden\" name=\"n\" value=\"&quot;1&quot;\"/>")
        let twice = H.el("li", [.cls("first"), .id("i"), .cls("second")], [])
        #expect(twice.rendered == "<li class=\"second\" id=\"i\"></li>")
        #expect(H.group([H.text("a"), H.el("b", [], [H.text("c")])]).rendered == "a<b>c</b>")
    }

    @Test("placeholders are filled in once, in one pass; unknown ones stay as they are")
    func placeholders() {
        let t = Localizer(language: .nl)
        // A key that is not in the table shows itself, which makes it a template here.
        #expect(t("{1} na {0}", "a", "b") == "b na a")
        #expect(t("{0} en {1}", "x{1}", "y") == "x{1} en y")
        #expect(t("{0} {7} {x} {", "ok") == "ok {7} {x} {")
    }
}
