package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL going away loses no acknowledged event and stops nothing but the reports: a proxy written
 * in the test stands between Kotae and PostgreSQL and is cut (connections closed, new ones refused).
 */
class PostgresOutageIT {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int CLIENTS = 16;
    private static final int MAX_REQUESTS = 20_000;

    @TempDir
    Path work;

    @Test
    void aTenSecondOutageDuringLoadLosesNothing() throws Exception {
        try (AnalyticsStorage storage = AnalyticsStorage.postgres(); TcpProxy proxy = proxyTo(storage)) {
            KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                    config -> throughProxy(storage.configure(config), proxy));
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                long loadEnds = System.nanoTime() + OUTAGE.plusSeconds(5).toNanos();
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < MAX_REQUESTS && System.nanoTime() < loadEnds;
                                i = next.getAndIncrement()) {
                            if (search(server, "outage load " + i) == 200) {
                                acknowledged.incrementAndGet();
                            }
                            Thread.sleep(20); // a steady load across the whole outage, not a burst before it
                        }
                        return null;
                    }));
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.get() >= 500);
                proxy.cut();
                long cutAt = System.nanoTime();
                KotaeServer.Reply report = server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN);
                assertEquals(503, report.status(), report.body());
                assertEquals("analytics_unavailable", report.json().get("error").get("code").asText());
                int beforeRestore = acknowledged.get();
                Awaitility.await().atMost(OUTAGE.plusSeconds(5))
                        .until(() -> System.nanoTime() - cutAt >= OUTAGE.toNanos());
                assertTrue(acknowledged.get() > beforeRestore, "searches were answered during the outage");
                proxy.restore();
                for (Future<?> future : running) {
                    future.get(60, TimeUnit.SECONDS);
                }
                int answered = acknowledged.get();
                Awaitility.await("every acknowledged search stored").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> storedSearches(storage, server) >= answered);
                assertEquals(answered, storedSearches(storage, server), "each stored once");
            } finally {
                clients.shutdownNow();
                server.stop();
            }
        }
    }

    @Test
    void aReplicaStartsAndServesWhilePostgresIsAwayAndDeliversWhenItIsBack() throws Exception {
        try (AnalyticsStorage storage = AnalyticsStorage.postgres(); TcpProxy proxy = proxyTo(storage)) {
            proxy.cut();
            KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                    config -> throughProxy(storage.configure(config), proxy));
            try {
                assertEquals(200, server.get("/readyz").status());
                for (int i = 0; i < 20; i++) {
                    KotaeServer.Reply reply = server.query("/api/v1/search", null, java.util.Map.of("q", "返金"));
                    assertEquals(200, reply.status(), reply.body());
                    assertTrue(reply.json().get("total").asLong() > 0, reply.body());
                }
                KotaeServer.Reply click = server.send(server.request("/api/v1/events")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"click\",\"query\":\"返金\","
                                + "\"articleId\":\"refund-timing\",\"rank\":1,\"session\":\"outage-session-1\"}")), null);
                assertEquals(202, click.status(), click.body());
                KotaeServer.Reply report = server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN);
                assertEquals(503, report.status(), report.body());
                assertEquals("analytics_unavailable", report.json().get("error").get("code").asText());
                assertTrue(!report.header("retry-after").isEmpty(), "Retry-After is set");
                // Votes live in the shared database: not acknowledged while it is away, and said so clearly.
                KotaeServer.Reply vote = server.post("/api/v1/articles/refund-timing/feedback", "{\"helpful\":true}", null);
                assertEquals(503, vote.status(), vote.body());
                assertEquals("feedback_unavailable", vote.json().get("error").get("code").asText());
                // ... but an article page, which shows the visitor's vote when it can, still shows the article.
                KotaeServer.Reply page = server.get("/articles/refund-timing");
                assertEquals(200, page.status(), page.body());
                assertTrue(page.body().contains("<h1"), page.body());

                proxy.restore();
                Awaitility.await("the buffered events delivered").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> storedSearches(storage, server) >= 20);
                assertEquals(20, storedSearches(storage, server));
                KotaeServer.Reply back = server.get("/api/v1/analytics/queries", KotaeServer.AGENT_TOKEN);
                assertEquals(200, back.status(), back.body());
            } finally {
                server.stop();
            }
        }
    }

    private static int search(KotaeServer server, String q) throws Exception {
        HttpClient client = SHARED_CLIENT;
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/search?size=3&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static final HttpClient SHARED_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static long storedSearches(AnalyticsStorage storage, KotaeServer server) throws Exception {
        try (Connection db = storage.connect(server.data()); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM analytics_event WHERE type = 'search'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // the schema is created by the server once it reaches the database
        }
    }

    private static TcpProxy proxyTo(AnalyticsStorage storage) throws Exception {
        Matcher target = HOST_PORT.matcher(System.getenv("KOTAE_TEST_POSTGRES_URL"));
        assertTrue(target.find(), "KOTAE_TEST_POSTGRES_URL is not a jdbc:postgresql://host[:port]/ URL");
        return new TcpProxy(target.group(1), target.group(2) == null ? 5432 : Integer.parseInt(target.group(2)));
    }

    /** The configuration with the PostgreSQL host and port replaced by the proxy's. */
    private static KotaeConfig throughProxy(KotaeConfig config, TcpProxy proxy) {
        String url = HOST_PORT.matcher(config.analytics().jdbcUrl())
                .replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/");
        return config.withAnalytics(config.analytics().withJdbcUrl(url));
    }
}
