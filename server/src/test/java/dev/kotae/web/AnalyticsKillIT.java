package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kotae.analytics.AnalyticsDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged analytics event survives kill -9: the built jar runs as a child process, 16 clients
 * send searches (each search is an event, written before it is answered), the process is killed with SIGKILL in the middle of the load, three times on
 * the same data folder; after a last start, the database holds every event that was answered 2xx, and
 * none twice.
 */
class AnalyticsKillIT {

    private static final String AGENT_TOKEN = "kill-agent-token-0123456789";
    private static final int CLIENTS = 16;
    private static final int LOAD_EVENTS = 20_000;
    /** When each run is killed: after this many acknowledged events, different each time. */
    private static final int[] KILL_AFTER = {3_000, 5_000, 7_000};

    @TempDir
    Path work;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedEventsSurviveKillNineDuringLoad() throws Exception {
        Path data = work.resolve("data");
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        for (int run = 0; run < KILL_AFTER.length; run++) {
            Path log = work.resolve("kotae-" + run + ".log");
            Process process = start(data, log);
            try {
                int port = JarProcess.awaitReady(process, log, client);
                loadAndKill(process, port, KILL_AFTER[run], acknowledged, sent);
            } finally {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
        assertTrue(acknowledged.get() >= KILL_AFTER[0] + KILL_AFTER[1] + KILL_AFTER[2], "the load ran: " + acknowledged);

        Path log = work.resolve("kotae-last.log");
        Process last = start(data, log);
        try {
            int port = JarProcess.awaitReady(last, log, client);
            // The reports count what the database holds; every acknowledged search must arrive.
            try {
                Awaitility.await("every acknowledged search in the database").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> storedSearches(port) >= acknowledged.get());
            } catch (ConditionTimeoutException e) {
                // Say which it is: searches lost, or still being replayed from the journal when time ran out.
                fail("after 60 s the reports count " + storedSearches(port) + " of " + acknowledged.get()
                        + " acknowledged searches; the last server's log:\n" + Files.readString(log), e);
            }
        } finally {
            last.destroy(); // a normal stop, so the embedded database file can be read next
            if (!last.waitFor(30, TimeUnit.SECONDS)) {
                last.destroyForcibly();
                fail("the last server did not stop:\n" + Files.readString(log));
            }
        }
        try (Connection db = DriverManager.getConnection(AnalyticsDatabase.embeddedUrl(data));
                Statement sql = db.createStatement()) {
            long stored = count(sql, "SELECT COUNT(*) FROM analytics_event WHERE type = 'search'");
            assertTrue(stored >= acknowledged.get(), "stored " + stored + " < acknowledged " + acknowledged.get());
            // Each request had a session of its own, and an event keeps its time through the journal: the same
            // event stored twice (a replay) would show as two rows with one session and one time. (The JDK client
            // may resend a GET whose pooled connection died with the server; that is a second search, with a
            // time of its own, and is not a replay.)
            assertEquals(0, count(sql, "SELECT COUNT(*) FROM (SELECT session_id, occurred_at FROM analytics_event"
                    + " GROUP BY session_id, occurred_at HAVING COUNT(*) > 1) AS twice"), "no event stored twice");
            int resentAtMost = CLIENTS * KILL_AFTER.length; // one request in flight per client at each kill
            assertTrue(stored <= sent.get() + resentAtMost, "stored " + stored + " > sent " + sent.get());
        }
    }

    private void loadAndKill(Process process, int port, int killAfter, AtomicInteger acknowledged, AtomicInteger sent)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledgedHere = new AtomicInteger();
        String base = "http://127.0.0.1:" + port;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    for (int i = next.getAndIncrement(); i < LOAD_EVENTS && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        String session = "kill-load-" + sent.incrementAndGet();
                        try {
                            if (search(base, QUERIES.get(i % QUERIES.size()), session) == 200) {
                                acknowledged.incrementAndGet();
                                acknowledgedHere.incrementAndGet();
                            }
                        } catch (IOException e) {
                            return null; // the server was killed: this client is done
                        }
                    }
                    return null;
                }));
            }
            Awaitility.await("enough events acknowledged to kill mid-load").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledgedHere.get() >= killAfter || running.stream().allMatch(Future::isDone));
            process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            process.waitFor(20, TimeUnit.SECONDS);
            for (Future<?> future : running) {
                future.get(90, TimeUnit.SECONDS);
            }
            assertTrue(next.get() < LOAD_EVENTS, "killed before the load was over");
        } finally {
            pool.shutdownNow();
        }
    }

    private static final List<String> QUERIES = List.of("返金", "配送", "パスワード", "refund", "shipping", "解約");

    private int search(String base, String query, String session) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?size=3&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header(Sessions.HEADER, session)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Searches the database holds, from the searches-per-hour report. */
    private long storedSearches(int port) throws Exception {
        HttpResponse<String> report = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/analytics/searches-per-hour")).header("Authorization", "Bearer " + AGENT_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (report.statusCode() != 200) {
            return -1;
        }
        long total = 0;
        for (var hour : KotaeServer.JSON.readTree(report.body()).get("rows")) {
            total += hour.get("searches").asLong();
        }
        return total;
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Process start(Path data, Path log) throws IOException {
        return JarProcess.start(List.of(), KotaeServer.sampleContent(), data,
                Map.of("KOTAE_AUTH_TOKENS", "kill:agent:" + AGENT_TOKEN), log);
    }
}
