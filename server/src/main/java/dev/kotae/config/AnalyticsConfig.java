package dev.kotae.config;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where analytics events are stored and for how long.
 *
 * @param jdbcUrl a JDBC URL (PostgreSQL for several replicas), or {@code null} for the embedded database
 *     under the data folder
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param retention how long events are kept; older ones are purged at start and every few hours
 * @param journalMaxMb how large the local event journal may grow (while the database is away) before new
 *     events are refused and counted as lost
 * @param journalFsync how often the journal is forced to disk: the most recent events an operating-system
 *     crash or power loss can take (a kill of the process takes none)
 * @param eventsPerMinute how many anonymous events ({@code POST /api/v1/events}) one client address may
 *     post per minute (and at once); more are answered 429
 * @param timeZone the zone reports count days and weeks in, or {@code null} for the one of the help center's
 *     default locale ({@link #zone(String)})
 * @param digest the weekly KPI digest: where and when it is posted, and the targets it is measured against
 */
public record AnalyticsConfig(String jdbcUrl, String user, String password, Duration retention, long journalMaxMb,
        Duration journalFsync, int eventsPerMinute, ZoneId timeZone, DigestConfig digest) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);
    public static final long DEFAULT_JOURNAL_MAX_MB = 512;
    public static final Duration DEFAULT_JOURNAL_FSYNC = Duration.ofSeconds(1);
    public static final int DEFAULT_EVENTS_PER_MINUTE = 60;

    /** With the journal's defaults. */
    public AnalyticsConfig(String jdbcUrl, String user, String password, Duration retention) {
        this(jdbcUrl, user, password, retention, DEFAULT_JOURNAL_MAX_MB, DEFAULT_JOURNAL_FSYNC,
                DEFAULT_EVENTS_PER_MINUTE, null, DigestConfig.off());
    }

    public AnalyticsConfig {
        if (digest == null) {
            digest = DigestConfig.off();
        }
        if (eventsPerMinute < 1) {
            throw new IllegalArgumentException("analytics.eventsPerMinutePerClient must be at least 1");
        }
        if (journalMaxMb < 1) {
            throw new IllegalArgumentException("analytics.journalMaxMb must be at least 1");
        }
        if (journalFsync == null) {
            journalFsync = DEFAULT_JOURNAL_FSYNC;
        }
        if (journalFsync.isNegative() || journalFsync.isZero() || journalFsync.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("analytics.journalFsyncMillis must be between 1 and 60000");
        }
        if (retention == null) {
            retention = DEFAULT_RETENTION;
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("analytics.retentionDays must be at least 1");
        }
        if (jdbcUrl != null && jdbcUrl.isBlank()) {
            jdbcUrl = null;
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("analytics.jdbcUrl must be a JDBC URL (jdbc:postgresql://...)");
        }
    }

    /** The embedded database, 180 days. */
    public static AnalyticsConfig defaults() {
        return new AnalyticsConfig(null, null, null, DEFAULT_RETENTION);
    }

    public AnalyticsConfig withJdbcUrl(String value) {
        return new AnalyticsConfig(value, user, password, retention, journalMaxMb, journalFsync, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withUser(String value) {
        return new AnalyticsConfig(jdbcUrl, value, password, retention, journalMaxMb, journalFsync, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withPassword(String value) {
        return new AnalyticsConfig(jdbcUrl, user, value, retention, journalMaxMb, journalFsync, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withRetention(Duration value) {
        return new AnalyticsConfig(jdbcUrl, user, password, value, journalMaxMb, journalFsync, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withJournalMaxMb(long value) {
        return new AnalyticsConfig(jdbcUrl, user, password, retention, value, journalFsync, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withJournalFsync(Duration value) {
        return new AnalyticsConfig(jdbcUrl, user, password, retention, journalMaxMb, value, eventsPerMinute, timeZone, digest);
    }

    public AnalyticsConfig withEventsPerMinute(int value) {
        return new AnalyticsConfig(jdbcUrl, user, password, retention, journalMaxMb, journalFsync, value, timeZone, digest);
    }

    public AnalyticsConfig withTimeZone(ZoneId value) {
        return new AnalyticsConfig(jdbcUrl, user, password, retention, journalMaxMb, journalFsync, eventsPerMinute,
                value, digest);
    }

    public AnalyticsConfig withDigest(DigestConfig value) {
        return new AnalyticsConfig(jdbcUrl, user, password, retention, journalMaxMb, journalFsync, eventsPerMinute,
                timeZone, value);
    }

    /**
     * The zone reports count days and weeks in: {@link #timeZone} when set, else the zone of the help
     * center's default locale — {@code Asia/Tokyo} for {@code ja}, UTC for any other (a help center in
     * English serves too many places to guess one).
     */
    public ZoneId zone(String defaultLocale) {
        if (timeZone != null) {
            return timeZone;
        }
        return defaultLocale != null && (defaultLocale.equals("ja") || defaultLocale.startsWith("ja-"))
                ? ZoneId.of("Asia/Tokyo") : ZoneOffset.UTC;
    }

    /** A zone as typed in YAML or an environment variable: an IANA name such as {@code Asia/Tokyo}, or {@code UTC}. */
    static ZoneId zoneNamed(String key, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(key + " must be a time zone such as Asia/Tokyo or UTC (got '"
                    + value + "')");
        }
    }

    /** A whole number as typed in YAML or an environment variable. */
    static long whole(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number (got '" + value + "')");
        }
    }

    /** Days as typed in YAML or an environment variable. */
    static Duration days(String value) {
        try {
            long days = Long.parseLong(value.strip());
            if (days < 1) {
                throw new IllegalArgumentException("analytics.retentionDays must be at least 1");
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("analytics.retentionDays must be a whole number of days (got '"
                    + value + "')");
        }
    }

    @Override
    public String toString() {
        // Never the password: configs end up in logs.
        return "AnalyticsConfig[jdbcUrl=" + (jdbcUrl == null ? "embedded" : jdbcUrl) + ", user=" + user
                + ", retention=" + retention + ", journalMaxMb=" + journalMaxMb + ", journalFsync=" + journalFsync
                + ", eventsPerMinute=" + eventsPerMinute + ", timeZone=" + timeZone + ", digest=" + digest + "]";
    }
}
