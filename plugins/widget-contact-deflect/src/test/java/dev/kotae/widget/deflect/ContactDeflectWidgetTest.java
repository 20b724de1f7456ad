package dev.kotae.widget.deflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.plugin.SearchEvent;
import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import dev.kotae.plugin.testkit.FakeHelpCenter;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactDeflectWidgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeHelpCenter helpCenter = new FakeHelpCenter()
            .hit("deferred-invoice-missing", "後払いの請求書が届かない・紛失した場合", 29.2)
            // html "<p>後払いは、商品が届いてから</p>", text without the tags
            .hitWithArticle("deferred-payment", "後払い（請求書払い）について", 27.2, "後払いは、商品が届いてから")
            .hit("receipt-invoice", "領収書・請求書の発行", 14.3)
            .hit("bulk-order", "法人・大口のご注文について", 10.6);
    private final FakePluginContext context = context(Map.of()).withHelpCenter(helpCenter);
    private ContactDeflectWidget widget;

    @BeforeEach
    void start() {
        widget = new ContactDeflectWidget();
        widget.start(context);
    }

    @Test
    void suggestsAtMostThreeArticlesWithSnippets() throws Exception {
        JsonNode body = ok(get("suggest", "q", "後払いの請求書が届かない", "locale", "ja"));

        JsonNode articles = body.get("articles");
        assertEquals(3, articles.size());
        JsonNode first = articles.get(0);
        assertEquals("deferred-invoice-missing", first.get("id").asText());
        assertEquals("後払いの請求書が届かない・紛失した場合", first.get("title").asText());
        assertEquals("/articles/deferred-invoice-missing", first.get("url").asText());
        assertEquals("<mark>後払いの請求書が届かない・紛失した場合</mark>", first.get("snippet").asText());
        assertEquals(List.of("後払いの請求書が届かない|ja|3"), helpCenter.searches);
    }

    @Test
    void recordsTheSearchWithTheWidgetOriginAndSession() throws Exception {
        ok(get("suggest", "q", "  後払い  ", "locale", "ja"));

        assertEquals(1, context.events.size());
        SearchEvent event = (SearchEvent) context.events.get(0);
        assertEquals("後払い", event.query());
        assertEquals("ja", event.locale());
        assertEquals(4, event.resultCount());
        assertEquals(List.of("deferred-invoice-missing", "deferred-payment", "receipt-invoice"), event.topIds());
        assertEquals("widget:widget-contact-deflect", event.origin());
        assertEquals("session-1234", event.sessionId());
    }

    @Test
    void shortOrBlankQueriesGiveNoSuggestionsAndNoSearch() throws Exception {
        for (String q : new String[] {"", "   ", "後"}) {
            assertEquals(0, ok(get("suggest", "q", q, "locale", "ja")).get("articles").size(), q);
        }
        assertEquals(0, ok(get("suggest")).get("articles").size());
        assertTrue(helpCenter.searches.isEmpty());
        assertTrue(context.events.isEmpty());
    }

    @Test
    void missingLocaleSearchesAllLocales() throws Exception {
        ok(get("suggest", "q", "返品"));
        assertEquals(List.of("返品|null|3"), helpCenter.searches);
    }

    @Test
    void honoursMaxResultsAndMinQueryLength() throws Exception {
        widget.start(context(Map.of("maxResults", 1, "minQueryLength", 4))
                .withHelpCenter(new FakeHelpCenter().hit("a", "A", 2).hit("b", "B", 1)));

        assertEquals(0, ok(get("suggest", "q", "後払い")).get("articles").size());
        assertEquals(1, ok(get("suggest", "q", "後払いの")).get("articles").size());
    }

    @Test
    void rejectsTooLongQueriesAndBadLocales() throws Exception {
        assertBadRequest(get("suggest", "q", "あ".repeat(501)));
        assertEquals(200, get("suggest", "q", "あ".repeat(500)).status());
        assertBadRequest(get("suggest", "q", "返品", "locale", "JA!"));
        // Well-formed but not served: the help center's refusal becomes a 400 too.
        assertBadRequest(get("suggest", "q", "返品", "locale", "fr"));
        // A bad locale is reported even when the query is too short to search.
        assertBadRequest(get("suggest", "q", "", "locale", "<script>"));
    }

    @Test
    void servesAPublicArticle() throws Exception {
        JsonNode body = ok(get("article", "id", "deferred-payment"));

        assertEquals("deferred-payment", body.get("id").asText());
        assertEquals("後払い（請求書払い）について", body.get("title").asText());
        assertEquals("/articles/deferred-payment", body.get("url").asText());
        assertEquals("<p>後払いは、商品が届いてから</p>", body.get("html").asText());
        assertTrue(context.events.isEmpty(), "opening is recorded by the browser, not twice");
    }

    @Test
    void missingArticleIs404AndMissingIdIs400() throws Exception {
        WidgetResponse missing = get("article", "id", "internal-playbook");
        assertEquals(404, missing.status());
        assertEquals("not_found", JSON.readTree(missing.body()).get("error").get("code").asText());

        assertBadRequest(get("article"));
        assertBadRequest(get("article", "id", " "));
        assertBadRequest(get("article", "id", "x".repeat(201)));
    }

    @Test
    void unknownPathsAre404AndPostIs405() throws Exception {
        assertEquals(404, get("").status());
        assertEquals(404, get("admin").status());
        assertEquals(404, get("suggest/extra").status());

        WidgetResponse post = widget.handle(new WidgetRequest("POST", "suggest", Map.of(), "{}", null));
        assertEquals(405, post.status());
        assertEquals("method_not_allowed", JSON.readTree(post.body()).get("error").get("code").asText());
    }

    @Test
    void refusesRequestsBeforeStartAndAfterStop() {
        widget.stop();
        assertThrows(IllegalStateException.class, () -> get("suggest", "q", "返品"));
    }

    @Test
    void badSettingsRefuseToStart() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ContactDeflectWidget().start(context(Map.of("maxResult", 3))));
        assertTrue(e.getMessage().contains("maxResult"), e.getMessage());
    }

    private static FakePluginContext context(Map<String, Object> settings) {
        return new FakePluginContext("widget-contact-deflect", Path.of(".")).withSettings(settings);
    }

    private WidgetResponse get(String path, String... params) throws Exception {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.put(params[i], List.of(params[i + 1]));
        }
        return widget.handle(new WidgetRequest("GET", path, query, "", "session-1234"));
    }

    private static JsonNode ok(WidgetResponse response) throws Exception {
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.contentType());
        return JSON.readTree(response.body());
    }

    private static void assertBadRequest(WidgetResponse response) throws Exception {
        assertEquals(400, response.status(), response.body());
        assertEquals("bad_request", JSON.readTree(response.body()).get("error").get("code").asText());
    }
}
