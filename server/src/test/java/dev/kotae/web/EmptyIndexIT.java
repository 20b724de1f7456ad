package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero articles is a normal state, however the index got there: a fresh install over an empty content
 * folder, or the last article deleted while the server runs. Every page and API answers as it would for
 * a search that finds nothing, never a 500.
 */
class EmptyIndexIT {

    @TempDir
    Path work;

    @Test
    void freshInstallOverAnEmptyFolderServesEveryPath() throws Exception {
        Path content = Files.createDirectories(work.resolve("content"));
        try (KotaeServer server = KotaeServer.over(content, work.resolve("data"))) {
            assertEmptyEverywhere(server);
        }
    }

    @Test
    void deletingTheLastArticleWhileRunningServesEveryPath() throws Exception {
        Path content = Files.createDirectories(work.resolve("content"));
        Path only = content.resolve("only.md");
        Files.writeString(only, """
                ---
                title: 返金の時期
                category: お支払い
                tags: [返金]
                questions: [返金はいつですか]
                ---
                返金はご注文のキャンセルから五日以内に行います。""", StandardCharsets.UTF_8);
        try (KotaeServer server = KotaeServer.over(content, work.resolve("data"))) {
            assertEquals(200, server.get("/api/v1/articles/only").status(), "the single article is served");
            assertEquals(200, server.get("/articles/only").status(), "its page has no related articles, and shows");

            Files.delete(only);
            await("the last article is gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> server.get("/api/v1/articles/only").status() == 404);
            assertEmptyEverywhere(server);
        }
    }

    private static void assertEmptyEverywhere(KotaeServer server) {
        for (String token : new String[] {null, KotaeServer.AGENT_TOKEN}) {
            for (String q : new String[] {"返金", "refund", "へんき"}) {
                KotaeServer.Reply search = server.query("/api/v1/search", token, Map.of("q", q));
                assertEquals(200, search.status(), search.body());
                assertEquals(0, search.json().get("total").asInt(), search.body());
                assertEquals(0, search.json().get("hits").size(), search.body());

                KotaeServer.Reply filtered = server.query("/api/v1/search", token,
                        Map.of("q", q, "type", "faq", "category", "お支払い", "tag", "返金"));
                assertEquals(200, filtered.status(), filtered.body());
                assertEquals(0, filtered.json().get("total").asInt(), filtered.body());

                KotaeServer.Reply suggest = server.query("/api/v1/suggest", token, Map.of("q", q));
                assertEquals(200, suggest.status(), suggest.body());
                assertEquals(0, suggest.json().get("suggestions").size(), suggest.body());

                KotaeServer.Reply page = server.query("/search", token, Map.of("q", q));
                assertEquals(200, page.status(), page.body());
                assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            }
            KotaeServer.Reply categories = server.get("/api/v1/categories", token);
            assertEquals(200, categories.status(), categories.body());
            JsonNode list = categories.json().get("categories");
            assertEquals(0, list == null ? 0 : list.size(), categories.body());

            KotaeServer.Reply home = server.get("/", token);
            assertEquals(200, home.status(), home.body());
            KotaeServer.Reply browse = server.get("/search", token);
            assertEquals(200, browse.status(), browse.body());

            KotaeServer.Reply missing = server.get("/api/v1/articles/only", token);
            assertEquals(404, missing.status(), missing.body());
            assertEquals("not_found", missing.json().get("error").get("code").asText(), missing.body());
            KotaeServer.Reply missingPage = server.get("/articles/only", token);
            assertEquals(404, missingPage.status(), missingPage.body());
            assertTrue(missingPage.contentType().startsWith("text/html"), missingPage.contentType());
        }
        KotaeServer.Reply sitemap = server.get("/sitemap.xml");
        assertEquals(200, sitemap.status(), sitemap.body());
        assertTrue(sitemap.body().contains("<urlset"), sitemap.body());
        KotaeServer.Reply status = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, status.status(), status.body());
        assertEquals(0, status.json().get("articles").get("total").asInt(), status.body());
        assertEquals(200, server.get("/readyz").status());
    }
}
