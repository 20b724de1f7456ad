package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script in an article's Markdown or front matter reaches clients inert, through article and search. */
class MarkdownSafetyIT {

    private static final Pattern LIVE_TAG = Pattern.compile("<(script|img|iframe|svg)[\\s>]", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path work;

    @Test
    void hostileMarkdownRendersInert() throws Exception {
        Path content = work.resolve("content/en");
        Files.createDirectories(content);
        Files.writeString(content.resolve("hostile.md"), """
                ---
                title: "Payment <script>alert('title')</script> help"
                category: "<img src=x onerror=alert(1)>"
                tags: ["<b>bold</b>"]
                ---
                Pay safely. <script>alert('body')</script>

                <img src="x" onerror="alert('img')">

                <iframe src="https://evil.example"></iframe>

                [click me](javascript:alert('link')) and [data](data:text/html;base64,PHNjcmlwdD4=)

                <a href="javascript:alert(1)">raw link</a>

                | a | b |
                |---|---|
                | <script>x</script> | ok |
                """, StandardCharsets.UTF_8);
        try (KotaeServer server = KotaeServer.over(work.resolve("content"), work.resolve("data"))) {
            KotaeServer.Reply article = server.get("/api/v1/articles/hostile");
            assertEquals(200, article.status(), article.body());
            String html = article.json().get("html").asText();
            assertFalse(LIVE_TAG.matcher(html).find(), html);
            assertFalse(html.contains("href=\"javascript:"), html);
            assertFalse(html.contains("href=\"data:"), html);
            assertFalse(Pattern.compile("<[^>]*onerror=", Pattern.CASE_INSENSITIVE).matcher(html).find(), html);
            assertTrue(html.contains("&lt;script&gt;"), "raw HTML should show as text: " + html);
            assertTrue(html.contains("<table>"), html);

            String snippet = server.query("/api/v1/search", null, Map.of("q", "pay safely")).json()
                    .get("hits").get(0).get("snippet").asText();
            assertFalse(LIVE_TAG.matcher(snippet).find(), snippet);
            assertTrue(snippet.contains("<mark>"), snippet);
            assertTrue(article.contentType().startsWith("application/json"));
        }
    }
}
