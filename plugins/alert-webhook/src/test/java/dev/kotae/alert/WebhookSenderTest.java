package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kotae.alert.WebhookSender.Response;
import dev.kotae.plugin.testkit.EndlessAnswer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retries and back-off against a scripted transport; "sleeping" only records how long it would wait. */
class WebhookSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    /** Answers with the scripted outcomes in turn (a Response, or an IOException to throw). */
    private static final class ScriptedTransport implements WebhookSender.Transport {
        final Deque<Object> script = new ArrayDeque<>();
        final List<String> posted = new CopyOnWriteArrayList<>();

        ScriptedTransport(Object... outcomes) {
            script.addAll(List.of(outcomes));
        }

        @Override
        public Response post(String json) throws IOException {
            posted.add(json);
            Object next = script.isEmpty() ? new Response(200, null) : script.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Response) next;
        }
    }

    private final List<Duration> waits = new ArrayList<>();

    private WebhookSender sender(ScriptedTransport transport, int retries) {
        return new WebhookSender("alert-webhook", transport, waits::add, CLOCK, retries, Duration.ofSeconds(1), 10);
    }

    private static Response status(int status) {
        return new Response(status, null);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(status(500), status(502));
        WebhookSender sender = sender(transport, 3);
        assertTrue(sender.deliver("{}"));
        assertEquals(3, transport.posted.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals(1, sender.sent.get());
    }

    @Test
    void givesUpAfterTheRetries() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(status(503), status(503), status(503), status(503), status(200));
        WebhookSender sender = sender(transport, 3);
        assertFalse(sender.deliver("{}"));
        assertEquals(4, transport.posted.size(), "the first attempt and 3 retries");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        assertEquals(1, sender.failed.get());

        waits.clear();
        ScriptedTransport once = new ScriptedTransport(status(500));
        assertFalse(sender(once, 0).deliver("{}"));
        assertEquals(1, once.posted.size(), "retries: 0 tries once");
        assertEquals(List.of(), waits);
    }

    @Test
    void retriesIoErrorsAndTimeouts() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(new ConnectException("refused"),
                new HttpTimeoutException("timed out"));
        assertTrue(sender(transport, 3).deliver("{}"));
        assertEquals(3, transport.posted.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void doesNotRetryOtherClientErrors() throws Exception {
        for (int status : new int[] {400, 403, 404, 410, 301}) {
            ScriptedTransport transport = new ScriptedTransport(status(status));
            assertFalse(sender(transport, 3).deliver("{}"), "HTTP " + status);
            assertEquals(1, transport.posted.size(), "HTTP " + status);
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void honoursRetryAfter() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(new Response(429, "7"), new Response(503, "3600"),
                new Response(429, "Fri, 27 Nov 2026 03:00:30 GMT"));
        assertTrue(sender(transport, 3).deliver("{}"));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(60), Duration.ofSeconds(30)), waits,
                "seconds, capped at 60 s, and an HTTP date");

        WebhookSender sender = sender(new ScriptedTransport(), 3);
        assertNull(sender.retryAfter("soon"), "unreadable: the back-off applies");
        assertEquals(Duration.ZERO, sender.retryAfter("Fri, 27 Nov 2026 02:00:00 GMT"), "in the past");
    }

    @Test
    void theQueueIsBoundedAndNeverBlocks() {
        WebhookSender sender = new WebhookSender("alert-webhook", new ScriptedTransport(), waits::add, CLOCK, 3,
                Duration.ofSeconds(1), 2);
        assertTrue(sender.offer("1"));
        assertTrue(sender.offer("2"));
        assertFalse(sender.offer("3"), "full: dropped, not waited for");
        assertEquals(1, sender.dropped.get());
    }

    @Test
    void sendsOnItsOwnThreadAndStops() throws Exception {
        CountDownLatch posted = new CountDownLatch(2);
        List<String> threads = new CopyOnWriteArrayList<>();
        WebhookSender.Transport transport = json -> {
            threads.add(Thread.currentThread().getName());
            posted.countDown();
            return status(200);
        };
        WebhookSender sender = new WebhookSender("alert-webhook", transport, waits::add, CLOCK, 3, Duration.ofSeconds(1), 10);
        sender.start();
        sender.offer("a");
        sender.offer("b");
        assertTrue(posted.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("alert-webhook-sender", "alert-webhook-sender"), threads);
        sender.stop();
        assertFalse(sender.offer("c"), "stopped");
        assertEquals(2, sender.sent.get());
    }

    @Test
    void theHttpTransportPostsJsonAndReadsStatusAndRetryAfter() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        receiver.createContext("/hook", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Retry-After", "5");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhookSender.Transport http = WebhookSender.http(
                    URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), Duration.ofSeconds(10));
            assertEquals(new Response(429, "5"), http.post("{\"text\":\"ログイン\"}"));
            assertEquals(List.of("POST application/json; charset=utf-8 {\"text\":\"ログイン\"}"), seen);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theHttpTransportGivesUpOnAWebhookThatTricklesItsAnswer() throws Exception {
        try (EndlessAnswer webhook = new EndlessAnswer(200, 1_000_000, Duration.ofMillis(100))) {
            WebhookSender.Transport http = WebhookSender.http(URI.create(webhook.url("/hook")), Duration.ofSeconds(1));
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(IOException.class, () -> http.post("{\"text\":\"x\"}")));
            assertTrue(e instanceof HttpTimeoutException, e.toString()); // retried like any time-out
            assertTrue(webhook.awaitHangUp(Duration.ofSeconds(30)), "the connection is closed, not left trickling");
        }
    }
}
