package dev.kotae.analytics;

import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many analytics events were lost since the data folder was made, kept in a small file beside the
 * journal so the figures survive restarts (a counter that starts at 0 on every start hides a loss):
 * <em>lost</em> events were never journaled (journal full or unwritable) or were unreadable in it;
 * <em>rejected</em> events were refused by the database one by one and set aside. Saved when a rejection is
 * counted and with every journal fsync, so a crash forgets at most the last interval's losses.
 */
public final class LossCounters {

    private final Path file;
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastLoggedLost = new AtomicLong(-1);
    private volatile boolean changed;

    private LossCounters(Path file) {
        this.file = file;
    }

    /** The counters stored in {@code file}, or zero when there is none yet. */
    public static LossCounters load(Path file) throws IOException {
        LossCounters counters = new LossCounters(file);
        if (Files.exists(file)) {
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
            counters.lost.set(number(stored.getProperty("lost")));
            counters.rejected.set(number(stored.getProperty("rejected")));
        }
        return counters;
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    void lost(int count) {
        lost.addAndGet(count);
        changed = true;
    }

    /** True once per thousand losses, so a full journal is logged without flooding the log. */
    boolean lostLogWorthy() {
        long now = lost.get() / 1000;
        return lastLoggedLost.getAndSet(now) != now;
    }

    void rejected(int count) {
        if (count > 0) {
            rejected.addAndGet(count);
            changed = true;
            save();
        }
    }

    public long lost() {
        return lost.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Writes the counters if they changed: to a temporary file, forced, then moved over the old one. */
    public synchronized void save() {
        if (!changed) {
            return;
        }
        changed = false;
        Properties stored = new Properties();
        stored.setProperty("lost", Long.toString(lost.get()));
        stored.setProperty("rejected", Long.toString(rejected.get()));
        StringWriter out = new StringWriter();
        try {
            stored.store(out, "Analytics events lost (never journaled) and rejected (refused by the database)");
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            changed = true;
            throw new UncheckedIOException(e);
        }
    }
}
