package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit binds a plugin's settings exactly as the server does: the same {@code kotae.yml} block
 * gives the same record, or the same message, through {@link FakePluginContext} and through the server's
 * {@link HostedPluginContext}. (Before they shared code, the kit could not read a {@code LocalDate} the
 * server read, and its messages lacked the key's path.)
 */
class SettingsParityTest {

    record Window(String name, Integer days) {
        Window {
            if (days != null && days < 1) {
                throw new IllegalArgumentException("days must be at least 1, was " + days);
            }
        }
    }

    record Settings(String url, LocalDate since, Duration timeout, List<Window> windows, Boolean enabled) {}

    @TempDir
    Path base;

    private PluginContext server(Map<String, Object> settings) {
        return new HostedPluginContext("parity", settings, base, base.resolve("data"), null, null, null, null);
    }

    private PluginContext testKit(Map<String, Object> settings) {
        return new FakePluginContext("parity", base).withSettings(settings);
    }

    @Test
    void theSameBlockBindsToTheSameRecord() {
        Map<String, Object> block = Map.of("url", "https://hooks.example.com/x", "since", "2026-04-01",
                "timeout", "PT5S", "windows", List.of(Map.of("name", "week", "days", 7)), "enabled", true);
        Settings expected = new Settings("https://hooks.example.com/x", LocalDate.of(2026, 4, 1),
                Duration.ofSeconds(5), List.of(new Window("week", 7)), true);
        assertEquals(expected, server(block).settings(Settings.class));
        assertEquals(expected, testKit(block).settings(Settings.class));
    }

    @Test
    void theSameMistakesGiveTheSameMessages() {
        Map<String, Map<String, Object>> mistakes = new HashMap<>();
        mistakes.put("unknown key", Map.of("windows", List.of(Map.of("nmae", "week"))));
        mistakes.put("wrong type", Map.of("windows", List.of(Map.of("days", 2.5))));
        mistakes.put("plugin's own check", Map.of("windows", List.of(Map.of("days", 0))));
        mistakes.put("bad date", Map.of("since", "1 April"));
        mistakes.put("not a list", Map.of("windows", "week"));
        for (Map.Entry<String, Map<String, Object>> mistake : mistakes.entrySet()) {
            String fromServer = message(this::server, mistake.getValue());
            assertEquals(fromServer, message(this::testKit, mistake.getValue()), mistake.getKey());
            assertEquals(true, fromServer.startsWith("plugins.parity"), mistake.getKey() + ": " + fromServer);
        }
        assertEquals("plugins.parity.windows[0].nmae: unknown setting (known: days, name)",
                message(this::testKit, mistakes.get("unknown key")));
        assertEquals("plugins.parity.windows[0]: days must be at least 1, was 0",
                message(this::testKit, mistakes.get("plugin's own check")));
    }

    @Test
    void bothHandThePluginTheSameUnmodifiableCopy() {
        List<Object> windows = new ArrayList<>(List.of(Map.of("name", "week")));
        Map<String, Object> block = new HashMap<>(Map.of("windows", windows));
        for (PluginContext context : List.of(server(block), testKit(block))) {
            @SuppressWarnings("unchecked")
            List<Object> seen = (List<Object>) context.settings().get("windows");
            assertThrows(UnsupportedOperationException.class, () -> seen.add("more"), context.getClass().getName());
        }
        PluginContext server = server(block);
        PluginContext testKit = testKit(block);
        windows.add(Map.of("name", "month")); // the caller's map changes later: neither copy does
        assertEquals(List.of(Map.of("name", "week")), server.settings().get("windows"));
        assertEquals(server.settings(), testKit.settings(), "equal copies of the same block");
    }

    private static String message(Function<Map<String, Object>, PluginContext> context, Map<String, Object> block) {
        return assertThrows(IllegalArgumentException.class, () -> context.apply(block).settings(Settings.class))
                .getMessage();
    }
}
