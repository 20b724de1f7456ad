package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Anonymous searches and suggestions answered on Jetty directly ({@link HotReads}) get the answer Jersey
 * gives the same request: each request below is sent as is, and again with an {@code Accept} header that
 * means the same to Jersey but sends it through Jersey, and the two answers must be equal (status, headers
 * but the date, body but the search's own time). The direct answers are counted in {@code /metrics}, so
 * the test also knows which way each went.
 */
class HotReadsIT extends SampleServerIT {

    private static final String DIRECT = "kotae_http_direct_answers_total";
    private static final String THROUGH_JERSEY = "application/json, */*";

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void anonymousSearchesAndSuggestionsAreAnsweredAsJerseyAnswersThem() {
        List<String> answered = List.of(
                "/api/v1/search?q=" + q("返金") + "&locale=ja",
                "/api/v1/search?q=" + q("へんきん"),
                "/api/v1/search?q=henkin",
                "/api/v1/search?q=refund+order&locale=en",
                "/api/v1/search?q=&locale=ja&page=2&size=3",
                "/api/v1/search?q=" + q("パスワード") + "&type=faq&category=" + q("アカウント") + "&tag=" + q("ログイン"),
                "/api/v1/search?q=" + q("チャージバック"),
                "/api/v1/search?q=refund&q=password",
                "/api/v1/search?q=passwrd&locale=en&unknown=1",
                "/api/v1/suggest?q=" + q("へんき"),
                "/api/v1/suggest?q=reset+your+pa&locale=en&size=3",
                "/api/v1/suggest?q=");
        List<String> refused = List.of(
                "/api/v1/search?q=x&size=abc",
                "/api/v1/search?q=x&page=0",
                "/api/v1/search?q=x&locale=xx",
                "/api/v1/suggest?q=x&size=500",
                "/api/v1/search?q=%E3%81");
        double before = server.metric(DIRECT);
        for (String request : answered) {
            assertEquals(200, sameAnswer(request).status(), request);
        }
        for (String request : refused) {
            assertEquals(400, sameAnswer(request).status(), request);
        }
        assertEquals(answered.size(), server.metric(DIRECT) - before, "the valid requests were answered directly");
    }

    @Test
    void aSessionHeaderIsKeptAsJerseyKeepsIt() {
        double before = server.metric(DIRECT);
        for (String session : List.of("3f2b8c1e-7a4d-4e59-9b1a-2c6d8e0f4a17", "not a session")) {
            KotaeServer.Reply direct = server.send(server.request("/api/v1/search?q=" + q("返金"))
                    .header(Sessions.HEADER, session), null);
            KotaeServer.Reply jersey = server.send(server.request("/api/v1/search?q=" + q("返金"))
                    .header(Sessions.HEADER, session).header("Accept", THROUGH_JERSEY), null);
            assertEquals(comparable(jersey), comparable(direct));
        }
        assertEquals(2, server.metric(DIRECT) - before);
    }

    @Test
    void agentsCookiesAndOtherSitesGoThroughJersey() {
        double before = server.metric(DIRECT);
        String internalWord = "/api/v1/search?q=" + q("チャージバック");
        KotaeServer.Reply agent = server.get(internalWord, KotaeServer.AGENT_TOKEN);
        assertTrue(KotaeServer.ids(agent.json().get("hits")).contains("chargeback-handling"), agent.body());
        assertEquals("private, no-store", agent.header("Cache-Control"));
        KotaeServer.Reply signedInLooking = server.send(server.request(internalWord)
                .header("Cookie", "kotae_session=forged"), null);
        assertFalse(KotaeServer.ids(signedInLooking.json().get("hits")).contains("chargeback-handling"),
                signedInLooking.body());
        KotaeServer.Reply crossOrigin = server.send(server.request("/api/v1/suggest?q=" + q("へんき"))
                .header("Origin", "https://shop.example"), null);
        assertEquals("*", crossOrigin.header("Access-Control-Allow-Origin"));
        KotaeServer.Reply withType = server.send(server.request("/api/v1/suggest?q=" + q("へんき"))
                .header("Content-Type", "*/*"), null);
        assertEquals(415, withType.status(), withType.body());
        KotaeServer.Reply withEncoding = server.send(server.request("/api/v1/suggest?q=" + q("へんき"))
                .header("Content-Encoding", "gzip"), null);
        assertEquals(200, withEncoding.status(), "no body, so nothing to refuse: " + withEncoding.body());
        assertEquals(0, server.metric(DIRECT) - before, "none of these was answered directly");
        KotaeServer.Reply anonymous = server.get(internalWord);
        assertFalse(KotaeServer.ids(anonymous.json().get("hits")).contains("chargeback-handling"), anonymous.body());
        assertEquals(1, server.metric(DIRECT) - before, "an anonymous search is");
    }

    /** The request sent directly and through Jersey; fails unless both answers are the same. */
    private static KotaeServer.Reply sameAnswer(String request) {
        KotaeServer.Reply direct = server.send(server.request(request), null);
        KotaeServer.Reply jersey = server.send(server.request(request).header("Accept", THROUGH_JERSEY), null);
        assertEquals(comparable(jersey), comparable(direct), request);
        return direct;
    }

    /** An answer without what differs between two askings: the date, and the search's time and length. */
    private static String comparable(KotaeServer.Reply reply) {
        Map<String, String> headers = new TreeMap<>(reply.headers());
        headers.remove("date");
        headers.remove("content-length");
        return reply.status() + " " + headers + "\n" + reply.body().replaceAll("\"tookMs\":[0-9.Ee-]+", "\"tookMs\":_");
    }
}
