package dev.kotae.config;

import java.time.Duration;

/**
 * Where analytics events are stored and for how long.
 *
 * @param jdbcUrl a JDBC URL (PostgreSQL for several replicas), or {@code null} for the embedded database
 *     under the data folder
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param retention how long events are kept; older ones are purged at start and every few hours
 */
public record AnalyticsConfig(String jdbcUrl, String user, String password, Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    public AnalyticsConfig {
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
        return new AnalyticsConfig(value, user, password, retention);
    }

    public AnalyticsConfig withUser(String value) {
        return new AnalyticsConfig(jdbcUrl, value, password, retention);
    }

    public AnalyticsConfig withPassword(String value) {
        return new AnalyticsConfig(jdbcUrl, user, value, retention);
    }

    public AnalyticsConfig withRetention(Duration value) {
        return new AnalyticsConfig(jdbcUrl, user, password, value);
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
                + ", retention=" + retention + "]";
    }
}
