package dev.kotae.web;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the index is open and the first content sync is done; {@code /readyz} reports it. */
public final class Readiness {
    private final AtomicBoolean ready = new AtomicBoolean();

    public void markReady() {
        ready.set(true);
    }

    public boolean isReady() {
        return ready.get();
    }
}
