package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownRendererTest {

    /** An HTML start tag, attributes included. */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String html(String markdown) {
        return render(markdown, "Another title").html();
    }

    private MarkdownRenderer.Rendered render(String markdown, String title) {
        try {
            return renderer.render(markdown, title);
        } catch (ContentException e) {
            throw new AssertionError(e);
        }
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

    /** Japanese has no spaces around an address: the link ends where the sentence's Japanese goes on. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "詳しくはhttps://example.com/helpをご覧ください。|詳しくは<a rel=\"nofollow noopener noreferrer\" href=\"https://example.com/help\">https://example.com/help</a>をご覧ください。",
        "サイト（https://example.com/help）へ|サイト（<a rel=\"nofollow noopener noreferrer\" href=\"https://example.com/help\">https://example.com/help</a>）へ",
        "www.example.comへアクセス|<a rel=\"nofollow noopener noreferrer\" href=\"http://www.example.com\">www.example.com</a>へアクセス",
        "お問い合わせはsupport@example.comまで。|お問い合わせは<a rel=\"nofollow\" href=\"mailto:support@example.com\">support@example.com</a>まで。",
        "メール：info@example.jp。|メール：<a rel=\"nofollow\" href=\"mailto:info@example.jp\">info@example.jp</a>。",
        "すべて「@sakura-marche.example」のアドレスから送信しています。|すべて「@sakura-marche.example」のアドレスから送信しています。",
        "Write to help@example.com or see https://example.com/a?b=c.|Write to <a rel=\"nofollow\" href=\"mailto:help@example.com\">help@example.com</a> or see <a rel=\"nofollow noopener noreferrer\" href=\"https://example.com/a?b=c\">https://example.com/a?b=c</a>.",
        "<https://ja.wikipedia.org/wiki/日本>|<a rel=\"nofollow noopener noreferrer\" href=\"https://ja.wikipedia.org/wiki/日本\">https://ja.wikipedia.org/wiki/日本</a>",
    })
    void bareAddressesInJapaneseEndWhereTheJapaneseGoesOn(String markdown, String paragraph) {
        assertEquals("<p>" + paragraph + "</p>", html(markdown).strip());
        assertFalse(render(markdown, null).text().contains("mailto"), "the plain text keeps the words only");
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
        MarkdownRenderer.Rendered rendered = render("""
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
        MarkdownRenderer.Rendered kept = render("# Title here\n\nBody", "Front-matter title");
        MarkdownRenderer.Rendered dropped = render("# Title here\n\nBody", null);
        MarkdownRenderer.Rendered same = render("# Title here\n\nBody", "Title here");

        assertEquals("Title here", kept.leadingHeading());
        assertTrue(kept.html().contains("<h1"), kept.html());
        assertEquals("Title here", dropped.leadingHeading());
        assertFalse(dropped.html().contains("<h1"), dropped.html());
        assertEquals("Body", dropped.text());
        assertFalse(same.html().contains("<h1"), same.html());
    }

    @Test
    void onlyAFirstLevelOneHeadingIsALeadingHeading() {
        assertNull(render("## Second level\n", null).leadingHeading());
        assertNull(render("Intro\n\n# Later\n", null).leadingHeading());
        assertEquals("Top", render("# Top\n\ntext", null).leadingHeading());
    }

    @Test
    void markdownNestedTooDeeplyIsAContentProblemNotAStackOverflow() {
        // "- - - … x" nests a list in a list for each "- ", which commonmark renders by recursion: a 2 KB file
        // overflows a 1 MB thread stack; 50,000 levels overflow any stack a JVM here is given.
        for (String nested : List.of("- ".repeat(50_000) + "x", "> ".repeat(50_000) + "x", "1. ".repeat(50_000) + "x")) {
            ContentException e = assertThrows(ContentException.class, () -> renderer.render(nested, "T"));
            assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        }
        assertTrue(render("- ".repeat(20) + "x", "T").text().contains("x"), "ordinary nesting still renders");
        assertTrue(render("> ".repeat(150) + "x", "T").text().contains("x"), "150 quotes inside one another render");
        assertThrows(ContentException.class, () -> renderer.render("> ".repeat(250) + "x", "T"),
                "the limit does not depend on the thread's stack");
    }

    @Test
    void lineBreaksCollapseAsTheRegularExpressionDidInOnePass() {
        // The one-pass version against the expression it replaced, on text made of the characters that matter.
        Random random = new Random(46);
        char[] alphabet = {'a', ' ', '\t', '\n', '\r', '\f', '\u000B', 'b'};
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            // The replaced expression was written "[ \t]*\n[\n\s]*" in Java source, where \s is a space.
            assertEquals(text.toString().replaceAll("[ \t]*\n[\n ]*", "\n"),
                    MarkdownRenderer.collapseLineBreaks(text), () -> "for " + text.toString().replace("\n", "\\n"));
        }
        String spaces = "a" + " ".repeat(400_000) + "b";
        assertEquals(spaces, MarkdownRenderer.collapseLineBreaks(spaces), "blanks without a line break are kept");
    }
}
