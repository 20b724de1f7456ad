package dev.kotae.plugin.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {

    record File(String path, Integer limit) {
        File {
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
        }
    }

    record Settings(String sourceId, List<File> files) {}

    @Test
    void bindsNestedValuesAndLeavesAbsentKeysNull() {
        Settings settings = PluginSettings.bind("source-x", Map.of("files", List.of(Map.of("path", "a.csv", "limit", 3))),
                Settings.class);
        assertNull(settings.sourceId());
        assertEquals(List.of(new File("a.csv", 3)), settings.files());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginSettings.bind("source-x",
                Map.of("files", List.of(Map.of("path", "a.csv", "lmit", 3))), Settings.class));
        assertEquals("plugins.source-x.files[0].lmit: unknown setting (known: limit, path)", e.getMessage());
    }

    @Test
    void wrongTypesAndThePluginsOwnChecksAreReported() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> PluginSettings.bind("p",
                Map.of("files", List.of(Map.of("limit", 2.5))), Settings.class));
        assertEquals(true, type.getMessage().startsWith("plugins.p.files[0].limit: "), type.getMessage());

        IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> PluginSettings.bind("p",
                Map.of("files", List.of(Map.of("limit", 0))), Settings.class));
        assertEquals("plugins.p.files[0]: limit must be at least 1, was 0", own.getMessage());
    }
}
