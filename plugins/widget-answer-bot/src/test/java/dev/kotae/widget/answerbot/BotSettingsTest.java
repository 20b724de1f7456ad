package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BotSettingsTest {

    @Test
    void defaults() {
        BotSettings settings = BotSettings.from(Map.of());
        assertEquals(10.0, settings.minScore());
        assertEquals(1.25, settings.minRatio());
        assertEquals(160, settings.summaryLength());
        assertNull(settings.contactUrl());
        assertEquals(settings, BotSettings.from(null));
        assertEquals(new ConfidenceRule(10.0, 1.25), settings.rule());
    }

    @Test
    void readsEveryKeyAndIntegersAsScores() {
        BotSettings settings = BotSettings.from(Map.of("minScore", 3, "minRatio", 1.5, "summaryLength", 200,
                "contactUrl", "https://shop.example.com/contact?from=bot"));
        assertEquals(new BotSettings(3.0, 1.5, 200, "https://shop.example.com/contact?from=bot"), settings);
        assertEquals("/contact", BotSettings.from(Map.of("contactUrl", "/contact")).contactUrl());
    }

    @Test
    void rejectsUnknownKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> BotSettings.from(Map.of("min_score", 3)));
        assertTrue(e.getMessage().contains("min_score") && e.getMessage().contains("minScore"), e.getMessage());
    }

    @Test
    void rejectsBadValues() {
        assertMessage("minScore", Map.of("minScore", -1));
        assertMessage("minScore", Map.of("minScore", "high"));
        assertMessage("minRatio", Map.of("minRatio", 0.9));
        assertMessage("summaryLength", Map.of("summaryLength", 39));
        assertMessage("summaryLength", Map.of("summaryLength", 1001));
        assertMessage("summaryLength", Map.of("summaryLength", 100.5));
    }

    @Test
    void rejectsUnsafeContactUrls() {
        for (String url : new String[] {"javascript:alert(1)", "//evil.example", "contact", "ftp://x", "/a b",
                "data:text/html,x"}) {
            assertMessage("contactUrl", Map.of("contactUrl", url));
        }
    }

    private static void assertMessage(String expected, Map<String, Object> settings) {
        var e = assertThrows(IllegalArgumentException.class, () -> BotSettings.from(settings));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("byte offset"), "no Jackson source location: " + e.getMessage());
    }
}
