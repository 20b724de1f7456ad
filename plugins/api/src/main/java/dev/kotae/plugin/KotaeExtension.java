package dev.kotae.plugin;

import org.pf4j.ExtensionPoint;

/**
 * What every Kotae extension shares: a start and a stop. The server calls {@link #start} once, before any
 * other method, and {@link #stop} exactly once for every extension whose {@code start} it called: when it
 * shuts down, and also right away when {@code start} threw or timed out or the server refused the
 * extension after it started (a bad {@link ContentSource#sourceId()}, a second widget). So {@code stop}
 * must cope with a start that got only part of the way, or that is still running on an abandoned thread.
 *
 * <p>Each call is time-boxed by the server (see {@code plugins.timeoutSeconds}); an extension that throws
 * or does not return in time is reported in {@code /api/v1/admin/status} and disabled, and the rest of the
 * server keeps working. Long-running work (watching files, polling a remote API) belongs on the
 * extension's own threads, started here and stopped in {@link #stop}.
 *
 * @since 1.0
 */
public interface KotaeExtension extends ExtensionPoint {

    /**
     * Prepares the extension. Throw to refuse to start (bad settings, unreachable source): the message is
     * shown to administrators.
     */
    default void start(PluginContext context) throws Exception {}

    /**
     * Releases threads, files and connections; safe to call after a failed or partial {@link #start}. Must
     * return promptly and must not throw (both are time-boxed and logged, never passed on).
     */
    default void stop() {}
}
