package dev.kotae.source.csv;

import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server stand-in: settings as YAML would give them, paths relative to a folder, sourceChanged recorded. */
final class FakeContext implements PluginContext {

    private final Path base;
    private final Map<String, Object> settings;
    final List<String> changed = new CopyOnWriteArrayList<>();

    FakeContext(Path base, Map<String, Object> settings) {
        this.base = base;
        this.settings = settings;
    }

    @Override
    public String pluginId() {
        return "source-csv";
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public Path resolvePath(String path) {
        return base.resolve(path);
    }

    @Override
    public Path dataFolder() {
        return base.resolve("data");
    }

    @Override
    public HelpCenter helpCenter() {
        throw new UnsupportedOperationException("a content source never searches");
    }

    @Override
    public void record(KotaeEvent event) {
        throw new UnsupportedOperationException("a content source records no events");
    }

    @Override
    public void sourceChanged(String sourceId) {
        changed.add(sourceId);
    }
}
