package dev.kotae.analytics.digest;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.config.DigestConfig;
import dev.kotae.util.DaemonThreads;
import dev.kotae.util.SqlStates;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the weekly KPI digest: on schedule ({@link #runDue()}, called every minute by {@link #start}) and
 * on demand ({@link #send}).
 *
 * <p>The schedule: from {@code day} at {@code hour} (analytics time zone) the digest of the seven days
 * before {@code day} is due, for one day; a server that was down all that day skips that week (logged)
 * rather than posting it late. Each week is posted once across restarts and replicas: the week is claimed
 * in {@code analytics_digest} before posting (the primary key lets one replica win) and released again if
 * the webhook failed, so the next minute tries again.
 */
public final class DigestService implements AutoCloseable {

    /** What {@link #runDue()} did. */
    public enum Outcome {
        /** No webhook configured. */
        OFF,
        /** The week due was posted now. */
        POSTED,
        /** The week due was posted before (by this server before a restart, or another replica). */
        ALREADY_POSTED,
        /** Outside the day the digest is due on. */
        NOT_DUE,
        /** The webhook or the database failed; tried again at the next run. */
        FAILED
    }

    /** Thrown when the webhook did not take the digest. */
    public static final class NotDelivered extends Exception {
        NotDelivered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** How long after its moment a week's digest may still be posted (a server restarting that day). */
    private static final Duration DUE_FOR = Duration.ofDays(1);

    private final AnalyticsReports reports;
    private final DataSource database;
    private final DigestConfig config;
    private final ZoneId zone;
    private final WeeklyDigest.Texts texts;
    private final Clock clock;
    private final ScheduledExecutorService schedule =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-analytics-digest"));

    /**
     * @param zone the analytics time zone: days, the posting hour and the weeks are counted in it
     * @param texts the digest's wording in the help center's default language (a Slack digest is text)
     */
    public DigestService(AnalyticsReports reports, DataSource database, DigestConfig config, ZoneId zone,
            WeeklyDigest.Texts texts, Clock clock) {
        this.reports = reports;
        this.database = database;
        this.config = config;
        this.zone = zone;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The client that posts digests, built on first use: building one loads the JDK's trust store, which
     * would add a tenth of a second to every start-up, webhook or not.
     */
    private static final class Webhook {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(WEBHOOK_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether a webhook is configured. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Runs {@link #runDue()} every minute, from a minute after start; nothing when no webhook is configured. */
    public void start() {
        if (!enabled()) {
            return;
        }
        schedule.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.warn("The weekly digest could not be checked", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    /** The seven whole days (in the analytics zone) before today: what an on-demand digest covers by default. */
    public DateRange lastSevenDays() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return new DateRange(today.minusDays(7).atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant(),
                null);
    }

    /** The digest of {@code range}, not posted. */
    public WeeklyDigest digest(DateRange range) throws SQLException {
        return WeeklyDigest.of(reports.kpis(range), zone, config.targets());
    }

    /**
     * Posts the digest of {@code range} now (on demand: not remembered as a week posted on schedule).
     *
     * @throws IllegalStateException when no webhook is configured
     * @throws NotDelivered when the webhook did not answer 2xx
     */
    public WeeklyDigest send(DateRange range) throws SQLException, NotDelivered {
        if (!enabled()) {
            throw new IllegalStateException("no analytics.digest.webhookUrl is configured");
        }
        WeeklyDigest digest = digest(range);
        post(digest);
        return digest;
    }

    /**
     * Posts the week that is due, if it is and was not posted yet. Safe to call from several replicas at
     * once and again after a restart: a week is posted once.
     */
    public Outcome runDue() {
        if (!enabled()) {
            return Outcome.OFF;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime moment = now.with(TemporalAdjusters.previousOrSame(config.day())).truncatedTo(ChronoUnit.DAYS)
                .withHour(config.hour());
        if (moment.isAfter(now)) {
            moment = moment.minusWeeks(1);
        }
        if (!now.isBefore(moment.plus(DUE_FOR))) {
            return Outcome.NOT_DUE;
        }
        ZonedDateTime weekEnd = moment.truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime weekStart = weekEnd.minusDays(7);
        String week = weekStart.toLocalDate().toString();
        try {
            if (!claim(week)) {
                return Outcome.ALREADY_POSTED;
            }
        } catch (SQLException e) {
            LOG.warn("The weekly digest for {} could not be claimed; trying again in a minute: {}", week,
                    e.getMessage());
            return Outcome.FAILED;
        }
        try {
            post(digest(new DateRange(weekStart.toInstant(), weekEnd.toInstant(), null)));
            LOG.info("Posted the weekly digest for the week from {}", week);
            return Outcome.POSTED;
        } catch (SQLException | NotDelivered e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                // The webhook may have taken it and answered late: posting again each minute could flood the
                // channel, so the week stays claimed (at most once, rather than at least once).
                LOG.warn("The weekly digest for the week from {} timed out and may not have been posted; it is not"
                        + " posted again (post it from the dashboard if it did not arrive): {}", week, e.getMessage());
                return Outcome.FAILED;
            }
            LOG.warn("The weekly digest for the week from {} was not posted; trying again in a minute: {}", week,
                    e.getMessage());
            release(week);
            return Outcome.FAILED;
        }
    }

    /** Whether this server claimed the week (inserted its row); {@code false} when it was claimed before. */
    private boolean claim(String week) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM analytics_digest WHERE week_start = ?")) {
                exists.setString(1, week);
                if (exists.executeQuery().next()) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO analytics_digest (week_start, posted_at) VALUES (?, ?)")) {
                insert.setString(1, week);
                insert.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                // 23505 (unique violation, both databases): another replica claimed it between the two statements.
                if (SqlStates.uniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        }
    }

    private void release(String week) {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM analytics_digest WHERE week_start = ?")) {
            delete.setString(1, week);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("The weekly digest for the week from {} stays unposted: {}", week, e.getMessage());
        }
    }

    private void post(WeeklyDigest digest) throws NotDelivered {
        HttpRequest request = HttpRequest.newBuilder(config.webhookUrl()).timeout(WEBHOOK_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(digest.body(config.format(), texts))).build();
        HttpResponse<Void> response;
        try {
            response = Webhook.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new NotDelivered("the digest webhook " + config.webhookUrl().getHost() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDelivered("interrupted while posting the digest", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotDelivered("the digest webhook " + config.webhookUrl().getHost() + " answered "
                    + response.statusCode(), null);
        }
    }

    /** Stops the schedule, waiting for a digest being posted (at most the webhook's timeout). */
    @Override
    public void close() {
        if (!DaemonThreads.stop(schedule, WEBHOOK_TIMEOUT.plusSeconds(5))) {
            LOG.warn("The weekly digest was still being posted at shutdown");
        }
    }
}
