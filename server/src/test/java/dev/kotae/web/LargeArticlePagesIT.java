package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long article is not held whole per request: the jar, on a 256 MB heap, answers 30 anonymous requests at
 * once for an article whose table of 1,000 columns (half a megabyte of Markdown) renders to megabytes of
 * HTML, every one with the whole page. (Rendered into a string, with its FAQ data repeating the HTML, the
 * same requests ran a 512 MB server out of memory and half of them were answered 500.)
 */
class LargeArticlePagesIT {

    private static final int REQUESTS = 30;

    @TempDir
    Path work;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void manyRequestsForALongArticleAreAllAnsweredWhole() throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        StringBuilder table = new StringBuilder("---\nid: wide-table\ntitle: Wide table\n---\n\n|");
        table.append("c|".repeat(1000)).append("\n|").append("-|".repeat(1000)).append('\n');
        for (int row = 0; row < 250; row++) {
            table.append('|').append("x|".repeat(1000)).append('\n');
        }
        Files.writeString(content.resolve("en/wide-table.md"), table, StandardCharsets.UTF_8);
        Path log = work.resolve("kotae.log");
        Process server = JarProcess.start(List.of("-Xmx256m"), content, work.resolve("data"), Map.of(), log);
        try {
            int port = JarProcess.awaitReady(server, log, client);
            URI page = URI.create("http://127.0.0.1:" + port + "/articles/wide-table");
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(page).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(3, TimeUnit.MINUTES);
                assertEquals(200, response.statusCode(), () -> response.body().substring(0,
                        Math.min(300, response.body().length())));
                assertTrue(response.body().strip().endsWith("</html>"), "the whole page");
                assertTrue(response.body().length() > 1_000_000, "the table is on the page");
                // The FAQ data gives the answer's text, cut, not the megabytes of its HTML again.
                int data = response.body().indexOf("application/ld+json");
                assertTrue(data > 0 && response.body().indexOf("</script>", data) - data < 25_000,
                        "the FAQ data is bounded");
            }
            JarProcess.requireAlive(server, log);
            assertTrue(!Files.readString(log).contains("OutOfMemoryError"), "no OutOfMemoryError in the log");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
