package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the server binds them ({@code PluginContext.settings(BotSettings.class)}). */
class BotSettingsTest {

    @Test
    void defaults() {
        BotSettings settings = bind(Map.of());
        assertEquals(4.0, settings.minScore());
        assertEquals(1.25, settings.minRatio());
        assertEquals(160, settings.summaryLength());
        assertNull(settings.contactUrl());
        assertEquals(new ConfidenceRule(4.0, 1.25), settings.rule());
        assertEquals(settings, new BotSettings(null, null, null, null), "an absent key is null: the default");
    }

    @Test
    void readsEveryKeyAndIntegersAsScores() {
        BotSettings settings = bind(Map.of("minScore", 3, "minRatio", 1.5, "summaryLength", 200,
                "contactUrl", "https://shop.example.com/contact?from=bot"));
        assertEquals(new BotSettings(3.0, 1.5, 200, "https://shop.example.com/contact?from=bot"), settings);
        assertEquals("/contact", bind(Map.of("contactUrl", "/contact")).contactUrl());
    }

    @Test
    void rejectsUnknownKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> bind(Map.of("min_score", 3)));
        assertTrue(e.getMessage().contains("min_score") && e.getMessage().contains("minScore"), e.getMessage());
    }

    @Test
    void rejectsBadValues() {
        assertMessage(Map.of("minScore", -1), "minScore must be a number of at least 0, was -1.0");
        assertMessage(Map.of("minScore", "high"), "minScore", "\"high\"");
        assertMessage(Map.of("minRatio", 0.9), "minRatio must be a number of at least 1, was 0.9");
        assertMessage(Map.of("summaryLength", 39), "summaryLength must be between 40 and 1000, was 39");
        assertMessage(Map.of("summaryLength", 1001), "summaryLength must be between 40 and 1000, was 1001");
        assertMessage(Map.of("summaryLength", 100.5), "summaryLength", "100.5");
    }

    @Test
    void rejectsUnsafeContactUrls() {
        for (String url : new String[] {"javascript:alert(1)", "//evil.example", "contact", "ftp://x", "/a b",
                "data:text/html,x"}) {
            assertMessage(Map.of("contactUrl", url), "contactUrl must be an http(s) URL");
        }
    }

    private static BotSettings bind(Map<String, Object> settings) {
        return new FakePluginContext("widget-answer-bot", Path.of(".")).withSettings(settings)
                .settings(BotSettings.class);
    }

    /** Refused, with a message naming the key (and the value, where given) for the administrator. */
    private static void assertMessage(Map<String, Object> settings, String... expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> bind(settings));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
