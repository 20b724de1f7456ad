package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.metrics.KotaeMetrics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a search that cannot be admitted gets: with one slot held by a search that does not finish, the
 * next one waits its bounded time (or finds the line full) and is answered 503 {@code busy} in the API's
 * JSON shape with {@code Retry-After}, and counted; requests that do not search pass meanwhile.
 */
class SearchAdmissionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch searching = new CountDownLatch(1);
    private final KotaeMetrics metrics = new KotaeMetrics();
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private URI base;

    /** A server whose searches block until released, admitted one at a time. */
    private void start(Duration maxWait, int maxWaiting) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Handler app = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (Request.getPathInContext(request).startsWith("/api/v1/search")
                        || Request.getPathInContext(request).equals("/search")) {
                    searching.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        server.setHandler(SearchAdmission.around(app, 1, maxWait, maxWaiting, metrics));
        server.setErrorHandler(new JettyErrorHandler());
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @BeforeEach
    void noServerYet() {
        server = null;
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aSearchThatWaitsTooLongIsAnsweredBusy() throws Exception {
        start(Duration.ofMillis(300), 100);
        CompletableFuture<HttpResponse<String>> first = send("/api/v1/search?q=a");
        assertTrue(searching.await(10, TimeUnit.SECONDS), "the first search is running");

        assertEquals(200, get("/readyz").statusCode(), "a request that does not search is not held back");
        HttpResponse<String> second = get("/api/v1/search?q=b");
        assertBusy(second);

        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode(), "the admitted search completes");
        assertEquals(200, get("/api/v1/search?q=c").statusCode(), "the slot is free again");
    }

    @Test
    void aSearchThatFindsTheLineFullIsAnsweredBusyAtOnce() throws Exception {
        start(Duration.ofSeconds(30), 1);
        CompletableFuture<HttpResponse<String>> first = send("/api/v1/search?q=a");
        assertTrue(searching.await(10, TimeUnit.SECONDS), "the first search is running");
        CompletableFuture<HttpResponse<String>> waiting = send("/api/v1/search?q=b");
        awaitWaiting(1);

        assertBusy(get("/api/v1/search?q=c"));

        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, waiting.get(10, TimeUnit.SECONDS).statusCode(), "the one in line is answered in turn");
    }

    @Test
    void theSearchPageIsAnsweredWithAPageAVisitorCanRead() throws Exception {
        start(Duration.ofMillis(300), 100);
        CompletableFuture<HttpResponse<String>> first = send("/search?q=a");
        assertTrue(searching.await(10, TimeUnit.SECONDS), "the first search is running");

        HttpResponse<String> second = get("/search?q=b");
        assertEquals(503, second.statusCode(), second.body());
        assertTrue(second.headers().firstValue("content-type").orElse("").startsWith("text/html"),
                second.headers().map().toString());
        assertTrue(second.body().contains("ただいま検索が混み合っています") && second.body().contains("Too many searches"),
                second.body());
        assertEquals("1", second.headers().firstValue("retry-after").orElse(null));
        assertTrue(metricsText().contains("kotae_search_requests_rejected_total 1.0"), metricsText());
        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }

    private void assertBusy(HttpResponse<String> response) throws Exception {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                response.headers().map().toString());
        assertEquals("{\"error\":{\"code\":\"busy\",\"message\":\"too many searches at once; try again in a moment\"}}",
                response.body());
        assertEquals("1", response.headers().firstValue("retry-after").orElse(null));
        assertTrue(metricsText().contains("kotae_search_requests_rejected_total 1.0"), metricsText());
    }

    private void awaitWaiting(int count) {
        await(count + " searches waiting").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(this::metricsText, metrics -> metrics.contains("kotae_search_requests_waiting " + count + ".0"));
    }

    private String metricsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return client.sendAsync(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(path).get(20, TimeUnit.SECONDS);
    }
}
