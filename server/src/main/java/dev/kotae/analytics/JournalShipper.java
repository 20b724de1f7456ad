package dev.kotae.analytics;

import dev.kotae.metrics.KotaeMetrics;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events from the {@link EventJournal} into the analytics database, on a thread of its own, and
 * never loses its place: each batch is inserted together with the journal position it ends at, in one
 * transaction ({@code analytics_journal}), so after a crash, a restart or a database outage delivery
 * resumes exactly after the last committed event, each event stored once. While the database cannot be
 * reached it retries with a growing pause (up to {@link #MAX_PAUSE}) and the journal holds the events.
 * Segments are trimmed only once the database committed what they hold at least {@link #KEEP_DELIVERED}
 * and {@link #KEEP_COMMITS} batches ago: embedded H2 can take back its newest commits at a kill -9, and
 * delivery then resumes from the older position it remembers, whose events must still be in the journal.
 */
public final class JournalShipper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalShipper.class);
    static final int BATCH_SIZE = EventRecorder.BATCH_SIZE;
    private static final Duration MIN_PAUSE = Duration.ofMillis(250);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);
    /** How long a part-filled batch waits for more events: what the database lags behind at most, when busy. */
    private static final Duration LINGER = Duration.ofMillis(100);
    /**
     * How long delivered events stay in the journal, and {@link #KEEP_COMMITS} how many later batches must
     * have been committed. Embedded H2 acknowledges a commit it can still lose: a kill -9 while it writes
     * took back the last 5 to 20 commits (H2 2.5.252, {@code WRITE_DELAY=0}; a writer committing as fast as
     * it could, so a few milliseconds' worth; with {@code REUSE_SPACE=FALSE} none were lost, so it is the
     * reuse of free file space, and it is counted in commits, not time). "Committed" is not yet "kept".
     */
    static final Duration KEEP_DELIVERED = Duration.ofSeconds(30);
    static final int KEEP_COMMITS = 64;

    private final EventJournal journal;
    private final AnalyticsDatabase database;
    private final EventRecorder recorder;
    private final LossCounters losses;
    private final KotaeMetrics metrics;
    private final Duration drainOnClose;
    private final Thread thread;
    private volatile EventJournal.Position delivered;
    /** Notified whenever {@link #delivered} moves on. */
    private final Object progress = new Object();
    /** Set after a failure: the database may have committed the batch whose commit seemed to fail. */
    private boolean positionInDoubt = true;
    private volatile boolean reachable;
    private volatile boolean closing;
    private volatile Instant lastFailure;
    private final LongSupplier nanoTime;
    /**
     * Where delivery first reached each segment, when, and after how many commits, oldest first: what
     * {@link #trimKept} may trim to. This and {@link #commits} are the shipper thread's alone.
     */
    private final ArrayDeque<Reached> reached = new ArrayDeque<>();

    private record Reached(long atNanos, long commit, EventJournal.Position position) {}

    /** Batches committed since this shipper started. */
    private long commits;

    public JournalShipper(EventJournal journal, AnalyticsDatabase database, LossCounters losses, KotaeMetrics metrics,
            Duration drainOnClose) {
        this(journal, database, losses, metrics, drainOnClose, System::nanoTime);
    }

    /** With the clock that says how long ago a position was delivered (tests move it on). */
    JournalShipper(EventJournal journal, AnalyticsDatabase database, LossCounters losses, KotaeMetrics metrics,
            Duration drainOnClose, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.journal = journal;
        this.database = database;
        this.recorder = new EventRecorder(database);
        this.losses = losses;
        this.metrics = metrics;
        this.drainOnClose = drainOnClose;
        this.thread = new Thread(this::run, "kotae-analytics-shipper");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Whether the last attempt to reach the database succeeded. */
    public boolean databaseReachable() {
        return reachable;
    }

    /** Bytes of journaled events the database does not hold yet (all of the journal before the first contact). */
    public long pendingBytes() {
        EventJournal.Position at = delivered;
        return at == null ? journal.bytes() : journal.pendingBytes(at);
    }

    /**
     * Waits until every event journaled before this call is in the database, at most {@code timeout}.
     *
     * @return whether they are
     */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        EventJournal.Position target = journal.end();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (true) {
                EventJournal.Position at = delivered;
                // (nothing pending also counts: the target may name an empty segment after the delivered one)
                if (at != null && (!at.before(target) || journal.pendingBytes(at) == 0)) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.min(left, 200)); // also woken by each batch delivered
            }
        }
    }

    private void run() {
        Duration pause = MIN_PAUSE;
        long closeDeadline = Long.MAX_VALUE;
        while (true) {
            if (closing && closeDeadline == Long.MAX_VALUE) {
                closeDeadline = System.nanoTime() + drainOnClose.toNanos();
            }
            try {
                if (positionInDoubt) {
                    database.migrate();
                    delivered = loadPosition();
                    reached.clear(); // noted before the doubt: the database may no longer hold those positions
                    positionInDoubt = false;
                }
                int shipped = shipOnce();
                reachable = true;
                pause = MIN_PAUSE;
                if (shipped == 0) {
                    if (closing) {
                        return; // everything journaled is in the database
                    }
                    if (keptOnlyForCommits()) {
                        // Nothing new to deliver, and kept segments wait only for later commits: a full journal
                        // refuses events, so without these no commit would ever come to free it.
                        commitPositionAgain();
                    }
                    journal.awaitAfter(delivered, IDLE_WAIT);
                } else if (shipped < BATCH_SIZE && !closing) {
                    // Let a batch build up: a transaction per handful of events would cost the search path
                    // more CPU than the events are worth (measured: 2.5x fewer searches a second).
                    Thread.sleep(LINGER.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | IOException | RuntimeException e) {
                if (reachable || lastFailure == null) {
                    LOG.warn("Analytics database unavailable, events are kept in the journal and retried: {}",
                            e.toString());
                }
                reachable = false;
                lastFailure = Instant.now();
                // A commit cut off by a lost connection may still have been applied: ask the database where
                // it stands before sending anything again, so nothing is stored twice.
                positionInDoubt = true;
                if (closing) {
                    LOG.warn("Stopping with {} journaled bytes not in the analytics database; they are delivered"
                            + " after the next start", pendingBytes());
                    return;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
            if (System.nanoTime() > closeDeadline) {
                LOG.warn("Analytics delivery did not finish within {}; {} journaled bytes are delivered after the"
                        + " next start", drainOnClose, pendingBytes());
                return;
            }
        }
    }

    /** Stores the next batch and moves the committed position past it; returns how many events it held. */
    private int shipOnce() throws SQLException, IOException {
        EventJournal.Batch batch = journal.read(delivered, BATCH_SIZE);
        if (batch.end().equals(delivered)) {
            return 0;
        }
        int rejected;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                rejected = recorder.store(connection, batch.entries());
                savePosition(connection, batch.end());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
        trimKept(batch.end()); // before the position is published: whoever awaits delivery sees the trim done
        synchronized (progress) {
            delivered = batch.end();
            progress.notifyAll();
        }
        metrics.analyticsStored(batch.entries().size() - rejected);
        losses.rejected(rejected);
        return Math.max(1, batch.entries().size()); // a stretch of unreadable lines still counts as progress
    }

    /** Whether the oldest kept segment has been kept long enough and waits only for later commits. */
    private boolean keptOnlyForCommits() {
        Reached oldest = reached.peekFirst();
        return oldest != null && nanoTime.getAsLong() - oldest.atNanos() >= KEEP_DELIVERED.toNanos();
    }

    /** Commits the delivered position once more (a commit after the kept ones), then trims what that allows. */
    private void commitPositionAgain() throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                savePosition(connection, delivered);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
        trimKept(delivered);
    }

    /**
     * Notes that delivery reached {@code position} now, and deletes the segments that were wholly delivered
     * at least {@link #KEEP_DELIVERED} and {@link #KEEP_COMMITS} batches ago. Only the first position in each
     * segment is noted: trimming goes by whole segments.
     */
    private void trimKept(EventJournal.Position position) {
        long now = nanoTime.getAsLong();
        commits++;
        Reached last = reached.peekLast();
        if (last == null || last.position().segment() != position.segment()) {
            reached.addLast(new Reached(now, commits, position));
        }
        EventJournal.Position kept = null;
        while (!reached.isEmpty() && now - reached.peekFirst().atNanos() >= KEEP_DELIVERED.toNanos()
                && commits - reached.peekFirst().commit() >= KEEP_COMMITS) {
            kept = reached.removeFirst().position();
        }
        if (kept != null) {
            journal.trim(kept);
        }
    }

    private EventJournal.Position loadPosition() throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT segment, byte_offset FROM analytics_journal WHERE journal_id = ?")) {
            select.setString(1, journal.id());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new EventJournal.Position(row.getLong(1), row.getLong(2)) : EventJournal.Position.START;
            }
        }
    }

    private void savePosition(Connection connection, EventJournal.Position position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE analytics_journal SET segment = ?, byte_offset = ?, updated_at = ? WHERE journal_id = ?")) {
            update.setLong(1, position.segment());
            update.setLong(2, position.offset());
            update.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            update.setString(4, journal.id());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO analytics_journal (journal_id, segment, byte_offset, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, journal.id());
            insert.setLong(2, position.segment());
            insert.setLong(3, position.offset());
            insert.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /**
     * Delivers what the journal holds, within the drain allowance, while the database answers; stops at
     * the first failure (what is left stays journaled for the next start).
     */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(drainOnClose.toMillis() + TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
