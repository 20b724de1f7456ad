package dev.kotae.config;

import dev.kotae.learning.LearningMode;
import java.time.Duration;
import java.util.Locale;

/**
 * How the help center learns from its customers' searches, clicks, votes and solved widgets
 * ({@code learning:} in {@code kotae.yml}, {@code KOTAE_LEARNING_*}).
 *
 * @param enabled whether events are learned from at all
 * @param mode {@link LearningMode#AUTOMATIC} uses confident phrasings without waiting for an agent;
 *     {@link LearningMode#APPROVED_ONLY} ({@code approved}) only those an agent approved
 * @param minSessions distinct visitor sessions a (query, article) pair needs before it is used
 * @param minAddresses distinct client addresses among them: many sessions from one address move nothing
 * @param halfLife how fast evidence fades: a choice this old counts half
 * @param interval how often recorded events are read and what is learned is rebuilt
 */
public record LearningConfig(boolean enabled, LearningMode mode, int minSessions, int minAddresses, Duration halfLife,
        Duration interval) {

    public static final int DEFAULT_MIN_SESSIONS = 3;
    public static final int DEFAULT_MIN_ADDRESSES = 3;
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public LearningConfig {
        if (mode == null) {
            mode = LearningMode.AUTOMATIC;
        }
        if (minSessions < 1 || minSessions > 1_000_000) {
            throw new IllegalArgumentException("learning.minSessions must be between 1 and 1000000");
        }
        if (minAddresses < 1 || minAddresses > minSessions) {
            throw new IllegalArgumentException("learning.minAddresses must be at least 1 and at most learning.minSessions");
        }
        if (halfLife == null || halfLife.toDays() < 1 || halfLife.toDays() > 3650) {
            throw new IllegalArgumentException("learning.halfLifeDays must be between 1 and 3650");
        }
        if (interval == null || interval.toSeconds() < 1 || interval.toSeconds() > 86_400) {
            throw new IllegalArgumentException("learning.intervalSeconds must be between 1 and 86400");
        }
    }

    /** On, automatic, 3 sessions from 3 addresses, 30-day half-life, every minute. */
    public static LearningConfig defaults() {
        return new LearningConfig(true, LearningMode.AUTOMATIC, DEFAULT_MIN_SESSIONS, DEFAULT_MIN_ADDRESSES,
                DEFAULT_HALF_LIFE, DEFAULT_INTERVAL);
    }

    public LearningConfig withEnabled(boolean value) {
        return new LearningConfig(value, mode, minSessions, minAddresses, halfLife, interval);
    }

    public LearningConfig withMode(LearningMode value) {
        return new LearningConfig(enabled, value, minSessions, minAddresses, halfLife, interval);
    }

    /** Sets both thresholds at once, so lowering the sessions below the addresses is not refused half way. */
    public LearningConfig withMinimums(int sessions, int addresses) {
        return new LearningConfig(enabled, mode, sessions, addresses, halfLife, interval);
    }

    public LearningConfig withHalfLife(Duration value) {
        return new LearningConfig(enabled, mode, minSessions, minAddresses, value, interval);
    }

    public LearningConfig withInterval(Duration value) {
        return new LearningConfig(enabled, mode, minSessions, minAddresses, halfLife, value);
    }

    /** {@code automatic} or {@code approved}, as typed in YAML or an environment variable. */
    public static LearningMode parseMode(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "automatic" -> LearningMode.AUTOMATIC;
            case "approved", "approved-only", "approved_only" -> LearningMode.APPROVED_ONLY;
            default -> throw new IllegalArgumentException("learning.mode must be automatic or approved (got '" + value + "')");
        };
    }

    /** {@code true} or {@code false}, as typed in an environment variable. */
    static boolean parseEnabled(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("learning.enabled must be true or false (got '" + value + "')");
        };
    }
}
