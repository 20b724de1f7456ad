package dev.kotae.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the server is ready for traffic ({@code /readyz}), and which of its parts are degraded
 * ({@code /readyz}, {@code /healthz}, admin status, {@code kotae_degraded}). Ready means the index is open
 * and the first content sync is done ({@link #markReady()}), and every gate is open (e.g. each plugin
 * content source has been loaded once). Degraded means a part cannot do all of its work (the index cannot be
 * written, the content folder is gone) while the server still answers from what it has: such a server
 * stays ready, and says why it is degraded.
 */
public final class Readiness {
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Map<String, Supplier<String>> checks = new ConcurrentSkipListMap<>();
    private final Map<String, BooleanSupplier> gates = new ConcurrentSkipListMap<>();

    public void markReady() {
        ready.set(true);
    }

    public boolean isReady() {
        return ready.get() && gates.values().stream().allMatch(BooleanSupplier::getAsBoolean);
    }

    /**
     * Adds something readiness waits for, besides the index: {@code open} answers whether it is done. It
     * must become true within a bounded time whatever happens, or the server never takes traffic.
     */
    public void addGate(String waitingFor, BooleanSupplier open) {
        gates.put(waitingFor, open);
    }

    /** What readiness still waits for; empty once ready. */
    public List<String> waitingFor() {
        List<String> waiting = new java.util.ArrayList<>();
        if (!ready.get()) {
            waiting.add("the index to be built");
        }
        gates.forEach((what, open) -> {
            if (!open.getAsBoolean()) {
                waiting.add(what);
            }
        });
        return waiting;
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
