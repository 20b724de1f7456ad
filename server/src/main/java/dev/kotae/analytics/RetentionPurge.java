package dev.kotae.analytics;

import dev.kotae.util.DaemonThreads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than the retention period: once at start and then every few hours, so stored
 * analytics never outlive what the privacy policy promises, even on a server that is never restarted.
 */
public final class RetentionPurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    private static final Duration EVERY = Duration.ofHours(6);
    /** How long closing waits for a purge in progress; a purge of a few days' events takes well under this. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final AnalyticsDatabase database;
    private final Duration retention;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService schedule =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-analytics-purge"));

    public RetentionPurge(AnalyticsDatabase database, Duration retention, Clock clock) {
        this(database, retention, clock, EVERY);
    }

    /** With the interval between purges given (tests). */
    RetentionPurge(AnalyticsDatabase database, Duration retention, Clock clock, Duration every) {
        this.database = database;
        this.retention = retention;
        this.clock = clock;
        this.every = every;
    }

    /**
     * Purges now (on the caller's thread, so start-up does not serve stale data), then on a schedule. A
     * database that cannot be reached at start is logged, not fatal: the server serves without it and
     * the next scheduled purge catches up.
     */
    public void start() {
        purgeQuietly();
        schedule.scheduleWithFixedDelay(this::purgeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes what is older than the retention period; returns how many events went. */
    public int purge() throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM analytics_event WHERE occurred_at < ?")) {
            delete.setObject(1, clock.instant().minus(retention).atOffset(ZoneOffset.UTC));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.info("Purged {} analytics events older than {} days", deleted, retention.toDays());
            }
            return deleted;
        }
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Analytics retention purge failed: {}", e.toString());
        }
    }

    /** Stops the schedule and waits for a purge in progress, never interrupting it: the database closes next. */
    @Override
    public void close() {
        if (!DaemonThreads.stop(schedule, CLOSE_WAIT)) {
            LOG.warn("Analytics retention purge still running after {} s; closing without it", CLOSE_WAIT.toSeconds());
        }
    }
}
