package dev.kotae.util;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a builder has opened so far, to be closed newest first: when a later part fails to open, closing
 * releases everything opened before it; once all is built, the same order is the order of shutting down
 * (a part is closed before the parts it was built from).
 */
public final class Closer implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Registers {@code part} to be closed before everything registered earlier; returns it. */
    public synchronized <T extends AutoCloseable> T add(T part) {
        opened.push(part);
        return part;
    }

    /**
     * Closes every registered part, newest first, each once, even when some fail: the first failure is
     * thrown with the later ones suppressed in it.
     */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable part = next(); part != null; part = next()) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@link #close()} after {@code cause} stopped the building: what fails in closing is suppressed in it. */
    public void closeAfter(Throwable cause) {
        try {
            close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private synchronized AutoCloseable next() {
        return opened.poll();
    }
}
