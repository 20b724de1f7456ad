package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.index.FaultyDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed index write (a full disk) does not stop indexing for good: the server says it is degraded
 * (readiness, health, admin status, metrics), goes on serving its last index, refuses an admin reindex with
 * a clear 503, and once the disk has room again reopens its writer by itself and indexes what was lost.
 */
class IndexWriteFailureIT {

    private static final String WORD = "zanzibarquux";

    @TempDir
    Path work;

    @Test
    void aFullDiskDegradesTheIndexUntilItRecoversOnItsOwn() throws Exception {
        AtomicReference<FaultyDirectory> disk = new AtomicReference<>();
        try (KotaeServer server = KotaeServer.withIndexDirectories(work, FaultyDirectory.opening(disk))) {
            assertEquals("{\"status\":\"ready\"}", server.get("/readyz").body());
            assertEquals("{\"status\":\"ok\"}", server.get("/healthz").body());
            assertEquals(1.0, server.metric("kotae_index_writable"));
            assertEquals(0.0, server.metric("kotae_degraded"));

            disk.get().fail(true);
            Path article = server.content().resolve("ja/returns/refund-timing.md");
            Files.writeString(article, Files.readString(article, StandardCharsets.UTF_8) + "\n\n" + WORD + "\n",
                    StandardCharsets.UTF_8);

            await("the failed write shows as degraded").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> server.get("/readyz").body().contains("degraded"));
            KotaeServer.Reply ready = server.get("/readyz");
            assertEquals(200, ready.status(), "a replica serving its last index stays in rotation");
            assertTrue(server.get("/readyz", KotaeServer.ADMIN_TOKEN).json().get("degraded").get("index").asText()
                    .contains("No space left on device"), "an admin sees why");
            assertFalse(ready.body().contains("No space") || ready.body().contains(server.data().toString()),
                    "anyone else sees only which part: " + ready.body());
            assertTrue(ready.json().get("degraded").has("index"), ready.body());
            KotaeServer.Reply health = server.get("/healthz");
            assertEquals(200, health.status(), health.body());
            assertEquals("degraded", health.json().get("status").asText(), health.body());
            JsonNode status = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json();
            assertTrue(status.get("degraded").get("index").asText().contains("index write failed"), status.toString());
            assertFalse(status.get("index").get("writable").asBoolean(), status.toString());
            assertEquals(0.0, server.metric("kotae_index_writable"));
            assertEquals(1.0, server.metric("kotae_degraded"));
            assertTrue(server.metric("kotae_index_write_failures_total") >= 1);

            assertEquals("refund-timing", server.searchIds("返金の時期", null).get(0), "the last index is served");
            KotaeServer.Reply reindex = server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(503, reindex.status(), reindex.body());
            assertEquals("index_unavailable", reindex.json().get("error").get("code").asText(), reindex.body());

            double failures = server.metric("kotae_index_write_failures_total");
            await("a recovery attempt fails too while the disk stays full").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> server.metric("kotae_index_write_failures_total") > failures);
            assertEquals(503, server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN).status());
            assertEquals("degraded", server.get("/readyz").json().get("status").asText());

            disk.get().fail(false);
            await("the edit made while the disk was full becomes searchable").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> server.searchIds(WORD, null).contains("refund-timing"));
            await("the index is no longer degraded").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> server.get("/readyz").body().equals("{\"status\":\"ready\"}"));
            assertEquals("{\"status\":\"ok\"}", server.get("/healthz").body());
            assertEquals(1.0, server.metric("kotae_index_writable"));
            assertEquals(0.0, server.metric("kotae_degraded"));
            JsonNode recovered = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json();
            assertTrue(recovered.get("index").get("writable").asBoolean(), recovered.toString());
            assertEquals(0, recovered.get("degraded").size(), recovered.toString());

            KotaeServer.Reply again = server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, again.status(), again.body());
            Files.writeString(article, Files.readString(article, StandardCharsets.UTF_8).replace(WORD, "quuxzanzibar"),
                    StandardCharsets.UTF_8);
            await("live reload works again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> server.searchIds("quuxzanzibar", null).contains("refund-timing"));
        }
    }
}
