package dev.kotae.analytics.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.kotae.ManualClock;
import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.EventRecorder;
import dev.kotae.analytics.RecordedEvent;
import dev.kotae.analytics.Requester;
import dev.kotae.analytics.TestDatabases;
import dev.kotae.config.DigestConfig;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.SearchEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weekly KPI digest, on H2 and PostgreSQL, against a webhook stub on 127.0.0.1: from a seeded event
 * history the stub receives exactly one digest a week with the right figures, on the configured day and
 * hour in the configured zone (an injected clock, no sleeping), not again after a restart, again after the
 * webhook failed, and on demand.
 */
class DigestServiceTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Requester CUSTOMER = new Requester(Requester.PUBLIC, "client-a", false);
    /** Targets: the zero-result rate is met, the helpful rate and the contact volume are missed. */
    private static final DigestConfig.Targets TARGETS = new DigestConfig.Targets(0.25, 0.8, 0.5, 0L);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private HttpServer stub;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private URI hook;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (status == 200) {
                received.add(body); // before answering: the poster's caller checks it as soon as it is answered
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        stub.start();
        hook = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theWeekIsPostedOnceOnItsDayAndHourInTheZone(String storage) throws Exception {
        // Monday 16 November 2026 at 09:00 in Tokyo is 00:00 UTC: the digest of 9-15 November is due then.
        List<RecordedEvent> events = new ArrayList<>(seededWeek("2026-11-12T03:00:00Z"));
        // 08:30 on Monday 9 November in Tokyo (23:30 on the 8th in UTC): in the week in Tokyo.
        events.add(search("2026-11-08T23:30:00Z", "xyzzy", 0));
        // 00:30 on Monday 16 November in Tokyo: the next week, not in this digest.
        events.add(search("2026-11-15T15:30:00Z", "xyzzy", 0));
        DigestConfig config = new DigestConfig(hook, DigestConfig.Format.JSON, DayOfWeek.MONDAY, 9, TARGETS);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(events);
            ManualClock clock = new ManualClock("2026-11-15T23:59:00Z"); // 08:59 on Monday in Tokyo
            DigestService service = service(database, config, clock);

            assertEquals(DigestService.Outcome.NOT_DUE, service.runDue());
            assertTrue(received.isEmpty());
            clock.advance(Duration.ofMinutes(1)); // 09:00
            assertEquals(DigestService.Outcome.POSTED, service.runDue());
            clock.advance(Duration.ofMinutes(1));
            assertEquals(DigestService.Outcome.ALREADY_POSTED, service.runDue());
            // A restart (a new service on the same database) does not post the week again.
            assertEquals(DigestService.Outcome.ALREADY_POSTED, service(database, config, clock).runDue());
            clock.advance(Duration.ofDays(1)); // Tuesday: past the day it was due on
            assertEquals(DigestService.Outcome.NOT_DUE, service.runDue());
            assertEquals(1, received.size(), received.toString());

            JsonNode digest = JSON.readTree(received.get(0));
            assertEquals("2026-11-09", digest.get("from").asText());
            assertEquals("2026-11-15", digest.get("to").asText());
            assertEquals("Asia/Tokyo", digest.get("timeZone").asText());
            assertEquals(12, digest.get("searches").asLong(), digest.toString());
            assertEquals(3, digest.get("zeroResultSearches").asLong());
            assertFigure(digest, "zeroResultRate", 0.25, true);
            assertFigure(digest, "helpfulRate", 0.75, false);
            assertFigure(digest, "deflectionRate", 0.667, true);
            assertFigure(digest, "contactVolume", 1, false);

            // The next Monday posts the next week, once.
            clock.advance(Duration.ofDays(6));
            assertEquals(DigestService.Outcome.POSTED, service.runDue());
            assertEquals(DigestService.Outcome.ALREADY_POSTED, service.runDue());
            assertEquals(2, received.size());
            assertEquals("2026-11-16", JSON.readTree(received.get(1)).get("from").asText());
            assertEquals(1, JSON.readTree(received.get(1)).get("searches").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWeekTheWebhookRefusedIsPostedAtTheNextRun(String storage) throws Exception {
        DigestConfig config = new DigestConfig(hook, DigestConfig.Format.SLACK, DayOfWeek.MONDAY, 9, TARGETS);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(seededWeek("2026-11-12T03:00:00Z"));
            ManualClock clock = new ManualClock("2026-11-16T00:00:00Z");
            DigestService service = service(database, config, clock);
            failNext.set(1);
            assertEquals(DigestService.Outcome.FAILED, service.runDue());
            assertTrue(received.isEmpty());
            clock.advance(Duration.ofMinutes(1));
            assertEquals(DigestService.Outcome.POSTED, service.runDue());
            assertEquals(DigestService.Outcome.ALREADY_POSTED, service.runDue());
            assertEquals(1, received.size());
            // Slack's shape: one text, in the help center's language, a missed target marked.
            String text = JSON.readTree(received.get(0)).get("text").asText();
            assertTrue(text.startsWith("ヘルプセンター KPI (2026-11-09 〜 2026-11-15, Asia/Tokyo)"), text);
            assertTrue(text.contains("• 検索結果 0 件の割合: 18.2% (目標 25.0% 以下)"), text);
            assertTrue(text.contains(":warning: 「役に立った」の割合: 75.0% (目標 80.0% 以上) — 目標未達"), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void onDemandPostsTheLastSevenDaysWithoutTakingTheScheduledWeek(String storage) throws Exception {
        DigestConfig config = new DigestConfig(hook, DigestConfig.Format.JSON, DayOfWeek.MONDAY, 9, TARGETS);
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            new EventRecorder(database).writeRecorded(seededWeek("2026-11-12T03:00:00Z"));
            ManualClock clock = new ManualClock("2026-11-16T00:00:00Z"); // Monday 09:00 in Tokyo
            DigestService service = service(database, config, clock);
            WeeklyDigest sent = service.send(service.lastSevenDays());
            assertEquals("2026-11-09", sent.from().toString());
            assertEquals("2026-11-15", sent.to().toString());
            assertEquals(1, received.size());
            assertEquals(DigestService.Outcome.POSTED, service.runDue()); // the schedule still posts its week
            assertEquals(2, received.size());

            failNext.set(1);
            assertThrows(DigestService.NotDelivered.class, () -> service.send(service.lastSevenDays()));
            DigestService off = service(database, DigestConfig.off(), clock);
            assertFalse(off.enabled());
            assertEquals(DigestService.Outcome.OFF, off.runDue());
            assertThrows(IllegalStateException.class, () -> off.send(off.lastSevenDays()));
        }
    }

    private static void assertFigure(JsonNode digest, String name, double value, boolean met) {
        for (JsonNode figure : digest.get("figures")) {
            if (figure.get("name").asText().equals(name)) {
                assertEquals(value, figure.get("value").asDouble(), 0.0005, figure.toString());
                assertEquals(met, figure.get("met").asBoolean(), figure.toString());
                return;
            }
        }
        throw new AssertionError("no figure " + name + " in " + digest);
    }

    private DigestService service(AnalyticsDatabase database, DigestConfig config, ManualClock clock) {
        return new DigestService(new AnalyticsReports(database), database.dataSource(), config, TOKYO,
                dev.kotae.site.Messages.of("ja")::text, clock);
    }

    /**
     * A customer's week at {@code at}: 11 searches, 2 of them finding nothing; 4 votes, 3 helpful; 2 solved
     * and 1 submitted.
     */
    private static List<RecordedEvent> seededWeek(String at) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(search(at, "返金", 4));
        }
        events.add(search(at, "xyzzy", 0));
        events.add(search(at, "plugh", 0));
        Instant when = Instant.parse(at);
        for (boolean helpful : new boolean[] {true, true, true, false}) {
            // Four visitors: one visitor's later vote on an article replaces their earlier one.
            events.add(new RecordedEvent(new FeedbackEvent(when, "voter-" + events.size(), "refund-timing", helpful,
                    null), CUSTOMER));
        }
        for (String action : List.of("solved", "solved", "submitted")) {
            events.add(new RecordedEvent(new DeflectionEvent(when, "visitor-0001", "contact/billing", action, null,
                    null), CUSTOMER));
        }
        return events;
    }

    private static RecordedEvent search(String at, String query, long results) {
        return new RecordedEvent(new SearchEvent(Instant.parse(at), "visitor-0001", query, "ja", results, List.of(),
                "web"), CUSTOMER);
    }
}
