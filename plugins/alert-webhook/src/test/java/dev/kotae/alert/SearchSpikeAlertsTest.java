package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.alert.WebhookSender.Response;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.SearchEvent;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The extension as the server drives it: settings, search events in, a message out on the sender thread. */
class SearchSpikeAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void refusesToStartWithoutAWebhook() {
        SearchSpikeAlerts alerts = new SearchSpikeAlerts();
        var e = assertThrows(IllegalArgumentException.class,
                () -> alerts.start(new FakePluginContext("alert-webhook", Path.of(".")).withSettings(Map.of("minCount", 5))));
        assertTrue(e.getMessage().contains("webhookUrl is required"), e.getMessage());
    }

    @Test
    void postsOneMessageForASpikeOfSearchEvents() throws Exception {
        LinkedBlockingQueue<String> posted = new LinkedBlockingQueue<>();
        SearchSpikeAlerts alerts = new SearchSpikeAlerts(Clock.fixed(T0, ZoneOffset.UTC), d -> { });
        alerts.start("alert-webhook", Fixtures.settings("dashboardUrl", "https://help.example.com/analytics"), json -> {
            posted.add(json);
            return new Response(200, null);
        });
        WebhookSender sender = alerts.sender();
        assertTrue(sender.running());
        try {
            Instant later = T0.plus(Duration.ofHours(3));
            alerts.onEvent(new ClickEvent(later, null, "ログイン", "a", 1));
            for (int i = 0; i < 30; i++) {
                alerts.onEvent(new SearchEvent(later.plusSeconds(i), "s" + i, "ログイン", "ja", 0, List.of(), "api"));
            }
            String json = posted.poll(10, TimeUnit.SECONDS);
            JsonNode message = new ObjectMapper().readTree(json);
            assertTrue(message.get("text").asText().contains("\u201cログイン\u201d searched 20 times"), json);
            assertTrue(message.get("blocks").isArray(), json);
        } finally {
            alerts.stop();
        }
        assertEquals(List.of(), List.copyOf(posted), "one message only: the term cools down");
        assertFalse(sender.running(), "stop() ends the sender thread");
        assertNull(alerts.sender());
        // Events can still arrive after stop: ignored, no exception.
        alerts.onEvent(new SearchEvent(T0, null, "x", null, 0, List.of(), "api"));
    }
}
