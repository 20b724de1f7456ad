package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness means ready: {@code /readyz} answers 503 until every enabled plugin content source has been
 * loaded once, and a source that never answers holds it up by one time box only (it counts as loaded,
 * with its error reported).
 */
class PluginReadinessIT {

    @TempDir
    Path work;

    @Test
    void readyOnlyOnceEverySourceHasLoadedOrTimedOut() throws Exception {
        Path release = work.resolve("release-slow-source");
        Path plugins = KotaeServer.pluginFolder(work, "test-broken.jar");
        PluginsConfig config = new PluginsConfig(plugins, Duration.ofSeconds(8),
                Map.of("test-broken", Map.of("releaseFile", release.toString())), work);
        try (KotaeServer server = KotaeServer.withPlugins(work, config)) {
            KotaeServer.Reply notYet = server.get("/readyz");
            assertEquals(503, notYet.status(), "the slow source has not answered yet: " + notYet.body());
            assertTrue(notYet.json().get("error").get("message").asText().contains("plugin content source"),
                    notYet.body());
            assertEquals(0.0, server.metric("kotae_ready"));
            assertEquals(false, server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("ready")
                    .asBoolean());

            Files.createFile(release);
            await("ready once the slow source has answered and the hanging one has timed out")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> server.get("/readyz").status() == 200);
            assertEquals("slow:late", server.searchIds("Late arrival from a slow source", null).get(0),
                    "ready means the source's articles are searchable");
            JsonNode broken = server.pluginStatus("test-broken");
            JsonNode hang = null;
            for (JsonNode source : broken.get("sources")) {
                if (source.get("sourceId").asText().equals("hang")) {
                    hang = source;
                }
            }
            assertEquals("failed", hang.get("state").asText(), "a source that timed out is reported: " + hang);
            assertTrue(hang.get("error").asText().contains("did not return within 8 s"), hang.toString());
            assertEquals(1.0, server.metric("kotae_ready"));
        }
    }
}
