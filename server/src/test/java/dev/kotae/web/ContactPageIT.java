package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.config.ContactConfig;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import dev.kotae.contact.WebhookStub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /contact} over real HTTP against a real server whose categories send to a webhook stub on
 * 127.0.0.1: a submission reaches the stub once with its category's priority; with the stub down it waits
 * in the queue (visible to admins) and is delivered once the stub is back and an admin retries; bad input
 * is a 4xx page; the honeypot, the rate limit and the size limit; suggestions are public articles only;
 * every funnel step is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactPageIT {

    private WebhookStub stub;
    private KotaeServer server;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        stub = new WebhookStub();
        server = KotaeServer.configured(work, PluginsConfig.none(), withWebhook(stub, 100));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (stub != null) {
            stub.close();
        }
    }

    /** The bundled categories, each sending to a JSON webhook at {@code stub}. */
    static UnaryOperator<KotaeConfig> withWebhook(WebhookStub stub, int perMinute) {
        return config -> {
            List<ContactConfig.Category> categories = new ArrayList<>();
            for (ContactConfig.Category category : ContactConfig.defaults().categories()) {
                categories.add(new ContactConfig.Category(category.id(), category.labels(), category.priority(),
                        List.of("support")));
            }
            return config.withContact(ContactConfig.defaults()
                    .withDestinations(Map.of("support", new ContactConfig.DestinationConfig("support", "webhook",
                            Map.of("url", stub.url(), "format", "json"))))
                    .withCategories(categories)
                    .withSubmissionsPerMinute(perMinute));
        };
    }

    /** The form's fields as a browser would send them, with these filled in. */
    static Map<String, String> filled(Document page, Map<String, String> typed) {
        Map<String, String> fields = SiteBrowser.formFields(page, "form.contact-form");
        fields.remove("category"); // radio buttons: only the picked one is sent
        fields.putAll(typed);
        return fields;
    }

    static Map<String, String> valid(String subject) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("category", "billing");
        typed.put("subject", subject);
        typed.put("description", "先月の請求に身に覚えのない項目があります。\n確認をお願いします。");
        typed.put("email", "taro@example.com");
        typed.put("name", "山田 太郎");
        return typed;
    }

    @Test
    void thePageOffersTheCategoriesAndEveryPageLinksToIt() {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        SiteBrowser.Page page = browser.get("/contact?lang=ja");
        assertEquals(200, page.status());
        Document html = page.html();
        assertEquals(3, html.select("input[type=radio][name=category]").size());
        assertTrue(html.select("label.contact-category").text().contains("請求・支払い"));
        assertNotNull(html.selectFirst("label[for=contact-subject]"));
        assertNotNull(html.selectFirst("label[for=contact-email]"));
        assertEquals("/contact", browser.get("/").html().selectFirst("footer a.contact-link").attr("href"));
        assertNull(html.selectFirst("footer a.contact-link"), "the contact page does not offer itself");
        awaitDeflection("contact", "viewed");
    }

    @Test
    void aSubmissionReachesTheWebhookOnceWithItsCategorysPriority() {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        Document form = browser.get("/contact").html();
        Map<String, String> fields = filled(form, valid("請求について（一度だけ届く）"));
        fields.put("shown", "credit-card not/an/id sakura-pay");
        fields.put("opened", "credit-card");
        SiteBrowser.Page sent = browser.post("/contact", fields);
        assertEquals(303, sent.status(), sent.body());
        assertEquals("/contact/sent", URI.create(sent.location()).getPath());
        assertEquals(200, browser.get("/contact/sent").status());

        JsonNode received = awaitReceived("請求について（一度だけ届く）");
        assertEquals("high", received.get("priority").asText());
        assertEquals("billing", received.get("categoryId").asText());
        assertEquals("taro@example.com", received.get("email").asText());
        assertEquals("先月の請求に身に覚えのない項目があります。\n確認をお願いします。", received.get("description").asText());
        assertEquals("[\"credit-card\",\"sakura-pay\"]", received.get("articlesShown").toString());
        assertEquals("[\"credit-card\"]", received.get("articlesOpened").toString());
        awaitDeflection("contact/billing", "submitted");
        JsonNode delivery = await().atMost(Duration.ofSeconds(30)).until(
                () -> delivery(received.get("id").asText()), d -> d != null && d.get("state").asText().equals("delivered"));
        assertEquals(1, delivery.get("attempts").asInt());
        assertEquals(1, stub.accepted().stream().filter(r -> r.body().contains("一度だけ届く")).count());
    }

    @Test
    void withTheWebhookDownARequestWaitsAndIsDeliveredOnceItIsBack() {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        stub.answer(503);
        try {
            Map<String, String> fields = filled(browser.get("/contact").html(), valid("障害中の問い合わせ"));
            fields.put("category", "account");
            assertEquals(303, browser.post("/contact", fields).status());
            JsonNode pending = await().atMost(Duration.ofSeconds(30)).until(() -> undelivered("障害中の問い合わせ"),
                    d -> d != null && d.get("attempts").asInt() >= 1);
            assertEquals("pending", pending.get("state").asText());
            assertEquals("HTTP 503 from 127.0.0.1", pending.get("lastError").asText());
            assertTrue(stub.accepted().stream().noneMatch(r -> r.body().contains("障害中の問い合わせ")));
            // Back up right before the retry: until then the sender's own retries (30 s on) fail again, so
            // however slow this machine, the admin's retry is the one that delivers it.
            stub.answer(200);
            KotaeServer.Reply retry = server.post("/api/v1/admin/contact/deliveries/" + pending.get("requestId").asText()
                    + "/support/retry", "", KotaeServer.ADMIN_TOKEN);
            assertEquals(200, retry.status(), retry.body());
        } finally {
            stub.answer(200);
        }
        JsonNode received = awaitReceived("障害中の問い合わせ");
        assertEquals("normal", received.get("priority").asText());
        assertEquals(1, stub.accepted().stream().filter(r -> r.body().contains("障害中の問い合わせ")).count());
        assertEquals(403, server.post("/api/v1/admin/contact/deliveries/x/support/retry", "",
                KotaeServer.AGENT_TOKEN).status());
        assertEquals(404, server.post("/api/v1/admin/contact/deliveries/no-such/support/retry", "",
                KotaeServer.ADMIN_TOKEN).status());
    }

    @Test
    void badInputIsAnsweredWithTheFormItsErrorsAndTheTextAsTyped() {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        Document form = browser.get("/contact?lang=en").html();
        Map<String, String> typed = valid("入力ミスのある問い合わせ");
        typed.remove("category");
        typed.put("email", "not-an-address");
        SiteBrowser.Page refused = browser.post("/contact", filled(form, typed));
        assertEquals(400, refused.status());
        Document page = refused.html();
        assertNotNull(page.selectFirst("[role=alert] a[href=#contact-category]"), refused.body());
        assertNotNull(page.selectFirst("[role=alert] a[href=#contact-email]"));
        assertEquals("true", page.selectFirst("#contact-email").attr("aria-invalid"));
        assertEquals("contact-email-error", page.selectFirst("#contact-email").attr("aria-describedby"));
        assertEquals("入力ミスのある問い合わせ", page.selectFirst("#contact-subject").attr("value"));

        Map<String, String> tooLong = valid("長すぎる説明");
        tooLong.put("description", "あ".repeat(4001));
        assertEquals(400, browser.post("/contact", filled(form, tooLong)).status());
        Map<String, String> unknownCategory = valid("存在しない種類");
        unknownCategory.put("category", "nope");
        assertEquals(400, browser.post("/contact", filled(form, unknownCategory)).status());

        Map<String, String> noToken = filled(form, valid("トークンなし"));
        noToken.remove("csrf");
        assertEquals(403, browser.post("/contact", noToken).status());
        assertTrue(stub.received().stream().noneMatch(r -> r.body().contains("入力ミス") || r.body().contains("長すぎる")
                || r.body().contains("存在しない種類") || r.body().contains("トークンなし")));
    }

    @Test
    void aFilledHoneypotLooksSentButNothingIsKeptOrSent() throws Exception {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        Map<String, String> fields = filled(browser.get("/contact").html(), valid("ボットの投稿"));
        fields.put("website", "http://spam.example");
        SiteBrowser.Page sent = browser.post("/contact", fields);
        assertEquals(303, sent.status());
        // A real request after it is delivered, so the bot's would have been by then too.
        assertEquals(303, browser.post("/contact", filled(browser.get("/contact").html(), valid("ボットの後の投稿"))).status());
        awaitReceived("ボットの後の投稿");
        assertTrue(stub.received().stream().noneMatch(r -> r.body().contains("ボットの投稿")));
        assertFalse(server.get("/api/v1/admin/contact/requests?limit=1000", KotaeServer.ADMIN_TOKEN).body()
                .contains("ボットの投稿"));
    }

    /**
     * Over a raw socket that reads the answer while it is still sending: Java's HttpClient, sending the
     * body on a reused connection, now and then reported the early 413 as a connection that answered
     * nothing.
     */
    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long size = 200_000;
        RawExchange.Result refused = RawExchange.send(server.port(), "POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + size, false,
                "description=".getBytes(StandardCharsets.US_ASCII), size);
        assertEquals(413, refused.status(), refused.body());
        assertTrue(refused.header("content-type").startsWith("text/html"), refused::toString);
    }

    @Test
    void suggestionsArePublicArticlesOnlyWhoeverAsks() {
        JsonNode anonymous = server.query("/contact/suggest", null, Map.of("q", "返金 承認", "locale", "ja")).json();
        assertTrue(anonymous.get("articles").size() > 0, anonymous::toString);
        assertTrue(anonymous.get("articles").size() <= 3);
        JsonNode agent = server.query("/contact/suggest", KotaeServer.AGENT_TOKEN,
                Map.of("q", "返金承認フロー 社内", "locale", "ja")).json();
        for (JsonNode found : List.of(anonymous, agent)) {
            found.get("articles").forEach(a -> assertFalse(a.get("id").asText().equals("refund-approval"), found::toString));
        }
        // Read by the page's script: errors are JSON, as the API's are.
        KotaeServer.Reply tooLong = server.query("/contact/suggest", null, Map.of("q", "あ".repeat(1001)));
        assertEquals(400, tooLong.status());
        assertEquals("bad_query", tooLong.json().get("error").get("code").asText(), tooLong.body());
        KotaeServer.Reply badLocale = server.query("/contact/suggest", null, Map.of("q", "返金", "locale", "xx"));
        assertEquals(400, badLocale.status(), badLocale.body());
        assertEquals("unknown_locale", badLocale.json().get("error").get("code").asText(), badLocale.body());
        assertEquals(0, server.query("/contact/suggest", null, Map.of("q", " ")).json().get("articles").size());
    }

    @Test
    void theScriptsFunnelStepsAreAcceptedForConfiguredCategoriesOnly() {
        KotaeServer.Reply opened = server.post("/api/v1/events", "{\"type\":\"deflection\",\"widget\":\"contact/other\","
                + "\"action\":\"opened\",\"articleId\":\"credit-card\",\"session\":\"contact-test-1\"}", null);
        assertEquals(202, opened.status(), opened.body());
        awaitDeflection("contact/other", "opened");
        assertEquals(400, server.post("/api/v1/events", "{\"type\":\"deflection\",\"widget\":\"contact/nope\","
                + "\"action\":\"opened\",\"session\":\"contact-test-1\"}", null).status());
    }

    /** Broken UTF-8 or a NUL is refused with the error page, not passed on as replacement characters. */
    @Test
    void aFormThatIsNotCleanUtf8IsRefusedAndNothingIsSent() {
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        for (String broken : new String[] {"%ED%A0%80", "%C0%AF", "a%00b", "%E3%81", "%zz"}) {
            Map<String, String> fields = filled(browser.get("/contact").html(), valid("壊れた文字 " + broken));
            fields.remove("description");
            SiteBrowser.Page refused = browser.postEncoded("/contact", fields, Map.of("description", broken));
            assertEquals(400, refused.status(), broken);
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), broken);
        }
        Map<String, String> clean = filled(browser.get("/contact").html(), valid("壊れていない文字"));
        clean.remove("description");
        SiteBrowser.Page sent = browser.postEncoded("/contact", clean,
                Map.of("description", "%E8%BF%94%E9%87%91%E3%81%97%E3%81%A6+%F0%A0%AE%B7"));
        assertEquals(303, sent.status(), sent.body());
        assertEquals("返金して 𠮷", awaitReceived("壊れていない文字").get("description").asText());
        assertTrue(stub.received().stream().noneMatch(r -> r.body().contains("壊れた文字")));
    }

    @Test
    void textAtTheLimitInCharactersIsKeptHoweverManyUtf16UnitsItTakes() {
        // 200 characters, 201 UTF-16 units: the form counts characters, and so must the database (H2 here).
        String subject = "件".repeat(198) + "𠮷" + "了";
        SiteBrowser browser = new SiteBrowser(server.baseUrl());
        Map<String, String> typed = valid(subject);
        typed.put("name", "名".repeat(99) + "𠮷");
        SiteBrowser.Page sent = browser.post("/contact", filled(browser.get("/contact").html(), typed));
        assertEquals(303, sent.status(), sent.body());
        assertEquals(subject, awaitReceived(subject).get("subject").asText());
    }

    @Test
    void whatACustomerTypesStaysOutOfAnalyticsAndTheServersOwnStepsCannotBePosted() {
        String typed = "注文番号 98765-4321 の返金";
        assertEquals(200, server.query("/contact/suggest", null, Map.of("q", typed, "locale", "ja")).status());
        KotaeServer.Reply solved = server.post("/api/v1/events", "{\"type\":\"deflection\",\"widget\":\"contact/billing\","
                + "\"action\":\"solved\",\"articleId\":\"credit-card\",\"query\":\"" + typed + "\","
                + "\"session\":\"contact-test-2\"}", null);
        assertEquals(202, solved.status(), solved.body());
        awaitDeflection("contact/billing", "solved"); // recorded after the suggestion was asked for, in order
        String recorded = server.get("/api/v1/admin/events?limit=1000", KotaeServer.ADMIN_TOKEN).body();
        assertFalse(recorded.contains("98765"), "the customer's text was recorded: " + recorded);

        for (String action : List.of("submitted", "viewed")) {
            KotaeServer.Reply forged = server.post("/api/v1/events", "{\"type\":\"deflection\",\"widget\":"
                    + "\"contact/billing\",\"action\":\"" + action + "\",\"session\":\"contact-test-2\"}", null);
            assertEquals(400, forged.status(), forged.body());
            assertEquals("bad_event", forged.json().get("error").get("code").asText());
        }
    }

    @Test
    void aRequestTheDatabaseTookBackAfterAcknowledgingItIsDeliveredAfterTheNextStart(@TempDir Path work)
            throws Exception {
        try (WebhookStub own = new WebhookStub()) {
            own.answer(503); // not delivered before the take-back, so one delivery after it is the whole story
            KotaeServer first = KotaeServer.configured(work, PluginsConfig.none(), withWebhook(own, 100));
            try {
                SiteBrowser browser = new SiteBrowser(first.baseUrl());
                assertEquals(303, browser.post("/contact", filled(browser.get("/contact").html(),
                        valid("取り消されたコミットの問い合わせ"))).status());
                await().atMost(Duration.ofSeconds(30)).until(() -> !own.received().isEmpty());
            } finally {
                first.stop();
            }
            // What H2 can do to the last commits when the process is killed mid-write, exaggerated to all.
            try (Connection db = DriverManager.getConnection(AnalyticsDatabase.embeddedUrl(work.resolve("data")));
                    Statement sql = db.createStatement()) {
                assertEquals(1, sql.executeUpdate("DELETE FROM contact_delivery"));
                assertEquals(1, sql.executeUpdate("DELETE FROM contact_request"));
            }
            own.answer(200);
            try (KotaeServer second = KotaeServer.configured(work, PluginsConfig.none(), withWebhook(own, 100))) {
                JsonNode received = await().atMost(Duration.ofSeconds(30)).until(() -> own.accepted().stream()
                        .map(WebhookStub.Received::json).filter(r -> r.get("subject").asText()
                                .equals("取り消されたコミットの問い合わせ")).findFirst().orElse(null), r -> r != null);
                assertEquals("taro@example.com", received.get("email").asText());
                assertEquals(1, own.accepted().size());
                assertTrue(second.get("/api/v1/admin/contact/requests?limit=10", KotaeServer.ADMIN_TOKEN).body()
                        .contains(received.get("id").asText()), "listed for admins again");
            }
        }
    }

    @Test
    void eachAddressMaySubmitOnlySoOftenAMinute(@TempDir Path work) throws Exception {
        try (WebhookStub own = new WebhookStub();
                KotaeServer limited = KotaeServer.configured(work, PluginsConfig.none(), withWebhook(own, 2))) {
            SiteBrowser browser = new SiteBrowser(limited.baseUrl());
            Document form = browser.get("/contact").html();
            assertEquals(303, browser.post("/contact", filled(form, valid("一通目"))).status());
            assertEquals(303, browser.post("/contact", filled(form, valid("二通目"))).status());
            SiteBrowser.Page third = browser.post("/contact", filled(form, valid("三通目")));
            assertEquals(429, third.status());
            assertFalse(third.header("retry-after").isEmpty());
            assertEquals("三通目", third.html().selectFirst("#contact-subject").attr("value"), "the text is kept");
        }
    }

    @Test
    void adminsSeeTheQueueAndRetryFromThePageOthersDoNot() {
        SiteBrowser customer = new SiteBrowser(server.baseUrl());
        stub.answer(503);
        try {
            Map<String, String> fields = filled(customer.get("/contact").html(), valid("管理画面から再送する問い合わせ"));
            assertEquals(303, customer.post("/contact", fields).status());
            await().atMost(Duration.ofSeconds(30)).until(() -> undelivered("管理画面から再送する問い合わせ"),
                    d -> d != null && d.get("attempts").asInt() >= 1);
            assertEquals(303, customer.get("/admin/contact").status(), "anonymous: to the sign-in page");
            assertEquals(403, SiteBrowser.signedIn(server.baseUrl(), KotaeServer.AGENT_TOKEN).get("/admin/contact")
                    .status());

            SiteBrowser admin = SiteBrowser.signedIn(server.baseUrl(), KotaeServer.ADMIN_TOKEN);
            SiteBrowser.Page queue = admin.get("/admin/contact?lang=en");
            assertEquals(200, queue.status());
            Document page = queue.html();
            assertTrue(page.select(".contact-admin-kept").isEmpty(), "destinations are configured");
            var request = page.select("section.contact-request").stream()
                    .filter(section -> section.selectFirst("h2").text().equals("管理画面から再送する問い合わせ"))
                    .findFirst().orElseThrow(() -> new AssertionError(queue.body()));
            assertEquals("HTTP 503 from 127.0.0.1", request.selectFirst(".contact-delivery__error").text());
            Map<String, String> retry = new LinkedHashMap<>();
            request.select("form input[type=hidden]").forEach(input -> retry.put(input.attr("name"), input.attr("value")));
            stub.answer(200); // back right before the retry: the sender's own retries failed again until now
            SiteBrowser.Page retried = admin.post("/admin/contact/retry", retry);
            assertEquals(303, retried.status(), retried.body());
        } finally {
            stub.answer(200);
        }
        SiteBrowser admin = SiteBrowser.signedIn(server.baseUrl(), KotaeServer.ADMIN_TOKEN);
        awaitReceived("管理画面から再送する問い合わせ");
        await("delivered: no retry button").atMost(Duration.ofSeconds(30)).until(() -> admin.get("/admin/contact")
                .html().select("section.contact-request").stream()
                .filter(section -> section.selectFirst("h2").text().equals("管理画面から再送する問い合わせ"))
                .allMatch(section -> section.select("form").isEmpty()));
    }

    /**
     * A category is named in the language of whoever reads the page, as the contact page names it: not by
     * its id on the dashboard, not in the customer's language on the admin queue. Once a category is gone
     * from the configuration, the queue keeps the label the customer saw and the dashboard its id.
     */
    @Test
    void categoriesAreNamedInTheReadersLanguage(@TempDir Path work) throws Exception {
        try (KotaeServer first = KotaeServer.configured(work, PluginsConfig.none(), config -> config)) {
            SiteBrowser customer = new SiteBrowser(first.baseUrl());
            Document form = customer.get("/contact?lang=ja").html();
            assertEquals(303, customer.post("/contact", filled(form, valid("請求の問い合わせ"))).status());
            Map<String, String> account = valid("アカウントの問い合わせ");
            account.put("category", "account");
            assertEquals(303, customer.post("/contact", filled(form, account)).status());

            SiteBrowser admin = SiteBrowser.signedIn(first.baseUrl(), KotaeServer.ADMIN_TOKEN);
            assertEquals("Billing", requestCategory(admin.get("/admin/contact?lang=en").html(), "請求の問い合わせ"));
            assertEquals("アカウント", requestCategory(admin.get("/admin/contact?lang=ja").html(), "アカウントの問い合わせ"));
            assertEquals(List.of("Account", "Billing"), await("the funnel's submissions stored")
                    .atMost(Duration.ofSeconds(30)).until(() -> funnelCategories(admin, "en"), c -> c.size() == 2));
            assertEquals(List.of("アカウント", "請求・支払い"), funnelCategories(admin, "ja"));
        }
        UnaryOperator<KotaeConfig> billingOnly = config -> config.withContact(ContactConfig.defaults().withCategories(
                List.of(ContactConfig.defaults().category("billing"))));
        try (KotaeServer second = KotaeServer.configured(work, PluginsConfig.none(), billingOnly)) {
            SiteBrowser admin = SiteBrowser.signedIn(second.baseUrl(), KotaeServer.ADMIN_TOKEN);
            assertEquals("アカウント", requestCategory(admin.get("/admin/contact?lang=en").html(), "アカウントの問い合わせ"),
                    "a removed category keeps the label the customer saw");
            assertEquals(List.of("Billing", "account"), funnelCategories(admin, "en"), "a removed category by its id");
        }
    }

    /** The category shown for the request with this subject on the admin queue. */
    private static String requestCategory(Document queue, String subject) {
        var request = queue.select("section.contact-request").stream()
                .filter(section -> section.selectFirst("h2").text().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError(queue.html()));
        return request.selectFirst(".contact-request__meta").text().split(" · ")[1];
    }

    /** The category cells of the dashboard's contact funnel, but the row before a category was picked. */
    private static List<String> funnelCategories(SiteBrowser agent, String language) {
        return agent.get("/analytics?lang=" + language).html().select("#contact-funnel tbody tr").stream()
                .map(row -> row.selectFirst("td").text())
                .filter(cell -> !cell.equals("(before a category was chosen)") && !cell.equals("(カテゴリ選択前)"))
                .sorted().toList();
    }

    @Test
    void theBundledDefaultKeepsRequestsForAdminsAndSaysSo(@TempDir Path work) throws Exception {
        try (KotaeServer plain = KotaeServer.withSampleContent(work)) {
            SiteBrowser browser = new SiteBrowser(plain.baseUrl());
            Document form = browser.get("/contact").html();
            assertEquals(3, form.select("input[name=category]").size());
            assertEquals(303, browser.post("/contact", filled(form, valid("送信先なしの問い合わせ"))).status());
            JsonNode requests = plain.get("/api/v1/admin/contact/requests", KotaeServer.ADMIN_TOKEN).json();
            assertFalse(requests.get("destinationsConfigured").asBoolean());
            assertEquals("送信先なしの問い合わせ", requests.get("requests").get(0).get("request").get("subject").asText());
            assertEquals(0, requests.get("requests").get(0).get("deliveries").size());
            SiteBrowser admin = SiteBrowser.signedIn(plain.baseUrl(), KotaeServer.ADMIN_TOKEN);
            Document queue = admin.get("/admin/contact").html();
            assertNotNull(queue.selectFirst(".contact-admin-kept"));
            assertTrue(queue.text().contains("送信先なしの問い合わせ"));
        }
    }

    /** The body the stub accepted whose subject is {@code subject}, waiting for it. */
    private JsonNode awaitReceived(String subject) {
        return await("webhook receives " + subject).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> stub.accepted().stream().map(WebhookStub.Received::json)
                        .filter(json -> subject.equals(json.path("subject").asText())).findFirst().orElse(null),
                        java.util.Objects::nonNull);
    }

    private JsonNode undelivered(String subject) {
        JsonNode requests = server.get("/api/v1/admin/contact/requests?limit=1000", KotaeServer.ADMIN_TOKEN).json();
        for (JsonNode queued : requests.get("requests")) {
            if (subject.equals(queued.get("request").get("subject").asText())) {
                for (JsonNode delivery : queued.get("deliveries")) {
                    if (!delivery.get("state").asText().equals("delivered")) {
                        return delivery;
                    }
                }
            }
        }
        return null;
    }

    private JsonNode delivery(String requestId) {
        JsonNode requests = server.get("/api/v1/admin/contact/requests?limit=1000", KotaeServer.ADMIN_TOKEN).json();
        for (JsonNode queued : requests.get("requests")) {
            if (requestId.equals(queued.get("request").get("id").asText())) {
                return queued.get("deliveries").get(0);
            }
        }
        return null;
    }

    private void awaitDeflection(String widget, String action) {
        await(widget + " " + action + " recorded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode events = server.get("/api/v1/admin/events?type=deflection&limit=1000",
                            KotaeServer.ADMIN_TOKEN).json().get("events");
                    for (JsonNode event : events) {
                        if (widget.equals(event.path("widget").asText()) && action.equals(event.path("action").asText())) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
