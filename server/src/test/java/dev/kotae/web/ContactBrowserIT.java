package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import dev.kotae.contact.WebhookStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /contact} in real headless Chromium at 390×844 ({@code e2e/contact.mjs}): a customer picks a
 * category, types Japanese, sees matching articles, opens one and submits anyway; axe-core finds no
 * violation; the funnel is recorded; the webhook stub receives the request once, with the category's
 * priority and the article opened. Tools as {@link BrowserScript} says.
 */
class ContactBrowserIT {

    @Test
    void aCustomerOnAPhoneSeesArticlesAndStillSendsTheRequest(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        String subject = "返金について（ブラウザから）";
        try (WebhookStub stub = new WebhookStub();
                KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                        ContactPageIT.withWebhook(stub, 100))) {
            BrowserScript.run("contact.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ADMIN_TOKEN",
                    KotaeServer.ADMIN_TOKEN, "SUBJECT", subject), work);
            await("the webhook receives the request").atMost(Duration.ofSeconds(30))
                    .until(() -> !stub.accepted().isEmpty());
            List<JsonNode> received = stub.accepted().stream().map(WebhookStub.Received::json).toList();
            assertEquals(1, received.size(), received::toString);
            JsonNode request = received.get(0);
            assertEquals(subject, request.get("subject").asText());
            assertEquals("high", request.get("priority").asText());
            assertEquals("billing", request.get("categoryId").asText());
            assertTrue(request.get("articlesOpened").size() == 1, request::toString);
            assertTrue(request.get("articlesShown").size() >= 1, request::toString);
        }
    }
}
