package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that throws on start, hangs in a source call, returns bad data and throws on events, next to
 * a file that is not a plugin at all: each fault is reported in admin status, and searching, the other
 * plugin and the good data keep working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenPluginIT {

    private Path work;
    private KotaeServer server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        Path plugins = KotaeServer.pluginFolder(work, "test-broken.jar", "widget-contact-deflect.jar");
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
        server = KotaeServer.withPlugins(work, new PluginsConfig(plugins, Duration.ofSeconds(1), Map.of(), work));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyFaultIsReportedInAdminStatus() throws Exception {
        JsonNode broken = awaitPlugin("test-broken", p -> source(p, "hang").get("state").asText().equals("failed"));
        assertEquals("degraded", broken.get("state").asText(), broken.toString());

        JsonNode widget = extension(broken, "Widget");
        assertEquals("failed", widget.get("state").asText());
        assertTrue(widget.get("error").asText().contains("broken on purpose"), widget.toString());

        JsonNode hang = source(broken, "hang");
        assertTrue(hang.get("error").asText().contains("did not return within 1 s"), hang.toString());

        JsonNode bad = source(broken, "bad");
        assertEquals("ok", bad.get("state").asText(), bad.toString());
        assertEquals(1, bad.get("articles").asInt(), "only the good article is indexed: " + bad);
        List<String> problems = bad.get("problems").findValuesAsText("message");
        assertEquals(6, problems.size(), "each bad article is reported: " + problems);
        String all = String.join("\n", problems);
        for (String reason : List.of("id 'no title' must be", "is not a language tag", "title is longer than",
                "'tlh' is not served", "null article", "duplicate id")) {
            assertTrue(all.contains(reason), "reported: " + reason + "\n" + all);
        }

        JsonNode corrupt = server.pluginStatus("corrupt.jar");
        assertEquals("failed", corrupt.get("state").asText());

        assertEquals("started", server.pluginStatus("widget-contact-deflect").get("state").asText(),
                "the other plugin is unaffected");
    }

    @Test
    void anExtensionRefusedAfterItStartedIsStopped() throws Exception {
        JsonNode broken = awaitPlugin("test-broken", p -> source(p, "hang").get("state").asText().equals("failed"));
        JsonNode refused = null;
        for (JsonNode extension : broken.get("extensions")) {
            if (extension.get("className").asText().endsWith(".RefusedSource")) {
                refused = extension;
            }
        }
        assertEquals("failed", refused.get("state").asText(), broken.toString());
        assertTrue(refused.get("error").asText().contains("source id 'Not a valid id!'"), refused.toString());
        Path pluginData = work.resolve("data/plugins/test-broken");
        assertTrue(Files.exists(pluginData.resolve("refused-source.started")), "it was started");
        assertTrue(Files.exists(pluginData.resolve("refused-source.stopped")), "and, once refused, stopped");
    }

    @Test
    void anExtensionWhoseStartThrewIsStopped() throws Exception {
        JsonNode broken = awaitPlugin("test-broken", p -> source(p, "hang").get("state").asText().equals("failed"));
        assertEquals("failed", extension(broken, "Widget").get("state").asText(), broken.toString());
        Path pluginData = work.resolve("data/plugins/test-broken");
        assertTrue(Files.exists(pluginData.resolve("exploding-widget.started")), "its start ran and threw");
        assertTrue(Files.exists(pluginData.resolve("exploding-widget.stopped")),
                "stop() is called for every start(), also one that threw");
    }

    @Test
    void searchAndTheGoodDataKeepWorking() throws Exception {
        awaitPlugin("test-broken", p -> source(p, "hang").get("state").asText().equals("failed"));
        assertFalse(server.searchIds("返品", null).isEmpty(), "Markdown search works while a plugin thread hangs");
        assertEquals("bad:good", server.searchIds("Survivor among broken rows", null).get(0));
        assertEquals(200, server.query("/api/v1/widgets/widget-contact-deflect/suggest", null,
                Map.of("q", "後払い", "locale", "ja")).status());
        assertEquals(404, server.get("/widgets/test-broken/anything.js").status(), "a failed widget is not served");
    }

    @Test
    void aThrowingListenerIsCountedAndDoesNotDisturbSearching() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, server.query("/api/v1/search", null, Map.of("q", "配送")).status());
        }
        await("listener errors are counted in /metrics").atMost(Duration.ofSeconds(10))
                .until(() -> server.get("/metrics").body(),
                        metrics -> metrics.contains("kotae_event_subscriber_errors_total{subscriber=\"plugin-test-broken\"}"));
    }

    @Test
    void reindexFinishesDespiteTheHangingSource() {
        KotaeServer.Reply reply = server.post("/api/v1/admin/reindex", "", KotaeServer.ADMIN_TOKEN);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().get("reindexed").asInt() > 50, reply.body());
        assertEquals("bad:good", server.searchIds("Survivor among broken rows", null).get(0));
    }

    private JsonNode awaitPlugin(String id, java.util.function.Predicate<JsonNode> condition) {
        return await("plugin " + id + " reaches the expected state").atMost(Duration.ofSeconds(15))
                .until(() -> server.pluginStatus(id), plugin -> {
                    try {
                        return condition.test(plugin);
                    } catch (AssertionError notYet) {
                        return false; // its sources are not registered yet
                    }
                });
    }

    private static JsonNode extension(JsonNode plugin, String type) {
        for (JsonNode extension : plugin.get("extensions")) {
            if (extension.get("type").asText().equals(type)) {
                return extension;
            }
        }
        throw new AssertionError("no " + type + " extension in " + plugin);
    }

    private static JsonNode source(JsonNode plugin, String sourceId) {
        for (JsonNode source : plugin.get("sources")) {
            if (source.get("sourceId").asText().equals(sourceId)) {
                return source;
            }
        }
        throw new AssertionError("no source " + sourceId + " in " + plugin);
    }
}
