package dev.kotae.plugins;

/** A call into plugin code failed (it threw) or did not return in time. The message is for administrators. */
public final class PluginCallException extends Exception {

    private final boolean timedOut;

    PluginCallException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** Whether the call is still running (or stuck) on its thread. */
    public boolean timedOut() {
        return timedOut;
    }
}
