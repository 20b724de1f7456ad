package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content folder deleted and re-created, or swapped for another by a deploy: the server keeps serving
 * its last index while the folder is missing and says so, then watches the folder that is there again and
 * resyncs it in full, with live reload working as before.
 */
class ContentFolderIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path work;

    @Test
    void aDeletedFolderKeepsTheIndexAndIsFollowedAgainOnceRecreated() throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            Path content = server.content();
            int articles = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json()
                    .get("articles").get("total").asInt();

            // Removed as a whole, as a deploy or an operator does: moved out of the way, then deleted.
            Path removed = work.resolve("removed");
            Files.move(content, removed);
            KotaeServer.deleteTree(removed);

            await("the missing folder is reported").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.get("/readyz").body().contains("degraded"));
            KotaeServer.Reply ready = server.get("/readyz");
            assertEquals(200, ready.status(), "the last index is still served, so the replica stays in rotation");
            assertTrue(server.get("/readyz", KotaeServer.ADMIN_TOKEN).json().get("degraded").get("content").asText()
                    .contains("missing"), "an admin sees why");
            assertFalse(ready.body().contains(content.toString()), "no server path for anyone else: " + ready.body());
            assertEquals("degraded", server.get("/healthz").json().get("status").asText());
            assertEquals(1.0, server.metric("kotae_degraded"));
            JsonNode status = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json();
            assertEquals(articles, status.get("articles").get("total").asInt(), "no article was removed: " + status);
            assertEquals("refund-timing", server.searchIds("返金の時期", null).get(0));
            KotaeServer.Reply reindex = server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(503, reindex.status(), reindex.body());
            assertEquals("content_unavailable", reindex.json().get("error").get("code").asText());
            assertEquals(articles, server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json()
                    .get("articles").get("total").asInt(), "a refused reindex removed nothing");

            // Re-created with one article fewer and one new one: the new folder is the truth.
            KotaeServer.copyTree(KotaeServer.sampleContent(), content);
            Files.delete(content.resolve("ja/returns/refund-timing.md"));
            Files.writeString(content.resolve("ja/gift-card.md"), """
                    ---
                    title: ギフトカードの使い方
                    ---
                    ギフトカードはお支払い画面で使えます。""", StandardCharsets.UTF_8);

            await("the re-created folder is synced in full").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.get("/api/v1/articles/gift-card").status() == 200
                            && server.get("/api/v1/articles/refund-timing").status() == 404);
            await("no longer degraded").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.get("/readyz").body().equals("{\"status\":\"ready\"}"));
            assertEquals(0.0, server.metric("kotae_degraded"));

            Files.writeString(content.resolve("ja/gift-card.md"), """
                    ---
                    title: 商品券の使い方
                    ---
                    商品券はお支払い画面で使えます。""", StandardCharsets.UTF_8);
            await("live reload follows the re-created folder").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.searchIds("商品券", null).contains("gift-card"));
            assertEquals(200, server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN).status());
        }
    }

    @Test
    void aFolderSwappedForAnotherIsWatchedAndSyncedInFull() throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            Path content = server.content();
            Path next = work.resolve("content-next");
            KotaeServer.copyTree(KotaeServer.sampleContent(), next);
            Files.delete(next.resolve("ja/returns/refund-timing.md"));
            Files.writeString(next.resolve("ja/gift-card.md"), "---\ntitle: ギフトカードの使い方\n---\n本文です。",
                    StandardCharsets.UTF_8);

            Files.move(content, work.resolve("content-previous"));
            Files.move(next, content);

            await("the swapped-in folder is synced in full").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.get("/api/v1/articles/gift-card").status() == 200
                            && server.get("/api/v1/articles/refund-timing").status() == 404);
            Files.writeString(content.resolve("ja/gift-card.md"), "---\ntitle: 商品券の使い方\n---\n本文です。",
                    StandardCharsets.UTF_8);
            await("live reload follows the swapped-in folder").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.searchIds("商品券", null).contains("gift-card"));
            Files.writeString(work.resolve("content-previous/ja/old-only.md"), "---\ntitle: 古い\n---\n古い",
                    StandardCharsets.UTF_8);
            Files.writeString(content.resolve("ja/barrier.md"), "---\ntitle: 区切り\n---\n区切り", StandardCharsets.UTF_8);
            await("a later change in the folder is applied").atMost(WAIT).pollInterval(POLL)
                    .until(() -> server.get("/api/v1/articles/barrier").status() == 200);
            assertEquals(404, server.get("/api/v1/articles/old-only").status(), "the folder moved away is not followed");
            assertEquals("{\"status\":\"ready\"}", server.get("/readyz").body());
        }
    }
}
