package dev.kotae.plugins;

import dev.kotae.analytics.EventBus;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.settings.PluginSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** The server's side of {@link PluginContext}: one per plugin, shared by its extensions. */
final class HostedPluginContext implements PluginContext {

    private final String pluginId;
    private final Map<String, Object> settings;
    private final Path base;
    private final Path dataFolder;
    private final HelpCenter helpCenter;
    private final EventBus events;
    private final SourceSync sources;
    private final FileWatches fileWatches;

    HostedPluginContext(String pluginId, Map<String, Object> settings, Path base, Path dataFolder,
            HelpCenter helpCenter, EventBus events, SourceSync sources, FileWatches fileWatches) {
        this.pluginId = pluginId;
        this.settings = PluginSettings.immutableCopy(settings);
        this.base = base;
        this.dataFolder = dataFolder;
        this.helpCenter = helpCenter;
        this.events = events;
        this.sources = sources;
        this.fileWatches = fileWatches;
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
        try {
            return Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HelpCenter helpCenter() {
        return helpCenter;
    }

    @Override
    public void record(KotaeEvent event) {
        if (event != null) {
            events.publish(event);
        }
    }

    @Override
    public void sourceChanged(String sourceId) {
        sources.refreshSoon(pluginId, sourceId);
    }

    @Override
    public void watch(String sourceId, Collection<Path> paths) {
        fileWatches.watch(pluginId, sourceId, paths); // a change refreshes only a source of this plugin
    }
}
