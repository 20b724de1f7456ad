package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the server binds them ({@code PluginContext.settings(AlertSettings.class)}). */
class AlertSettingsTest {

    @Test
    void defaults() {
        AlertSettings settings = Fixtures.settings();
        assertEquals(Fixtures.WEBHOOK, settings.webhookUrl());
        assertNull(settings.dashboardUrl());
        SpikeRule rule = settings.rule();
        assertEquals(new SpikeRule(Duration.ofMinutes(1), 10, 12, 20, 3.0, 3.0, Duration.ofHours(1), 20, 10_000), rule);
        assertEquals(Duration.ofMinutes(10), rule.window());
        assertEquals(130, rule.span());
        assertEquals(3, settings.retries());
        assertEquals(10, settings.timeoutSeconds());
        assertEquals(100, settings.queueSize());
    }

    @Test
    void readsEveryKey() {
        AlertSettings s = Fixtures.settings("dashboardUrl", "https://help.example.com/analytics", "bucketSeconds", 1,
                "windowBuckets", 2, "baselineWindows", 4, "minCount", 8, "sigmas", 2, "minRatio", 1.5,
                "cooldownSeconds", 0, "maxAlertsPerHour", 5, "maxKeys", 50, "retries", 0, "timeoutSeconds", 3,
                "queueSize", 1);
        assertEquals(new SpikeRule(Duration.ofSeconds(1), 2, 4, 8, 2.0, 1.5, Duration.ZERO, 5, 50), s.rule());
        assertEquals("https://help.example.com/analytics", s.dashboardUrl());
        assertEquals(0, s.retries());
    }

    @Test
    void theWebhookUrlIsRequiredAndMustBeHttp() {
        assertMessage(Map.of(), "webhookUrl is required");
        for (String url : new String[] {"hooks.slack.com/x", "ftp://example.com/x", "javascript:alert(1)", "http:///x",
                "https://example.com/a b", "https://example.com/x#frag"}) {
            var e = assertMessage(Map.of("webhookUrl", url), "webhookUrl must be an absolute http(s) URL");
            assertFalse(url.length() > 12 && e.getMessage().contains(url), "the URL is a secret: not in the message");
        }
        assertMessage(Map.of("webhookUrl", Fixtures.WEBHOOK, "dashboardUrl", "/analytics"), "dashboardUrl must be");
    }

    @Test
    void rejectsUnknownKeysAndBadValues() {
        var unknown = assertMessage(Map.of("webhookUrl", Fixtures.WEBHOOK, "webhookURL", "x"), "webhookURL");
        assertTrue(unknown.getMessage().contains("webhookUrl"), "lists the known keys: " + unknown.getMessage());
        assertMessage(with("minCount", 0), "minCount must be between 1 and 1000000, was 0");
        assertMessage(with("minRatio", 0.5), "minRatio must be a number of at least 1.0, was 0.5");
        assertMessage(with("sigmas", -1), "sigmas must be a number of at least 0.0, was -1.0");
        assertMessage(with("bucketSeconds", 0), "bucketSeconds must be between 1 and 3600, was 0");
        assertMessage(with("baselineWindows", 1), "baselineWindows must be between 2 and 1000, was 1");
        assertMessage(with("cooldownSeconds", -1), "cooldownSeconds must be between 0");
        assertMessage(with("retries", 11), "retries must be between 0 and 10, was 11");
        assertMessage(with("minCount", "lots"), "minCount", "lots");
        assertMessage(with("windowBuckets", 1440, "baselineWindows", 100), "at most 20000 buckets");
        assertMessage(with("windowBuckets", 100, "baselineWindows", 99), "maxKeys must be at most 20000000 counters");
    }

    private static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("webhookUrl", Fixtures.WEBHOOK);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static IllegalArgumentException assertMessage(Map<String, Object> settings, String... expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> Fixtures.bind(settings));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        return e;
    }
}
