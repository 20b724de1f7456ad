package dev.kotae.plugins;

import dev.kotae.analytics.EventBus;
import dev.kotae.config.PluginsConfig;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.EventListener;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeExtension;
import dev.kotae.plugin.Widget;
import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins in the plugin folder, starts the enabled ones and their extensions, and keeps track
 * of what each one is doing. Nothing a plugin does can stop the server: loading, starting and every
 * later call are guarded and time-boxed, and a failure disables only the extension (or plugin) at fault.
 */
public final class PluginHost implements Widgets, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** A plugin as administrators see it in {@code /api/v1/admin/status}. */
    public record PluginStatus(String id, String version, String description, String state, String error,
            List<ExtensionStatus> extensions, List<SourceSync.Status> sources) {}

    /** One extension of a plugin: its extension point, class and state. */
    public record ExtensionStatus(String type, String className, String state, String error) {}

    private record Started(String pluginId, KotaeExtension extension, ClassLoader loader) {}

    private record HostedWidget(Widget widget, ClassLoader loader) {}

    private final PluginsConfig config;
    private final Path dataFolder;
    private final HelpCenter helpCenter;
    private final EventBus events;
    private final SourceSync sources;
    private final TimeBox timeBox;
    private final KotaeMetrics metrics;
    private final Map<String, PluginStatus> statuses = new ConcurrentHashMap<>();
    private final FileWatches fileWatches;
    private final Map<String, HostedWidget> widgets = new ConcurrentHashMap<>();
    private final List<Started> started = new ArrayList<>();
    private KotaePluginManager manager;

    public PluginHost(PluginsConfig config, Path dataFolder, HelpCenter helpCenter, EventBus events,
            SourceSync sources, TimeBox timeBox, KotaeMetrics metrics) {
        this.config = config;
        this.dataFolder = dataFolder;
        this.helpCenter = helpCenter;
        this.events = events;
        this.sources = sources;
        this.timeBox = timeBox;
        this.metrics = metrics;
        this.fileWatches = new FileWatches(sources::refreshSoon);
    }

    /**
     * Loads and starts every plugin in the folder; then drops indexed articles of plugins that are gone and
     * queues a refresh of every content source. Never throws for a plugin's fault.
     */
    public void start() throws IOException {
        Set<String> running = new HashSet<>();
        if (config.dir() != null && Files.isDirectory(config.dir())) {
            manager = new KotaePluginManager(config.dir());
            String version = PluginHost.class.getPackage().getImplementationVersion();
            if (version != null && version.matches("\\d+\\.\\d+\\.\\d+.*")) {
                manager.setSystemVersion(version.replaceFirst("-.*", "")); // so Plugin-Requires is checked
            }
            try {
                manager.loadPlugins();
            } catch (RuntimeException e) {
                LOG.error("Plugins could not be loaded from {}: {}", config.dir(), e.toString());
            }
            for (KotaePluginManager.LoadFailure failure : manager.loadFailures()) {
                metrics.pluginFailed(failure.file());
                statuses.put(failure.file(), new PluginStatus(failure.file(), null, null, "failed",
                        "not a loadable plugin: " + failure.error(), List.of(), List.of()));
                LOG.warn("Plugin file {} skipped: {}", failure.file(), failure.error());
            }
            for (PluginWrapper plugin : manager.getPlugins()) {
                if (startPlugin(plugin)) {
                    running.add(plugin.getPluginId());
                }
            }
            reportUnusedSettings();
        } else if (config.dir() != null) {
            LOG.warn("Plugin folder {} does not exist; no plugins loaded", config.dir());
        }
        sources.removeSourcesOf(id -> isGone(id, running));
        sources.refreshAllSoon();
    }

    /**
     * Whether a plugin's indexed articles must go: it is not installed, or disabled. A plugin that is
     * installed but failing keeps its articles, so a transient failure loses nothing.
     */
    private boolean isGone(String pluginId, Set<String> running) {
        if (running.contains(pluginId)) {
            return false;
        }
        PluginStatus status = statuses.get(pluginId);
        return status == null || status.state().equals("disabled");
    }

    /** Starts one plugin and its extensions; returns whether it runs (fully or in part). */
    private boolean startPlugin(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        if (!config.enabled(id)) {
            record(plugin, "disabled", "disabled by configuration (plugins." + id + ".enabled: false)", List.of());
            LOG.info("Plugin {} is disabled by configuration", id);
            return false;
        }
        try {
            PluginState state = timeBox.call("plugin " + id + ": start", plugin.getPluginClassLoader(),
                    () -> manager.startPlugin(id));
            if (state != PluginState.STARTED) {
                Throwable cause = plugin.getFailedException();
                return failed(plugin, "did not start (" + state + ")" + (cause == null ? "" : ": " + cause));
            }
        } catch (PluginCallException e) {
            return failed(plugin, e.getMessage());
        }
        HostedPluginContext context = new HostedPluginContext(id, config.settingsOf(id), config.base(),
                dataFolder.resolve(id), helpCenter, events, sources, fileWatches);
        List<ExtensionStatus> extensions = new ArrayList<>();
        startExtensions(plugin, ContentSource.class, context, extensions);
        startExtensions(plugin, Widget.class, context, extensions);
        startExtensions(plugin, EventListener.class, context, extensions);
        long ok = extensions.stream().filter(e -> e.state().equals("started")).count();
        String state = ok == 0 ? "failed" : ok == extensions.size() ? "started" : "degraded";
        String error = extensions.isEmpty() ? "no Kotae extensions found: is META-INF/extensions.idx in the jar, and are "
                + "kotae-plugin-api and pf4j 'provided' (a bundled copy hides the extensions)?" : null;
        record(plugin, state, error, extensions);
        LOG.info("Plugin {} {}: {}", id, state, extensions.stream().map(e -> e.type() + " " + e.state()).toList());
        return ok > 0;
    }

    private <T extends KotaeExtension> void startExtensions(PluginWrapper plugin, Class<T> type,
            HostedPluginContext context, List<ExtensionStatus> statuses) {
        String id = plugin.getPluginId();
        ClassLoader loader = plugin.getPluginClassLoader();
        List<T> found;
        try {
            found = timeBox.call("plugin " + id + ": create " + type.getSimpleName(), loader,
                    () -> manager.getExtensions(type, id));
        } catch (PluginCallException e) {
            metrics.pluginFailed(id);
            statuses.add(new ExtensionStatus(type.getSimpleName(), "?", "failed", e.getMessage()));
            return;
        }
        for (T extension : found) {
            String className = extension.getClass().getName();
            try {
                timeBox.call("plugin " + id + ": " + className + ".start", loader, () -> {
                    extension.start(context);
                    return null;
                });
                register(id, extension, loader);
                started.add(new Started(id, extension, loader));
                statuses.add(new ExtensionStatus(type.getSimpleName(), className, "started", null));
            } catch (PluginCallException | RuntimeException e) {
                metrics.pluginFailed(id);
                statuses.add(new ExtensionStatus(type.getSimpleName(), className, "failed", e.getMessage()));
                LOG.warn("Plugin {}: {} not started: {}", id, className, e.getMessage());
                // start was called, whatever failed: a start that threw or timed out part way, or was refused
                // afterwards, may hold threads or files, and the API promises stop() for every start().
                stop(new Started(id, extension, loader));
            }
        }
    }

    private void register(String pluginId, KotaeExtension extension, ClassLoader loader) {
        if (extension instanceof ContentSource source) {
            sources.add(pluginId, source.sourceId(), source, loader);
        } else if (extension instanceof Widget widget) {
            if (widgets.putIfAbsent(pluginId, new HostedWidget(widget, loader)) != null) {
                throw new IllegalArgumentException("a plugin may have one widget; " + pluginId + " already has one");
            }
        } else if (extension instanceof EventListener listener) {
            events.subscribe("plugin-" + pluginId, listener::onEvent);
        }
    }

    private boolean failed(PluginWrapper plugin, String error) {
        metrics.pluginFailed(plugin.getPluginId());
        record(plugin, "failed", error, List.of());
        LOG.warn("Plugin {} failed to start: {}", plugin.getPluginId(), error);
        return false;
    }

    private void record(PluginWrapper plugin, String state, String error, List<ExtensionStatus> extensions) {
        statuses.put(plugin.getPluginId(), new PluginStatus(plugin.getPluginId(),
                plugin.getDescriptor().getVersion(), plugin.getDescriptor().getPluginDescription(), state, error,
                List.copyOf(extensions), List.of()));
    }

    private void reportUnusedSettings() {
        for (String configured : config.settings().keySet()) {
            if (!statuses.containsKey(configured)) {
                LOG.warn("kotae.yml has settings for plugin '{}', but no such plugin is in {}", configured, config.dir());
            }
        }
    }

    /** Every plugin's state, with its extensions and content sources, sorted by id. */
    public List<PluginStatus> status() {
        Map<String, List<SourceSync.Status>> sourceStatus = sources.statusByPlugin();
        List<PluginStatus> all = new ArrayList<>();
        statuses.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(s -> {
            List<SourceSync.Status> own = sourceStatus.getOrDefault(s.id(), List.of());
            String state = s.state();
            if (state.equals("started") && own.stream().anyMatch(src -> src.state().equals("failed"))) {
                state = "degraded";
            }
            all.add(new PluginStatus(s.id(), s.version(), s.description(), state, s.error(), s.extensions(), own));
        });
        return all;
    }

    @Override
    public boolean has(String pluginId) {
        return pluginId != null && widgets.containsKey(pluginId);
    }

    @Override
    public Optional<Asset> asset(String pluginId, String path) throws IOException {
        HostedWidget hosted = widgets.get(pluginId);
        if (hosted == null) {
            return Optional.empty();
        }
        return WidgetAssets.read(hosted.loader(), hosted.widget().assetsFolder(), path);
    }

    @Override
    public WidgetResponse handle(String pluginId, WidgetRequest request) throws PluginCallException {
        HostedWidget hosted = widgets.get(pluginId);
        if (hosted == null) {
            return WidgetResponse.notFound();
        }
        try {
            WidgetResponse response = timeBox.call("widget " + pluginId + ": handle", hosted.loader(),
                    () -> hosted.widget().handle(request));
            if (response == null) {
                throw new PluginCallException("widget " + pluginId + ": handle returned null", false, null);
            }
            return response;
        } catch (PluginCallException e) {
            metrics.pluginFailed(pluginId);
            LOG.warn("Plugin {}: {}", pluginId, e.getMessage());
            throw e;
        }
    }

    /** Calls an extension's {@code stop()}, time-boxed; a failure is logged, never thrown. */
    private void stop(Started s) {
        try {
            timeBox.call("plugin " + s.pluginId() + ": stop", s.loader(), () -> {
                s.extension().stop();
                return null;
            });
        } catch (PluginCallException e) {
            LOG.warn("Plugin {}: {}", s.pluginId(), e.getMessage());
        }
    }

    /** Stops every started extension (time-boxed), then the plugins. */
    @Override
    public void close() {
        fileWatches.close();
        for (int i = started.size() - 1; i >= 0; i--) {
            stop(started.get(i));
        }
        started.clear();
        if (manager != null) {
            // One by one over a copy: PF4J's own stopPlugins/unloadPlugins modify the list they iterate.
            for (String id : manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList()) {
                try {
                    manager.unloadPlugin(id);
                } catch (RuntimeException e) {
                    LOG.warn("Unloading plugin {}: {}", id, e.toString());
                }
            }
        }
    }
}
