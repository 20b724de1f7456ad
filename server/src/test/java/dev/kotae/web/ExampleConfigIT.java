package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.KotaeApp;
import dev.kotae.config.ConfigLoader;
import dev.kotae.config.KotaeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code examples/kotae-plugins.yml} starts every bundled plugin it should: each plugin the
 * build puts in {@code server/target/plugins} needs a block there (one that needs settings would otherwise
 * fail to start), and {@code alert-webhook} stays disabled until it is given a real webhook URL.
 */
class ExampleConfigIT {

    @Test
    void theExampleConfigStartsTheBundledPlugins(@TempDir Path data) throws Exception {
        Path example = KotaeServer.sampleContent().resolve("../examples/kotae-plugins.yml").normalize();
        KotaeConfig config = ConfigLoader.load(example, Map.of())
                .withData(data).withHost("127.0.0.1").withPort(0);
        try (KotaeApp app = KotaeApp.start(config)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/admin/status"))
                    .header("Authorization", "Bearer demo-admin-token-change-me").build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            Map<String, String> states = new TreeMap<>();
            for (JsonNode plugin : KotaeServer.JSON.readTree(body).get("plugins")) {
                states.put(plugin.get("id").asText(), plugin.get("state").asText());
            }
            assertEquals(Map.of("source-csv", "started", "source-zendesk", "started", "widget-contact-deflect", "started",
                    "widget-answer-bot", "started", "alert-webhook", "disabled"), states, body);
        }
    }
}
