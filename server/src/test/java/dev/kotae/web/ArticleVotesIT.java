package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.http.BrowserCookies;
import dev.kotae.config.PluginsConfig;
import dev.kotae.site.Messages;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Was this helpful?" over real HTTP, through the page's forms (no JavaScript) and the JSON API: one vote
 * per visitor per article, which they may change (the count moves, it never doubles) and comment on
 * afterwards; the page remembers the vote after a reload; a "No" offers related articles and the contact
 * page ({@code site.contactUrl}), which the footer and the zero-result page link to as well.
 *
 * <p>Each test votes on an article of its own, so the totals each one checks are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleVotesIT {

    private static final String CONTACT = "/contact";
    private static final String ANSWER_WITH_RELATED = "refund-timing";

    private KotaeServer server;
    /** Public articles nobody has voted on yet, handed out one per test. */
    private final List<String> unvoted = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = KotaeServer.configured(work, PluginsConfig.none(),
                config -> config.withSite(config.site().withContactUrl(CONTACT)));
        for (JsonNode id : server.get("/api/v1/search?q=&size=100").json().get("hits")) {
            if (!id.get("id").asText().equals(ANSWER_WITH_RELATED)) {
                unvoted.add(id.get("id").asText());
            }
        }
        assertTrue(unvoted.size() >= 6, "the sample has too few public articles: " + unvoted);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private synchronized String freshArticle() {
        return unvoted.remove(0);
    }

    // Through the page's forms ---------------------------------------------------------------------------

    @Test
    void aVisitorHasOneVotePerArticleWhichVotingAgainChanges() {
        String article = freshArticle();
        SiteBrowser visitor = new SiteBrowser(server.baseUrl());
        long before = storedVotes();

        assertEquals(303, vote(visitor, article, "true").status());
        assertEquals(303, vote(visitor, article, "true").status());
        assertTotals(article, 1, 0); // the same vote twice counts once
        assertEquals(303, vote(visitor, article, "false").status());
        assertTotals(article, 0, 1); // a change moves the count

        SiteBrowser another = new SiteBrowser(server.baseUrl());
        assertEquals(303, vote(another, article, "false").status());
        assertTotals(article, 0, 2);
        assertEquals(before + 2, storedVotes(), "two visitors, two votes, however often they voted");
    }

    @Test
    void aCommentIsAcceptedAfterTheVoteAndAttachedToIt() {
        String article = freshArticle();
        SiteBrowser visitor = new SiteBrowser(server.baseUrl());
        assertEquals(303, vote(visitor, article, "true").status());
        Document voted = visitor.get("/articles/" + article).html();
        Map<String, String> form = SiteBrowser.formFields(voted, "form.feedback-comment-form");
        form.put("comment", "  手順どおりにできました  ");

        SiteBrowser.Page commented = visitor.post("/articles/" + article + "/feedback", form);
        assertEquals(303, commented.status(), commented.body());
        assertEquals("/articles/" + article + "#feedback", local(commented.location()));

        List<JsonNode> votes = votesOn(article);
        assertEquals(1, votes.size(), votes.toString());
        assertEquals("手順どおりにできました", votes.get(0).get("comment").asText());
        assertTrue(votes.get(0).get("helpful").asBoolean(), "a comment keeps the vote it is attached to");
        assertTotals(article, 1, 0);
        assertEquals("手順どおりにできました",
                visitor.get("/articles/" + article).html().selectFirst("#feedback-comment").wholeText().strip(),
                "the page shows the comment to change it");

        // A comment says why of the vote it was written with: changing the vote later drops it, and a new
        // comment goes with the new vote.
        vote(visitor, article, "false");
        assertTrue(votesOn(article).get(0).path("comment").isNull() || votesOn(article).get(0).path("comment").isMissingNode(),
                votesOn(article).toString());
        form.put("comment", "やはり分かりにくかった");
        visitor.post("/articles/" + article + "/feedback", form);
        assertEquals("やはり分かりにくかった", votesOn(article).get(0).get("comment").asText());
        assertEquals(1, votesOn(article).size());
    }

    @Test
    void aCommentWithoutAVoteIsRefusedAndStoresNothing() {
        String article = freshArticle();
        SiteBrowser visitor = new SiteBrowser(server.baseUrl());
        String csrf = SiteBrowser.formCsrf(visitor.get("/articles/" + article).html());
        long before = storedVotes();

        SiteBrowser.Page refused = visitor.post("/articles/" + article + "/feedback",
                Map.of("csrf", csrf, "comment", "まだ投票していません"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.header("content-type").startsWith("text/html"), refused.header("content-type"));
        assertEquals(before, storedVotes());
        assertTrue(votesOn(article).isEmpty());
    }

    @Test
    void thePageRemembersTheVoteAfterAReloadForThatVisitorOnly() {
        String article = freshArticle();
        SiteBrowser visitor = new SiteBrowser(server.baseUrl());
        Messages ja = Messages.of("ja");
        assertNotNull(visitor.get("/articles/" + article).html().selectFirst("form.feedback-vote"));

        vote(visitor, article, "true");
        Document page = visitor.get("/articles/" + article).html();
        assertNull(page.selectFirst("form.feedback-vote"), "the vote buttons are not offered again");
        assertEquals(ja.text("feedback.votedYes"), page.selectFirst(".feedback-current").text());
        Element change = page.selectFirst("form.feedback-change button[name=helpful]");
        assertEquals("false", change.attr("value"));
        assertEquals(ja.text("feedback.changeToNo"), change.text());
        assertNull(page.selectFirst(".feedback-next"), "a helpful vote needs nothing more");

        Document stranger = new SiteBrowser(server.baseUrl()).get("/articles/" + article).html();
        assertNotNull(stranger.selectFirst("form.feedback-vote"), "another visitor gets the vote buttons");
        assertNull(stranger.selectFirst(".feedback-current"));
    }

    @Test
    void aNoVoteOffersRelatedArticlesAndTheContactPageInTheVisitorsLanguage() {
        List<String> related = new ArrayList<>();
        for (JsonNode item : server.get("/api/v1/articles/" + ANSWER_WITH_RELATED).json().get("related")) {
            related.add(item.get("url").asText());
        }
        assertFalse(related.isEmpty(), "the sample article should have related articles");

        for (String lang : List.of("ja", "en")) {
            SiteBrowser visitor = new SiteBrowser(server.baseUrl());
            visitor.get("/?lang=" + lang);
            vote(visitor, ANSWER_WITH_RELATED, "false");
            Document page = visitor.get("/articles/" + ANSWER_WITH_RELATED).html();
            Messages messages = Messages.of(lang);
            assertEquals(messages.text("feedback.votedNo"), page.selectFirst(".feedback-current").text(), lang);
            List<String> offered = page.select(".feedback-next .feedback-related a").eachAttr("href");
            assertEquals(related.subList(0, Math.min(3, related.size())), offered, lang);
            assertEquals(related.subList(offered.size(), related.size()),
                    page.select("aside.related a").eachAttr("href"), lang + ": each related article listed once");
            Element contact = page.selectFirst(".feedback-next a.contact-link");
            assertNotNull(contact, lang + ": no contact link after a No");
            assertEquals(CONTACT, contact.attr("href"));
            assertEquals(messages.text("feedback.contact"), contact.text());

            vote(visitor, ANSWER_WITH_RELATED, "true");
            assertNull(visitor.get("/articles/" + ANSWER_WITH_RELATED).html().selectFirst(".feedback-next"),
                    lang + ": changed to Yes, nothing more is offered");
        }
    }

    @Test
    void theFooterAndTheZeroResultPageLinkToTheContactPageInTheVisitorsLanguage() {
        for (String lang : List.of("ja", "en")) {
            Messages messages = Messages.of(lang);
            SiteBrowser visitor = new SiteBrowser(server.baseUrl());
            for (String path : List.of("/?lang=" + lang, "/search?q=xyzzyplughnothing&lang=" + lang)) {
                Element footer = visitor.get(path).html().selectFirst(".site-footer a.contact-link");
                assertNotNull(footer, path);
                assertEquals(CONTACT, footer.attr("href"), path);
                assertEquals(messages.text("footer.contact"), footer.text(), path);
            }
            Element zero = visitor.get("/search?q=xyzzyplughnothing&lang=" + lang).html()
                    .selectFirst(".zero-results a.contact-link");
            assertNotNull(zero, lang);
            assertEquals(CONTACT, zero.attr("href"));
            assertEquals(messages.text("zero.contact"), zero.text());
        }
    }

    // Through the JSON API -----------------------------------------------------------------------------

    @Test
    void theApiKeepsOneVotePerSessionWhichItChangesAndComments() {
        String article = freshArticle();
        String session = "api-visitor-" + article.hashCode();

        KotaeServer.Reply first = apiVote(article, session, "{\"helpful\": true}");
        assertEquals(201, first.status(), first.body());
        assertEquals(session, first.json().get("session").asText());
        KotaeServer.Reply again = apiVote(article, session, "{\"helpful\": true}");
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText(), "the same vote");
        assertTotals(article, 1, 0);

        KotaeServer.Reply changed = apiVote(article, session, "{\"helpful\": false}");
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().get("helpful").asBoolean());
        assertTotals(article, 0, 1);

        KotaeServer.Reply commented = apiVote(article, session, "{\"comment\": \"電話番号が載っていません\"}");
        assertEquals(200, commented.status(), commented.body());
        assertEquals("電話番号が載っていません", commented.json().get("comment").asText());
        assertFalse(commented.json().get("helpful").asBoolean());
        assertEquals(1, votesOn(article).size());

        KotaeServer.Reply noVote = apiVote(article, "someone-who-never-voted", "{\"comment\": \"こんにちは\"}");
        assertEquals(409, noVote.status(), noVote.body());
        assertEquals("no_vote", noVote.json().path("error").path("code").asText(), noVote.body());
        for (String bad : List.of("{}", "{\"comment\": \"   \"}", "{\"helpful\": \"maybe\"}")) {
            KotaeServer.Reply refused = apiVote(article, session, bad);
            assertEquals(400, refused.status(), bad + " → " + refused.body());
            assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
        }
        assertTotals(article, 0, 1);
    }

    @Test
    void anApiVoteWithoutASessionIsGivenOneToChangeItWith() {
        String article = freshArticle();
        KotaeServer.Reply first = apiVote(article, null, "{\"helpful\": true}");
        assertEquals(201, first.status(), first.body());
        String session = first.json().get("session").asText();
        assertEquals(201, apiVote(article, null, "{\"helpful\": true}").status(), "nobody named: someone new");
        assertEquals(200, apiVote(article, session, "{\"helpful\": false}").status());
        assertTotals(article, 1, 1);
    }

    @Test
    void thePageAndTheApiSeeOneVisitorAsOneVoter() {
        String article = freshArticle();
        SiteBrowser visitor = new SiteBrowser(server.baseUrl());
        vote(visitor, article, "true");
        String visitorId = visitor.cookies.get(BrowserCookies.VISITOR);
        assertNotNull(visitorId);

        // What the page's script sends: the visitor cookie's value as the session.
        KotaeServer.Reply changed = apiVote(article, visitorId, "{\"helpful\": false}");
        assertEquals(200, changed.status(), changed.body());
        assertTotals(article, 0, 1);
        assertEquals(Messages.of("ja").text("feedback.votedNo"),
                visitor.get("/articles/" + article).html().selectFirst(".feedback-current").text());
    }

    // helpers ------------------------------------------------------------------------------------------

    private static SiteBrowser.Page vote(SiteBrowser visitor, String article, String helpful) {
        Document page = visitor.get("/articles/" + article).html();
        return visitor.post("/articles/" + article + "/feedback",
                Map.of("csrf", SiteBrowser.formCsrf(page), "helpful", helpful));
    }

    private KotaeServer.Reply apiVote(String article, String session, String json) {
        HttpRequest.Builder request = server.request("/api/v1/articles/" + article + "/feedback")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (session != null) {
            request.header(Sessions.HEADER, session);
        }
        KotaeServer.Reply reply = server.send(request, null);
        assertNotEquals(500, reply.status(), reply.body());
        return reply;
    }

    private void assertTotals(String article, long helpful, long notHelpful) {
        JsonNode totals = server.get("/api/v1/admin/feedback?articleId=" + article, KotaeServer.ADMIN_TOKEN).json()
                .get("totals");
        assertEquals(helpful, totals.get("helpful").asLong(), totals.toString());
        assertEquals(notHelpful, totals.get("notHelpful").asLong(), totals.toString());
    }

    private List<JsonNode> votesOn(String article) {
        List<JsonNode> votes = new ArrayList<>();
        server.get("/api/v1/admin/feedback?articleId=" + article + "&limit=100", KotaeServer.ADMIN_TOKEN).json()
                .get("feedback").forEach(votes::add);
        return votes;
    }

    private long storedVotes() {
        return server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().path("feedback").path("count")
                .asLong(-1);
    }

    private String local(String location) {
        return location.startsWith(server.baseUrl()) ? location.substring(server.baseUrl().length()) : location;
    }
}
