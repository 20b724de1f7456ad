package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Priority;
import dev.kotae.plugin.testkit.EndlessAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket destination against a stub of Zendesk's Tickets API on 127.0.0.1. */
class ZendeskDestinationTest {

    private static final String TOKEN = "zd-Tok3n-abcdef0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the stub received. */
    record Received(String method, String path, Map<String, String> headers, String body) {}

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private HttpServer stub;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", this::answer);
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), String.join(",", values)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = answers.isEmpty() ? Answer.of(201, "{\"ticket\":{\"id\":35436}}") : answers.removeFirst();
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("type", "zendesk");
        settings.put("baseUrl", "http://127.0.0.1:" + stub.getAddress().getPort() + "/");
        settings.put("email", "agent@help.example");
        settings.put("apiToken", TOKEN);
        settings.put("groupId", "360001234567");
        settings.put("tags", "kotae, Web-Form");
        settings.put("timeoutSeconds", "2");
        return settings;
    }

    private ZendeskDestination destination() {
        return ZendeskDestination.fromSettings("zendesk", settings());
    }

    private static void assertNoSecret(String text) {
        String basic = Base64.getEncoder().encodeToString(
                ("agent@help.example/token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(TOKEN) || text.contains(basic), "a secret in: " + text);
    }

    @Test
    void createsOneTicketWithTheExactBodyAuthAndIdempotencyKey() throws Exception {
        ContactRequest request = SampleRequests.japanese();
        destination().deliver(request);

        assertEquals(1, received.size());
        Received post = received.get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/v2/tickets.json", post.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                ("agent@help.example/token:" + TOKEN).getBytes(StandardCharsets.UTF_8)), post.headers().get("authorization"));
        assertEquals("req-20261206-0001", post.headers().get("idempotency-key"));
        assertEquals("application/json; charset=utf-8", post.headers().get("content-type"));
        String expected = """
                {"ticket": {
                  "subject": "カードで支払えません",
                  "comment": {"body": %s},
                  "requester": {"name": "山田 太郎", "email": "taro@customer.example"},
                  "priority": "urgent",
                  "tags": ["kotae", "web-form", "billing"],
                  "external_id": "req-20261206-0001",
                  "group_id": 360001234567
                }}""".formatted(JSON.writeValueAsString(RequestText.body(request)));
        assertEquals(JSON.readTree(expected), JSON.readTree(post.body()));
        assertTrue(post.body().contains("決済画面で「エラー E-301」"), "UTF-8 on the wire: " + post.body());
    }

    @Test
    void mapsEachPriorityToZendesksOwnAndNamesARequesterWithoutName() throws Exception {
        for (Priority priority : Priority.values()) {
            destination().deliver(SampleRequests.with("件名", null, "hanako@customer.example", priority));
        }
        assertEquals(List.of("low", "normal", "high", "urgent"),
                received.stream().map(r -> json(r.body()).path("ticket").path("priority").asText()).toList());
        var requester = json(received.get(0).body()).path("ticket").path("requester");
        assertEquals("hanako@customer.example", requester.path("name").asText());
        assertEquals("hanako@customer.example", requester.path("email").asText());
    }

    @Test
    void aRetrySendsTheSameBodyAndKeySoZendeskCanAnswerWithTheFirstTicket() throws Exception {
        answers.add(Answer.of(503, ""));
        ContactRequest request = SampleRequests.japanese();
        ZendeskDestination destination = destination();
        assertThrows(DeliveryException.class, () -> destination.deliver(request));
        destination.deliver(request);
        assertEquals(2, received.size());
        assertEquals(received.get(0).body(), received.get(1).body());
        assertEquals(received.get(0).headers().get("idempotency-key"), received.get(1).headers().get("idempotency-key"));
    }

    @Test
    void unavailableAndRateLimitedAreRetriedWithRetryAfterInTheMessage() {
        answers.add(new Answer(503, Map.of("Retry-After", "30"), "{\"error\":\"Unavailable\"}"));
        DeliveryException unavailable = assertThrows(DeliveryException.class,
                () -> destination().deliver(SampleRequests.japanese()));
        assertFalse(unavailable.permanent());
        assertTrue(unavailable.getMessage().contains("HTTP 503"), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains("retry after 30 s"), unavailable.getMessage());

        answers.add(new Answer(429, Map.of("Retry-After", "7"), ""));
        DeliveryException limited = assertThrows(DeliveryException.class,
                () -> destination().deliver(SampleRequests.japanese()));
        assertFalse(limited.permanent());
        assertTrue(limited.getMessage().contains("HTTP 429") && limited.getMessage().contains("retry after 7 s"),
                limited.getMessage());
    }

    @Test
    void anInvalidTicketIsPermanentWithZendesksReasonAndNoSecret() {
        answers.add(Answer.of(422, """
                {"error":"RecordInvalid","description":"Record validation errors",
                 "details":{"requester":[{"description":"Requester: Email is not properly formatted"}]}}"""));
        DeliveryException e = assertThrows(DeliveryException.class, () -> destination().deliver(SampleRequests.japanese()));
        assertTrue(e.permanent());
        assertTrue(e.getMessage().startsWith("Zendesk answered HTTP 422: RecordInvalid: Record validation errors"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Email is not properly formatted"), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aRefusedTokenIsPermanentAndNeverQuoted() {
        // A stub that echoes what it was sent: even then the message carries no secret.
        answers.add(Answer.of(401, "{\"error\":\"Couldn't authenticate you\",\"description\":\"agent@help.example/token:"
                + TOKEN + "\"}"));
        ZendeskDestination destination = destination();
        DeliveryException e = assertThrows(DeliveryException.class, () -> destination.deliver(SampleRequests.japanese()));
        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("check email and apiToken"),
                e.getMessage());
        assertNoSecret(e.getMessage());
        assertNoSecret(destination.toString());
        assertNoSecret(destination.settings().toString());
    }

    @Test
    void aRedirectIsNotFollowed() {
        answers.add(new Answer(302, Map.of("Location", "/elsewhere"), ""));
        DeliveryException e = assertThrows(DeliveryException.class, () -> destination().deliver(SampleRequests.japanese()));
        assertTrue(e.permanent(), e.getMessage());
        assertEquals(1, received.size(), "the token was not sent to the redirect's target");
    }

    @Test
    void aDownApiIsRetriedWithoutSecretInTheMessage() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put("baseUrl", "http://127.0.0.1:" + port);
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> ZendeskDestination.fromSettings("zendesk", settings).deliver(SampleRequests.japanese()));
        assertFalse(e.permanent());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aHugeAnswerIsNotReadWhole() throws Exception {
        // 200 MiB of error page: read whole into a string, it ran a 512 MB heap out of memory.
        long huge = 200L * 1024 * 1024;
        try (EndlessAnswer api = new EndlessAnswer(500, huge, Duration.ZERO)) {
            Map<String, String> settings = settings();
            settings.put("baseUrl", api.url(""));
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> ZendeskDestination.fromSettings("zendesk", settings).deliver(SampleRequests.japanese()));
            assertFalse(e.permanent());
            assertTrue(e.getMessage().startsWith("Zendesk answered HTTP 500"), e.getMessage());
            assertTrue(api.awaitHangUp(Duration.ofSeconds(30)), "the rest of the answer is not read");
            // Socket buffers and the client's read-ahead take a few megabytes before the hang-up reaches the stub.
            assertTrue(api.sent() < huge / 4, "sent before the hang-up: " + api.sent());
        }
    }

    @Test
    void anAnswerThatTricklesIsGivenUpOnAtTheTimeout() throws Exception {
        try (EndlessAnswer api = new EndlessAnswer(201, 1_000_000, Duration.ofMillis(100))) {
            Map<String, String> settings = settings();
            settings.put("baseUrl", api.url(""));
            settings.put("timeoutSeconds", "1");
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    DeliveryException.class,
                    () -> ZendeskDestination.fromSettings("zendesk", settings).deliver(SampleRequests.japanese())));
            assertFalse(e.permanent());
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
            assertTrue(api.awaitHangUp(Duration.ofSeconds(30)), "the connection is closed, not left trickling");
        }
    }

    @Test
    void aSlowApiIsGivenUpOnAfterTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        stub.removeContext("/");
        stub.createContext("/", exchange -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Map<String, String> settings = settings();
        settings.put("timeoutSeconds", "1");
        try {
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(
                    DeliveryException.class,
                    () -> ZendeskDestination.fromSettings("zendesk", settings).deliver(SampleRequests.japanese())));
            assertFalse(e.permanent());
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
