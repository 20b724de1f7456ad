package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled {@code alert-webhook} plugin in a real server: searches over real HTTP, alerts posted to a
 * local webhook receiver. A real server cannot take a fake clock, so the plugin runs with 1-second buckets,
 * a 2-second window and a 4-window baseline (quiet for the first 10 seconds), and the test builds the
 * baseline with its own steady traffic first. The receiver is the synchronisation point: the listener and the
 * sender both keep order, so an alert that should not have been sent would arrive before the next expected one.
 */
class AlertWebhookIT {

    private static final String PLUGIN = "alert-webhook";
    private static final String STEADY = "配送";            // 16 a window: above minCount, but steady
    private static final String SPIKE = "ログインできない";   // 2 a window, then a burst
    private static final String SECOND = "支払いエラー";      // never searched, then a burst
    private static final Duration POLL = Duration.ofSeconds(20);

    /** One request the receiver got: the status it answered and the body. */
    private record Received(int status, String body) {}

    private HttpServer receiver;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private KotaeServer server;

    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            byte[] answer = (status == 200 ? "ok" : "server_error").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
            received.add(new Received(status, body));
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private KotaeServer start(Path work, Map<String, Object> settings) throws Exception {
        Path plugins = KotaeServer.pluginFolder(work, PLUGIN + ".jar");
        server = KotaeServer.withPlugins(work, new PluginsConfig(plugins, Duration.ofSeconds(5),
                Map.of(PLUGIN, settings), work));
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void alertsOnceForASpikeNotForSteadyTrafficRespectsTheCooldownAndRetries(@TempDir Path work) throws Exception {
        String hook = startReceiver();
        start(work, Map.of("webhookUrl", hook, "dashboardUrl", "https://help.example.test/analytics",
                "bucketSeconds", 1, "windowBuckets", 2, "baselineWindows", 4, "minCount", 10,
                "cooldownSeconds", 600));
        assertEquals("started", server.pluginStatus(PLUGIN).get("state").asText(), server.pluginStatus(PLUGIN).toString());

        // Steady traffic past the warm-up: the baseline, and no reason to alert.
        long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        long next = System.nanoTime();
        for (int tick = 0; System.nanoTime() < end; tick++) {
            search(STEADY);
            search(STEADY);
            if (tick % 4 == 0) {
                search(SPIKE);
            }
            // Paced by the clock, without catching up after a stall: a burst of catching up would be a spike.
            next = Math.max(next + Duration.ofMillis(250).toNanos(), System.nanoTime());
            TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
        }

        burst(SPIKE, 30);
        Received first = received.poll(POLL.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(first, "no alert for a burst of 30 searches against a baseline of 2");
        JsonNode message = KotaeServer.JSON.readTree(first.body());
        String text = message.get("text").asText();
        assertTrue(text.startsWith("Search spike: \u201c" + SPIKE + "\u201d searched "), text);
        int count = Integer.parseInt(text.replaceAll(".* searched (\\d+) times in the last 2 s .*", "$1"));
        assertTrue(count >= 10, "at least minCount: " + text);
        assertTrue(text.matches(".*\\(baseline \\d+\\.\\d, \\d+\\.\\d\u00d7 the baseline\\)"), text);
        assertTrue(message.get("blocks").isArray() && message.get("blocks").size() >= 3, first.body());
        assertEquals("section", message.get("blocks").get(0).get("type").asText());
        assertTrue(first.body().contains(count + " searches"), first.body());
        assertTrue(first.body().contains("<https://help.example.test/analytics?q=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3"
                + "%E3%81%A7%E3%81%8D%E3%81%AA%E3%81%84|Open in analytics>"), first.body());

        // The spike goes on, within the cooldown: no second alert. Then another term spikes, and its alert
        // is refused once with a 500. Being in order, a second alert for the first term would come before it.
        burst(SPIKE, 30);
        failNext.set(1);
        burst(SECOND, 30);
        Received refused = received.poll(POLL.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(refused, "no alert for the second term");
        assertEquals(500, refused.status());
        assertTrue(refused.body().contains("\u201c" + SECOND + "\u201d"), "not a second alert for the first term: "
                + refused.body());
        Received retried = received.poll(POLL.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(retried, "the refused alert was not retried");
        assertEquals(200, retried.status());
        assertEquals(refused.body(), retried.body(), "the same message, retried");
        assertNull(received.peek(), "nothing else was posted: " + received);
    }

    @Test
    void badSettingsStopThePluginWithAMessage(@TempDir Path work) throws Exception {
        start(work, Map.of("minCount", 10));
        JsonNode status = server.pluginStatus(PLUGIN);
        assertEquals("failed", status.get("state").asText(), status.toString());
        assertTrue(status.toString().contains("plugins.alert-webhook: webhookUrl is required"), status.toString());
        assertEquals(200, server.query("/api/v1/search", null, Map.of("q", SPIKE)).status(), "searching goes on");
    }

    private void search(String q) {
        assertEquals(200, server.query("/api/v1/search", null, Map.of("q", q)).status());
    }

    /** {@code n} searches at once, from 4 threads. */
    private void burst(String q, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> search(q)));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
