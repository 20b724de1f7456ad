package dev.kotae.plugin.testkit;

import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.settings.PluginSettings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's side of {@link PluginContext} for unit tests: settings as {@code kotae.yml} would give
 * them, paths relative to a folder, and everything the plugin tells the server (events, changed sources,
 * watched paths) collected for assertions.
 *
 * <p>{@link #settings()} and {@link #settings(Class)} run the server's own code ({@link PluginSettings}):
 * the same deep, unmodifiable copy, the same strict binding (unknown keys and wrong types refused,
 * constructor checks passed through, {@code java.time} values read) and the same messages, which name the
 * key's full path ({@code plugins.<plugin-id>.files[0].colums: unknown setting (known: ...)}).
 */
public final class FakePluginContext implements PluginContext {

    private final String pluginId;
    private final Path base;
    private Map<String, Object> settings = Map.of();
    private HelpCenter helpCenter = new FakeHelpCenter();

    /** Events passed to {@link #record}, in order. */
    public final List<KotaeEvent> events = new CopyOnWriteArrayList<>();
    /** Source ids passed to {@link #sourceChanged}, in order. */
    public final List<String> changedSources = new CopyOnWriteArrayList<>();
    /** The latest paths passed to {@link #watch}, by source id. */
    public final Map<String, List<Path>> watches = new ConcurrentHashMap<>();

    /**
     * @param base the folder relative paths resolve against; the data folder is {@code base/data}
     */
    public FakePluginContext(String pluginId, Path base) {
        this.pluginId = pluginId;
        this.base = base;
    }

    /** Sets the settings block, as plain YAML values ({@code null} values allowed, as YAML gives them). */
    public FakePluginContext withSettings(Map<String, Object> value) {
        this.settings = PluginSettings.immutableCopy(value);
        return this;
    }

    public FakePluginContext withHelpCenter(HelpCenter value) {
        this.helpCenter = value;
        return this;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public <T> T settings(Class<T> type) {
        return PluginSettings.bind(pluginId, settings, type);
    }

    @Override
    public Path resolvePath(String path) {
        return base.resolve(path).normalize();
    }

    @Override
    public Path dataFolder() {
        return base.resolve("data");
    }

    @Override
    public HelpCenter helpCenter() {
        return helpCenter;
    }

    @Override
    public void record(KotaeEvent event) {
        events.add(event);
    }

    @Override
    public void sourceChanged(String sourceId) {
        changedSources.add(sourceId);
    }

    @Override
    public void watch(String sourceId, Collection<Path> paths) {
        watches.put(sourceId, List.copyOf(paths));
    }
}
