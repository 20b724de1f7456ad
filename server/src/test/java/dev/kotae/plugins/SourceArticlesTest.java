package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.content.ContentException;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.plugin.SourceArticle;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plugin's article meets the rules a Markdown file's front matter meets, text and bounds alike. */
class SourceArticlesTest {

    private final SourceArticles articles = new SourceArticles(new MarkdownRenderer(), Set.of("ja", "en"), "ja");

    private String refused(SourceArticle.Builder article) {
        return assertThrows(ContentException.class,
                () -> articles.convert("p", "src", article.build())).getMessage();
    }

    private static SourceArticle.Builder valid() {
        return SourceArticle.builder().id("a-1").title("返金について").body("本文");
    }

    @Test
    void textAPageWouldServeAsIsIsRefused() throws ContentException {
        assertEquals("返金について", articles.convert("p", "src", valid().build()).title());
        // A NUL or a bell in a title reached the page's <title> and JSON-LD from a plugin, where a file was refused.
        assertEquals("title must not contain control characters", refused(valid().title("返金\u0000\u0007")));
        assertEquals("title must be a single line", refused(valid().title("返金\nについて")));
        assertEquals("category must not contain control characters", refused(valid().category("請求\u001b[31m")));
        assertEquals("tag must not contain control characters", refused(valid().tags(List.of("ok", "bell\u0007"))));
        assertEquals("question must be a single line", refused(valid().questions(List.of("いつ\u2028返金"))));
        // Shown as "refund policy" followed by "evil" reversed: text that reads otherwise than it says.
        assertEquals("title must not contain a bidirectional override (U+202D, U+202E)",
                refused(valid().title("refund policy \u202Elive\u202C")));
        assertEquals("tag must not contain a bidirectional override (U+202D, U+202E)",
                refused(valid().tags(List.of("\u202Dok"))));
    }

    @Test
    void questionsAndTagsAreBoundedAsInFiles() {
        assertEquals("more than 100 tags (101)", refused(valid().tags(
                java.util.stream.IntStream.rangeClosed(0, 100).mapToObj(i -> "t" + i).toList())));
        assertEquals("question '" + "q".repeat(39) + "…' is longer than 1000 characters",
                refused(valid().questions(List.of("q".repeat(1001)))));
    }
}
