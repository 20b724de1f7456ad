package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Priority;
import dev.kotae.plugin.testkit.EndlessAnswer;
import dev.kotae.contact.WebhookStub;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook destination against a real HTTP receiver on 127.0.0.1. */
class WebhookDestinationTest {

    static final ContactRequest REQUEST = new ContactRequest("0b7e4c1a-1111-2222-3333-444455556666",
            Instant.parse("2026-12-06T03:00:00Z"), "ja", "billing", "請求・支払い", Priority.HIGH, "山田 <太郎>",
            "taro@example.com", "返金はいつ？", "先月の請求について & <b>返金</b>", List.of("refund-timing"),
            List.of("refund-timing"));

    @Test
    void jsonCarriesEveryFieldOfTheRequestWithItsIdAsIdempotencyKey() throws Exception {
        try (WebhookStub stub = new WebhookStub()) {
            WebhookDestination.of("ops", Map.of("url", stub.url(), "format", "json")).deliver(REQUEST);
            assertEquals(1, stub.accepted().size());
            JsonNode body = stub.accepted().get(0).json();
            assertEquals("high", body.get("priority").asText());
            assertEquals("billing", body.get("categoryId").asText());
            assertEquals("請求・支払い", body.get("categoryLabel").asText());
            assertEquals("先月の請求について & <b>返金</b>", body.get("description").asText());
            assertEquals("taro@example.com", body.get("email").asText());
            assertEquals("2026-12-06T03:00:00Z", body.get("submittedAt").asText());
            assertEquals("refund-timing", body.get("articlesOpened").get(0).asText());
            assertEquals(12, body.size(), body::toString);
            assertEquals(REQUEST.id(), stub.accepted().get(0).header("Idempotency-Key"));
        }
    }

    @Test
    void slackGetsATextMessageWithThePriorityAndTheCustomersTextEscaped() throws Exception {
        try (WebhookStub stub = new WebhookStub()) {
            WebhookDestination.of("slack", Map.of("url", stub.url(), "format", "slack", "secretHeader", "X-Secret",
                    "secret", "s3cret")).deliver(REQUEST);
            JsonNode body = stub.accepted().get(0).json();
            assertEquals(1, body.size(), body::toString);
            String text = body.get("text").asText();
            assertTrue(text.startsWith("*[HIGH] 請求・支払い: 返金はいつ？*"), text);
            assertTrue(text.contains("&amp; &lt;b&gt;返金&lt;/b&gt;"), text);
            assertTrue(text.contains("山田 &lt;太郎&gt;"), text);
            assertFalse(text.contains("<b>"), text);
            assertEquals("s3cret", stub.accepted().get(0).header("X-Secret"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 408, 429})
    void serverErrorsTimeoutsAndThrottlingAreRetried(int status) {
        try (WebhookStub stub = new WebhookStub()) {
            stub.answer(status);
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> WebhookDestination.of("ops", Map.of("url", stub.url())).deliver(REQUEST));
            assertFalse(e.permanent());
            assertEquals("HTTP " + status + " from 127.0.0.1", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 410})
    void otherClientErrorsArePermanent(int status) {
        try (WebhookStub stub = new WebhookStub()) {
            stub.answer(status);
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> WebhookDestination.of("ops", Map.of("url", stub.url())).deliver(REQUEST));
            assertTrue(e.permanent());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 308})
    void aMovedReceiverIsPermanentAndTheAdminIsToldToChangeTheUrl(int status) {
        try (WebhookStub stub = new WebhookStub()) {
            stub.answer(status);
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> WebhookDestination.of("ops", Map.of("url", stub.url())).deliver(REQUEST));
            assertTrue(e.permanent(), "retrying a moved address only delays the fix");
            assertEquals("HTTP " + status + " from 127.0.0.1: redirects are not followed; set the destination's url"
                    + " to the receiver's new address", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 303, 307})
    void aTemporaryRedirectIsRetriedAndNotFollowed(int status) {
        try (WebhookStub stub = new WebhookStub()) {
            stub.answer(status);
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> WebhookDestination.of("ops", Map.of("url", stub.url())).deliver(REQUEST));
            assertFalse(e.permanent());
            assertEquals("HTTP " + status + " from 127.0.0.1: redirects are not followed", e.getMessage());
            assertEquals(1, stub.received().size(), "posted once, to the configured address only");
        }
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsGivenUpOnAtTheTimeoutAndHungUpOn() throws Exception {
        // Headers at once, then a byte every 100 ms for hours: the JDK's request timeout ends only the
        // wait for the headers, and this held the sender's one thread (every destination) indefinitely.
        try (EndlessAnswer receiver = new EndlessAnswer(200, 1_000_000, Duration.ofMillis(100))) {
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    DeliveryException.class, () -> WebhookDestination.of("ops",
                            Map.of("url", receiver.url("/hook"), "timeoutSeconds", 1)).deliver(REQUEST)));
            assertFalse(e.permanent(), "retried later");
            assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
            assertTrue(receiver.awaitHangUp(Duration.ofSeconds(30)), "the connection is closed, not left trickling");
        }
    }

    @Test
    void aReceiverNotListeningIsRetriedAndTheErrorDoesNotShowTheUrlsPath() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DeliveryException e = assertThrows(DeliveryException.class, () -> WebhookDestination.of("ops",
                Map.of("url", "http://127.0.0.1:" + port + "/services/T000/B000/secret-path")).deliver(REQUEST));
        assertFalse(e.permanent());
        assertFalse(e.getMessage().contains("secret-path"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertEquals("url is required", assertThrows(IllegalArgumentException.class,
                () -> WebhookDestination.of("x", Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WebhookDestination.of("x", Map.of("url", "http://h/", "formt", "slack"))).getMessage()
                .startsWith("formt is not a webhook setting"));
        assertEquals("format must be slack or json", assertThrows(IllegalArgumentException.class,
                () -> WebhookDestination.of("x", Map.of("url", "http://h/", "format", "xml"))).getMessage());
        assertEquals("url must be an http(s) address", assertThrows(IllegalArgumentException.class,
                () -> WebhookDestination.of("x", Map.of("url", "ftp://h/"))).getMessage());
        assertEquals("secretHeader and secret go together", assertThrows(IllegalArgumentException.class,
                () -> WebhookDestination.of("x", Map.of("url", "http://h/", "secretHeader", "X-S"))).getMessage());
    }
}
