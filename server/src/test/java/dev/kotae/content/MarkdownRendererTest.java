package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    /** An HTML start tag, attributes included. */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String html(String markdown) {
        return renderer.render(markdown, "Another title").html();
    }

    private static void assertNoTagContains(String html, String needle) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertFalse(tags.group().toLowerCase().contains(needle), "tag " + tags.group() + " in " + html);
        }
    }

    private static void assertNoHrefStartsWith(String html, String scheme) {
        Matcher hrefs = HREF.matcher(html);
        while (hrefs.find()) {
            assertFalse(hrefs.group(1).strip().toLowerCase().startsWith(scheme), "href " + hrefs.group() + " in " + html);
        }
    }

    @Test
    void gfmTableRendersTable() {
        String html = html("| Plan | Price |\n|------|------:|\n| Free | 0 |\n| Pro | 10 |\n");

        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<th>Plan</th>"), html);
        assertTrue(html.contains(">Pro</td>"), html);
    }

    @Test
    void bareUrlsAreAutolinked() {
        String html = html("Visit https://example.com/help now.");

        assertTrue(html.contains("href=\"https://example.com/help\""), html);
        assertTrue(html.contains(">https://example.com/help</a>"), html);
    }

    @Test
    void headingsGetAnchorIds() {
        String html = html("## Payment methods\n\ntext\n\n## Payment methods\n");

        assertTrue(html.contains("<h2 id=\"payment-methods\">Payment methods</h2>"), html);
        // a repeated heading gets a distinct anchor
        assertTrue(html.contains("<h2 id=\"payment-methods-1\">"), html);
    }

    @Test
    void rawScriptIsEscaped() {
        String html = html("<script>alert(1)</script>\n\nInline <script>alert(2)</script> too.");

        assertFalse(html.toLowerCase().contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void eventHandlerAttributesAreInert() {
        String html = html("hi <img src=x onerror=alert(1)> there\n\n<div onmouseover=\"alert(1)\">x</div>\n");

        assertNoTagContains(html, "onerror");
        assertNoTagContains(html, "onmouseover");
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void javascriptLinksAreDropped() {
        String html = html("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](jav&#x61;script:alert(1)) "
                + "<javascript:alert(1)> [d](vbscript:msgbox(1)) ![e](javascript:alert(1)) "
                + "[f](<java\tscript:alert(1)>) [g](file:///etc/passwd)");

        assertNoHrefStartsWith(html, "javascript:");
        assertNoHrefStartsWith(html, "vbscript:");
        assertNoHrefStartsWith(html, "java");
        assertNoHrefStartsWith(html, "file:");
        assertFalse(html.contains("src=\"javascript:"), html);
        assertTrue(html.contains(">a</a>"), html); // the link text is kept
    }

    @Test
    void dataLinksAreDropped() {
        String html = html("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [b](DATA:text/html,x)");

        assertNoHrefStartsWith(html, "data:");
    }

    @Test
    void safeLinksAreKept() {
        String html = html("[web](https://example.com/a) [mail](mailto:help@example.com) [page](/articles/refund)");

        assertTrue(html.contains("href=\"https://example.com/a\""), html);
        assertTrue(html.contains("href=\"mailto:help@example.com\""), html);
        assertTrue(html.contains("href=\"/articles/refund\""), html);
    }

    /** Images uploaded through the editor ({@code /media/...}) show in articles; unsafe sources never do. */
    @Test
    void uploadedImagesAreKeptAndUnsafeImageSourcesDropped() {
        String html = html("![Store front](/media/2026/store-front-0123456789.png)\n\n"
                + "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![y](javascript:alert(1)) ![z](DATA:image/png,x)");

        assertTrue(html.contains("<img src=\"/media/2026/store-front-0123456789.png\" alt=\"Store front\""), html);
        assertFalse(html.contains("src=\"data:") || html.contains("src=\"DATA:"), html);
        assertFalse(html.contains("src=\"javascript:"), html);
    }

    @Test
    void externalLinksGetRelNoopener() {
        String html = html("[ext](https://example.com/x) and [proto](//cdn.example.com/y) and <http://plain.example>");

        Matcher links = Pattern.compile("<a [^>]*>").matcher(html);
        int count = 0;
        while (links.find()) {
            count++;
            assertTrue(links.group().contains("rel=\"nofollow noopener noreferrer\""), links.group());
        }
        assertEquals(3, count, html);
    }

    @Test
    void internalLinksAreNotMarkedExternal() {
        String html = html("[refund](/articles/refund)");

        assertTrue(html.contains("href=\"/articles/refund\""), html);
        assertFalse(html.contains("noopener"), html);
    }

    @Test
    void plainTextHasNoLinkUrlsAndNoMarkup() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                Read [the guide](https://example.com/guide) **first**, then _run_ `kotae sync`.

                ![diagram](https://example.com/d.png)

                - one
                - two

                > quoted <b>bold</b> &amp; more
                """, null);
        String text = rendered.text();

        assertTrue(text.contains("the guide"), text);
        assertTrue(text.contains("first"), text);
        assertTrue(text.contains("kotae sync"), text);
        assertTrue(text.contains("one"), text);
        assertTrue(text.contains("& more"), text);
        assertFalse(text.contains("example.com"), text);
        assertFalse(text.contains("<"), text);
        assertFalse(text.contains(">"), text);
        assertFalse(text.contains("*"), text);
        assertFalse(text.contains("`"), text);
        assertFalse(text.contains("]("), text);
        assertFalse(text.contains("&amp;"), text);
    }

    @Test
    void leadingHeadingIsDroppedOnlyWhenItIsTheTitle() {
        MarkdownRenderer.Rendered kept = renderer.render("# Title here\n\nBody", "Front-matter title");
        MarkdownRenderer.Rendered dropped = renderer.render("# Title here\n\nBody", null);
        MarkdownRenderer.Rendered same = renderer.render("# Title here\n\nBody", "Title here");

        assertEquals("Title here", kept.leadingHeading());
        assertTrue(kept.html().contains("<h1"), kept.html());
        assertEquals("Title here", dropped.leadingHeading());
        assertFalse(dropped.html().contains("<h1"), dropped.html());
        assertEquals("Body", dropped.text());
        assertFalse(same.html().contains("<h1"), same.html());
    }

    @Test
    void onlyAFirstLevelOneHeadingIsALeadingHeading() {
        assertNull(renderer.render("## Second level\n", null).leadingHeading());
        assertNull(renderer.render("Intro\n\n# Later\n", null).leadingHeading());
        assertEquals("Top", renderer.render("# Top\n\ntext", null).leadingHeading());
    }
}
