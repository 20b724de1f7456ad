package dev.kotae.plugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the server gives an extension when it starts. Implemented by the server; thread-safe.
 */
public interface PluginContext {

    /** The plugin's id, as declared in its {@code Plugin-Id} manifest entry. */
    String pluginId();

    /**
     * The plugin's block from {@code kotae.yml} ({@code plugins: {<plugin-id>: {...}}}) as plain YAML
     * values: maps, lists, strings, numbers and booleans; empty when there is none. The server's own keys
     * ({@code enabled}) are removed. Convert it with Jackson's {@code ObjectMapper.convertValue} into a
     * record of your own.
     */
    Map<String, Object> settings();

    /**
     * Resolves a path from the settings: relative paths are relative to the folder of {@code kotae.yml}
     * (or the working directory when there is no file), absolute ones are kept.
     */
    Path resolvePath(String path);

    /** A folder of the plugin's own for state and caches, created on demand; kept across restarts. */
    Path dataFolder();

    /** Search, suggest and article lookup over public articles only. */
    HelpCenter helpCenter();

    /**
     * Records an event (for example a deflection seen by a widget endpoint). Never blocks: when the event
     * queue is full the event is dropped and counted.
     */
    void record(KotaeEvent event);

    /**
     * Tells the server that a content source of this plugin has changed: the server calls
     * {@link ContentSource#articles()} again soon and re-indexes only what differs. Safe to call from any
     * thread and as often as you like (calls are coalesced).
     *
     * @param sourceId the {@link ContentSource#sourceId()} of the changed source
     */
    void sourceChanged(String sourceId);
}
