package dev.kotae.widget.deflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeflectSettingsTest {

    @Test
    void defaultsWhenEmptyOrMissing() {
        assertEquals(new DeflectSettings(3, 2), DeflectSettings.from(Map.of()));
        assertEquals(new DeflectSettings(3, 2), DeflectSettings.from(null));
        assertEquals(new DeflectSettings(3, 2), DeflectSettings.defaults());
    }

    @Test
    void readsBothKeysAndNumericStrings() {
        assertEquals(new DeflectSettings(5, 1), DeflectSettings.from(Map.of("maxResults", 5, "minQueryLength", 1)));
        // YAML sometimes hands over quoted numbers; they are still numbers.
        assertEquals(new DeflectSettings(4, 2), DeflectSettings.from(Map.of("maxResults", "4")));
    }

    @Test
    void nullValueMeansDefault() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("maxResults", null);
        assertEquals(3, DeflectSettings.from(settings).maxResults());
    }

    @Test
    void rejectsUnknownKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> DeflectSettings.from(Map.of("maxResult", 3)));
        assertTrue(e.getMessage().contains("maxResult") && e.getMessage().contains("known"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertMessage("maxResults must be between 1 and 5", Map.of("maxResults", 0));
        assertMessage("maxResults must be between 1 and 5", Map.of("maxResults", 6));
        assertMessage("minQueryLength must be between 1 and 50", Map.of("minQueryLength", 0));
    }

    @Test
    void rejectsWrongTypes() {
        assertMessage("maxResults", Map.of("maxResults", "three"));
        assertMessage("maxResults", Map.of("maxResults", 2.5));
        assertMessage("minQueryLength", Map.of("minQueryLength", Map.of("a", 1)));
    }

    private static void assertMessage(String expected, Map<String, Object> settings) {
        var e = assertThrows(IllegalArgumentException.class, () -> DeflectSettings.from(settings));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("byte offset"), "no Jackson source location: " + e.getMessage());
    }
}
