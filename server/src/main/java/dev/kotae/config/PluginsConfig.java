package dev.kotae.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where plugins live and how they are configured: {@code plugins:} in {@code kotae.yml}.
 *
 * @param dir the folder scanned for plugin jars and zips, or {@code null} for no plugins
 * @param timeout how long one call into a plugin (start, list articles, widget request) may take
 * @param settings each plugin's block, by plugin id; {@code enabled: false} disables a plugin
 * @param base the folder relative paths in plugin settings are resolved against
 */
public record PluginsConfig(Path dir, Duration timeout, Map<String, Map<String, Object>> settings, Path base) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PluginsConfig {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("plugins.timeoutSeconds must be positive");
        }
        settings = Map.copyOf(settings);
    }

    public static PluginsConfig none() {
        return new PluginsConfig(null, DEFAULT_TIMEOUT, Map.of(), Path.of("").toAbsolutePath());
    }

    /** Whether the plugin may start: yes unless its block says {@code enabled: false}. */
    public boolean enabled(String pluginId) {
        Object flag = settings.getOrDefault(pluginId, Map.of()).get("enabled");
        return !(Boolean.FALSE.equals(flag) || "false".equals(flag));
    }

    /** The plugin's own settings, without the server's {@code enabled} key. */
    public Map<String, Object> settingsOf(String pluginId) {
        Map<String, Object> own = new LinkedHashMap<>(settings.getOrDefault(pluginId, Map.of()));
        own.remove("enabled");
        return own;
    }

    public PluginsConfig withDir(Path value) {
        return new PluginsConfig(value, timeout, settings, base);
    }
}
