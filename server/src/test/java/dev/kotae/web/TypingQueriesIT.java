package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.relevance.TypingEvaluation;
import dev.kotae.relevance.TypingSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27's measuring stick: the Japanese typing set ({@link TypingSet}: kana, half-width, romaji and
 * mixed queries, each with its article) sent over HTTP to {@code /api/v1/search?locale=ja} as an
 * anonymous caller, on the sample help center and on the sample among 2,000 generated articles full of
 * words that share readings ({@link DistractorArticles}). The expected article must be in the top 3 for
 * {@value TypingEvaluation#TOP3_TARGET} and first for {@value TypingEvaluation#FIRST_TARGET} of the
 * counted queries. The written form of every query (the control) must reach the same, which shows the
 * set asks fair questions of each help center. The figures per kind, the suggestions while typing and
 * every miss are printed. No hit, search or suggestion, may be internal.
 */
class TypingQueriesIT {

    private static final int GENERATED = 2_000;

    @Test
    void typedQueriesFindTheirArticleOnTheSampleHelpCenter(@TempDir Path work) throws Exception {
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            check("sample help center", server, Set.of());
        }
    }

    @Test
    void typedQueriesFindTheirArticleAmongGeneratedArticlesThatShareReadings(@TempDir Path work) throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        Set<String> internal = Set.copyOf(new DistractorArticles().writeTo(content.resolve("generated"), GENERATED));
        try (KotaeServer server = KotaeServer.over(content, work.resolve("data"))) {
            assertEquals(0, server.app().lastSync().problems(), "generated articles refused: " + server.app().lastSync());
            assertTrue(server.app().lastSync().added() + server.app().lastSync().unchanged() > GENERATED,
                    "not all generated articles indexed: " + server.app().lastSync());
            check("sample help center + " + GENERATED + " generated articles", server, internal);
        }
    }

    private static void check(String helpCenter, KotaeServer server, Set<String> internal) throws Exception {
        TypingEvaluation.Result result = TypingEvaluation.run(TypingSet.load(),
                text -> publicIds(server, "/api/v1/search", "hits", Map.of("q", text, "locale", "ja", "size", "10"),
                        internal),
                text -> publicIds(server, "/api/v1/suggest", "suggestions",
                        Map.of("q", text, "locale", "ja", "size", String.valueOf(TypingEvaluation.SUGGESTIONS)), internal));
        System.out.println("Japanese as people type it, " + helpCenter + ":\n" + result.table()
                + "Not first (kind, query, wanted, got):\n" + result.missList()
                + "Written form not first (the control):\n" + result.writtenMissList());
        TypingEvaluation.Tally typed = result.typedOverall();
        TypingEvaluation.Tally written = result.writtenOverall();
        assertAll(
                () -> assertTrue(written.top3Share() >= TypingEvaluation.TOP3_TARGET
                        && written.firstShare() >= TypingEvaluation.FIRST_TARGET, String.format(
                        "%s: the written forms themselves find their article in the top 3 for %.3f and first for %.3f: "
                        + "the set asks what this help center cannot answer", helpCenter, written.top3Share(),
                        written.firstShare())),
                () -> assertTrue(typed.top3Share() >= TypingEvaluation.TOP3_TARGET, String.format(
                        "%s: the article is in the top 3 for %.3f of %d typed queries (target %.2f)", helpCenter,
                        typed.top3Share(), typed.queries(), TypingEvaluation.TOP3_TARGET)),
                () -> assertTrue(typed.firstShare() >= TypingEvaluation.FIRST_TARGET, String.format(
                        "%s: the article is first for %.3f of %d typed queries (target %.2f)", helpCenter,
                        typed.firstShare(), typed.queries(), TypingEvaluation.FIRST_TARGET)));
    }

    /** The ids an anonymous caller gets, failing on an error status or on anything not public. */
    private static List<String> publicIds(KotaeServer server, String path, String field, Map<String, String> params,
            Set<String> internal) {
        KotaeServer.Reply reply = server.query(path, null, params);
        assertEquals(200, reply.status(), () -> path + " " + params + " answered " + reply.status() + ": " + reply.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode item : reply.json().get(field)) {
            String id = item.hasNonNull("id") ? item.get("id").asText() : "";
            String visibility = item.path("visibility").asText("public");
            if (!"public".equals(visibility) || internal.contains(id)) {
                throw new AssertionError("an anonymous " + path + " " + params + " returned internal " + item);
            }
            ids.add(id);
        }
        return ids;
    }
}
