package dev.kotae.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Whether the server is ready for traffic ({@code /readyz}), and which of its parts are degraded
 * ({@code /readyz}, {@code /healthz}, admin status, {@code kotae_degraded}). Ready means the index is open
 * and the first content sync is done. Degraded means a part cannot do all of its work (the index cannot be
 * written, the content folder is gone) while the server still answers from what it has: such a server
 * stays ready, and says why it is degraded.
 */
public final class Readiness {
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Map<String, Supplier<String>> checks = new ConcurrentSkipListMap<>();

    public void markReady() {
        ready.set(true);
    }

    public boolean isReady() {
        return ready.get();
    }

    /**
     * Adds a part's check: {@code problem} answers why the part is degraded, or {@code null} while it is
     * well. Checks are asked on every report, so they must be cheap and never block.
     */
    public void addCheck(String part, Supplier<String> problem) {
        checks.put(part, problem);
    }

    /** The degraded parts with their reasons, by part name; empty when all is well. */
    public Map<String, String> degraded() {
        Map<String, String> degraded = new TreeMap<>();
        checks.forEach((part, check) -> {
            String problem = check.get();
            if (problem != null) {
                degraded.put(part, problem);
            }
        });
        return degraded;
    }
}
