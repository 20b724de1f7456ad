package dev.kotae.plugin;

import org.pf4j.ExtensionPoint;

/**
 * What every Kotae extension shares: a start and a stop. The server calls {@link #start} once, before any
 * other method, and {@link #stop} once when it shuts down or disables the plugin.
 *
 * <p>Each call is time-boxed by the server (see {@code plugins.timeoutSeconds}); an extension that throws
 * or does not return in time is reported in {@code /api/v1/admin/status} and disabled, and the rest of the
 * server keeps working. Long-running work (watching files, polling a remote API) belongs on the
 * extension's own threads, started here and stopped in {@link #stop}.
 */
public interface KotaeExtension extends ExtensionPoint {

    /**
     * Prepares the extension. Throw to refuse to start (bad settings, unreachable source): the message is
     * shown to administrators.
     */
    default void start(PluginContext context) throws Exception {}

    /** Releases threads, files and connections. Must return promptly and must not throw. */
    default void stop() {}
}
