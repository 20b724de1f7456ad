package dev.kotae.widget.deflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the server binds them ({@code PluginContext.settings(DeflectSettings.class)}). */
class DeflectSettingsTest {

    @Test
    void defaultsWhenEmpty() {
        assertEquals(new DeflectSettings(3, 2), bind(Map.of()));
    }

    @Test
    void absentOrNullValueMeansDefault() {
        // The binder passes null for an absent key and for a key without a value ("maxResults:").
        assertEquals(new DeflectSettings(3, 2), new DeflectSettings(null, null));
        assertEquals(3, new DeflectSettings(null, 1).maxResults());
        assertEquals(2, new DeflectSettings(5, null).minQueryLength());
    }

    @Test
    void readsBothKeysAndNumericStrings() {
        assertEquals(new DeflectSettings(5, 1), bind(Map.of("maxResults", 5, "minQueryLength", 1)));
        // YAML sometimes hands over quoted numbers; they are still numbers.
        assertEquals(new DeflectSettings(4, 2), bind(Map.of("maxResults", "4")));
    }

    @Test
    void rejectsUnknownKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> bind(Map.of("maxResult", 3)));
        assertTrue(e.getMessage().contains("maxResult") && e.getMessage().contains("maxResults"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertMessage(Map.of("maxResults", 0), "maxResults must be between 1 and 5, was 0");
        assertMessage(Map.of("maxResults", 6), "maxResults must be between 1 and 5, was 6");
        assertMessage(Map.of("minQueryLength", 0), "minQueryLength must be between 1 and 50, was 0");
        assertMessage(Map.of("minQueryLength", 51), "minQueryLength must be between 1 and 50, was 51");
    }

    @Test
    void rejectsWrongTypes() {
        assertMessage(Map.of("maxResults", "three"), "maxResults", "\"three\"");
        assertMessage(Map.of("maxResults", 2.5), "maxResults", "2.5");
        assertMessage(Map.of("minQueryLength", Map.of("a", 1)), "minQueryLength");
    }

    private static DeflectSettings bind(Map<String, Object> settings) {
        return new FakePluginContext("widget-contact-deflect", Path.of(".")).withSettings(settings)
                .settings(DeflectSettings.class);
    }

    /** Refused, with a message naming the key (and the value, where given) for the administrator. */
    private static void assertMessage(Map<String, Object> settings, String... expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> bind(settings));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
