package dev.kotae.plugin;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * What the server gives an extension when it starts. Implemented by the server; thread-safe.
 *
 * @since 1.0
 */
public interface PluginContext {

    /** The plugin's id, as declared in its {@code Plugin-Id} manifest entry. */
    String pluginId();

    /**
     * The plugin's block from {@code kotae.yml} ({@code plugins: {<plugin-id>: {...}}}) as plain YAML
     * values: maps, lists, strings, numbers and booleans; empty when there is none. The server's own keys
     * ({@code enabled}) are removed. Most plugins want {@link #settings(Class)} instead.
     */
    Map<String, Object> settings();

    /**
     * The plugin's settings bound to a record (or bean) of your own, strictly: an unknown key, a value of
     * the wrong type, or an {@link IllegalArgumentException} thrown by the record's constructor becomes an
     * {@link IllegalArgumentException} whose message names the key, e.g.
     * {@code plugins.source-csv.files[0].colums: unknown setting (known: path, encoding, ...)}. Keys that
     * are absent are {@code null}, so defaults belong in the record's compact constructor; {@code java.time}
     * types are read from ISO strings ({@code 2026-04-01}, {@code PT5S}). The test kit's
     * {@code FakePluginContext} runs the same binding code, so a unit test sees what the server will. Call
     * it from {@link KotaeExtension#start} and let the exception propagate: administrators see the message.
     */
    <T> T settings(Class<T> type);

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

    /**
     * Asks the server to watch files and folders for a content source: when a file's size or modification
     * time changes, or a file appears in or disappears from a watched folder (not its sub-folders), the
     * server calls {@link #sourceChanged(String)} for that source within about a second. A later call for
     * the same source replaces the earlier one; watching ends when the plugin stops. Paths need not exist
     * yet.
     *
     * @param sourceId the {@link ContentSource#sourceId()} to refresh on a change
     */
    void watch(String sourceId, Collection<Path> paths);
}
