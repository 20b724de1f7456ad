package dev.kotae.source.zendesk;

import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A PluginContext as the server would give it: settings, paths relative to a base folder, and a record of sourceChanged calls. */
final class FakeContext implements PluginContext {

    private final Map<String, Object> settings;
    private final Path base;
    final List<String> changedSources = new CopyOnWriteArrayList<>();

    FakeContext(Map<String, Object> settings, Path base) {
        this.settings = settings;
        this.base = base;
    }

    @Override
    public String pluginId() {
        return ZendeskContentSource.PLUGIN_ID;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public Path resolvePath(String path) {
        Path candidate = Path.of(path);
        return candidate.isAbsolute() ? candidate : base.resolve(candidate);
    }

    @Override
    public Path dataFolder() {
        return base.resolve("data");
    }

    @Override
    public HelpCenter helpCenter() {
        throw new UnsupportedOperationException("a content source does not search");
    }

    @Override
    public void record(KotaeEvent event) {
        throw new UnsupportedOperationException("a content source records no events");
    }

    @Override
    public void sourceChanged(String sourceId) {
        changedSources.add(sourceId);
    }
}
