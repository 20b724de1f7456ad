package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kotae.config.ContactConfig;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import dev.kotae.contact.WebhookStub;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /contact} in real headless Chromium at 390×844 ({@code e2e/contact.mjs}): a customer picks a
 * category, types Japanese, sees matching articles, opens one and submits anyway; axe-core finds no
 * violation; the funnel is recorded. The category sends to three real receivers on 127.0.0.1: a webhook
 * stub, an SMTP server (GreenMail) and a stub of Zendesk's ticket API that is down at first. The webhook
 * and the mailbox each receive the request once, with the category's priority; the ticket API receives it
 * once it is back and an admin retries it, and nobody receives it twice. Tools as {@link BrowserScript} says.
 */
class ContactBrowserIT {

    @Test
    void aCustomerOnAPhoneSeesArticlesAndStillSendsTheRequestToEveryDestination(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        String subject = "返金について（ブラウザから）";
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        try (WebhookStub hook = new WebhookStub();
                WebhookStub tickets = new WebhookStub();
                KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                        everywhere(hook, mail.getSmtp().getPort(), tickets))) {
            tickets.answer(503); // the ticket API is down when the customer submits
            BrowserScript.run("contact.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ADMIN_TOKEN",
                    KotaeServer.ADMIN_TOKEN, "SUBJECT", subject), work);

            await("the webhook receives the request").atMost(Duration.ofSeconds(30))
                    .until(() -> !hook.accepted().isEmpty());
            JsonNode request = hook.accepted().get(0).json();
            assertEquals(subject, request.get("subject").asText());
            assertEquals("high", request.get("priority").asText());
            assertEquals("billing", request.get("categoryId").asText());
            assertEquals(1, request.get("articlesOpened").size(), request::toString);
            assertTrue(request.get("articlesShown").size() >= 1, request::toString);

            assertTrue(mail.waitForIncomingEmail(30_000, 1), "the mailbox receives the request");
            MimeMessage message = mail.getReceivedMessages()[0];
            assertTrue(message.getSubject().startsWith("[high] ") && message.getSubject().endsWith(subject),
                    message.getSubject());

            await("the ticket API was tried while down").atMost(Duration.ofSeconds(30))
                    .until(() -> !tickets.received().isEmpty());
            assertEquals(0, tickets.accepted().size());
            tickets.answer(201);
            KotaeServer.Reply retry = server.post("/api/v1/admin/contact/deliveries/" + request.get("id").asText()
                    + "/desk/retry", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, retry.status(), retry.body());
            await("the ticket API receives it once it is back").atMost(Duration.ofSeconds(30))
                    .until(() -> !tickets.accepted().isEmpty());
            JsonNode ticket = tickets.accepted().get(0).json().get("ticket");
            assertEquals("high", ticket.get("priority").asText(), ticket::toString);
            assertEquals(request.get("id").asText(), ticket.get("external_id").asText());

            JsonNode deliveries = server.get("/api/v1/admin/contact/requests", KotaeServer.ADMIN_TOKEN).json();
            assertTrue(deliveries.toString().contains("delivered"), deliveries::toString);
            assertEquals(1, hook.accepted().size(), "the webhook once, not again on the ticket's retry");
            assertEquals(1, mail.getReceivedMessages().length, "the mailbox once");
            assertEquals(1, tickets.accepted().size(), "the ticket API once");

            await("the funnel shows every step the customer took").atMost(Duration.ofSeconds(30))
                    .until(() -> funnel(server, "billing") != null
                            && funnel(server, "billing").get("submitted").get("events").asInt() == 1);
            // The page is shown before a category is picked: its row is the one without a category.
            assertEquals(1, funnel(server, "").get("viewed").get("sessions").asInt(), "the page, shown");
            JsonNode billing = funnel(server, "billing");
            for (String step : List.of("shown", "opened", "submitted")) {
                assertEquals(1, billing.get(step).get("sessions").asInt(), step + ": " + billing);
            }
            assertEquals(0, billing.get("solved").get("events").asInt(), "opened, not solved: " + billing);
        } finally {
            mail.stop();
        }
    }

    /**
     * The contact funnel's row of a category ({@code ""}: before one was picked), as the analytics API gives
     * it; {@code null} before it has one.
     */
    private static JsonNode funnel(KotaeServer server, String category) {
        for (JsonNode row : server.get("/api/v1/analytics/contact-funnel", KotaeServer.ADMIN_TOKEN).json().get("rows")) {
            if (category.equals(row.path("category").asText(""))) {
                return row;
            }
        }
        return null;
    }

    /** The bundled categories, each sending to the webhook, the mailbox and the ticket API. */
    private static UnaryOperator<KotaeConfig> everywhere(WebhookStub hook, int smtpPort, WebhookStub tickets) {
        return config -> {
            List<ContactConfig.Category> categories = new ArrayList<>();
            for (ContactConfig.Category category : ContactConfig.defaults().categories()) {
                categories.add(new ContactConfig.Category(category.id(), category.labels(), category.priority(),
                        List.of("support", "mail", "desk")));
            }
            String ticketApi = tickets.url().substring(0, tickets.url().indexOf("/hook"));
            return config.withContact(ContactConfig.defaults()
                    .withDestinations(Map.of(
                            "support", new ContactConfig.DestinationConfig("support", "webhook",
                                    Map.of("url", hook.url(), "format", "json")),
                            "mail", new ContactConfig.DestinationConfig("mail", "smtp", Map.of("host", "127.0.0.1",
                                    "port", smtpPort, "tls", "none", "from", "help@kotae.example",
                                    "to", List.of("desk@kotae.example"))),
                            "desk", new ContactConfig.DestinationConfig("desk", "zendesk", Map.of("baseUrl", ticketApi,
                                    "email", "agent@kotae.example", "apiToken", "stub-token"))))
                    .withCategories(categories)
                    .withSubmissionsPerMinute(100));
        };
    }
}
