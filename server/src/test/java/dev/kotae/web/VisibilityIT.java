package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Internal playbooks never reach an anonymous caller, through any endpoint, and do reach agents. The
 * internal ids, titles, categories and words are read from the content files themselves, so adding a
 * playbook extends the test.
 */
class VisibilityIT extends SampleServerIT {

    static Set<String> internalIds = new TreeSet<>();
    static Set<String> internalCategories = new TreeSet<>();
    static Set<String> publicCategories = new TreeSet<>();

    @BeforeAll
    static void findInternalArticles() {
        JsonNode hits = server.query("/api/v1/search", KotaeServer.AGENT_TOKEN,
                Map.of("q", "", "size", "100")).json().get("hits");
        for (JsonNode hit : hits) {
            JsonNode article = server.get("/api/v1/articles/" + hit.get("id").asText(), KotaeServer.AGENT_TOKEN).json();
            if (article.get("visibility").asText().equals("internal")) {
                internalIds.add(hit.get("id").asText());
                internalCategories.add(hit.get("category").asText());
            } else {
                publicCategories.add(hit.get("category").asText());
            }
        }
        internalCategories.removeAll(publicCategories);
        assertTrue(internalIds.size() >= 10, "sample content should have at least 10 playbooks: " + internalIds);
        assertFalse(internalCategories.isEmpty(), "sample playbooks should have internal-only categories");
    }

    /** Queries an internal article would match: its title, words from its body, its questions. */
    static List<String> probesFor(String id) {
        JsonNode article = server.get("/api/v1/articles/" + id, KotaeServer.AGENT_TOKEN).json();
        List<String> probes = new ArrayList<>();
        probes.add(article.get("title").asText());
        article.get("questions").forEach(q -> probes.add(q.asText()));
        return probes;
    }

    @Test
    void agentsFindPlaybooksByTheirTitles() {
        for (String id : internalIds) {
            String title = probesFor(id).get(0);
            List<String> ids = server.searchIds(title, KotaeServer.AGENT_TOKEN);
            assertTrue(ids.subList(0, Math.min(3, ids.size())).contains(id), id + " for agent: " + title + " -> " + ids);
        }
        assertEquals("refund-approval", server.searchIds("承認コード", KotaeServer.AGENT_TOKEN).get(0));
        assertEquals("escalation-en", server.searchIds("tier-2 escalation", KotaeServer.AGENT_TOKEN).get(0));
    }

    @Test
    void searchSnippetsAndFacetsNeverShowInternalArticlesToAnonymous() {
        for (String id : internalIds) {
            for (String probe : probesFor(id)) {
                JsonNode result = server.query("/api/v1/search", null, Map.of("q", probe, "size", "100")).json();
                String body = result.get("hits").toString() + result.get("facets") + result.get("didYouMean");
                for (String internal : internalIds) {
                    assertFalse(KotaeServer.ids(result.get("hits")).contains(internal), probe + " leaked " + internal);
                }
                assertFalse(body.contains("承認コード") || body.contains("tier-2") || body.contains("さくらコンソール"),
                        "internal words in public result for " + probe);
                assertFalse(result.get("facets").get("type").toString().contains("playbook"), probe);
                for (String category : internalCategories) {
                    assertFalse(result.get("facets").get("category").toString().contains(category), probe);
                }
            }
        }
        JsonNode browse = server.query("/api/v1/search", null, Map.of("q", "", "size", "100")).json();
        assertFalse(browse.toString().contains("playbook"));
        JsonNode typed = server.query("/api/v1/search", null, Map.of("q", "", "type", "playbook")).json();
        assertEquals(0, typed.get("total").asInt());
    }

    @Test
    void suggestionsNeverOfferInternalArticlesToAnonymous() {
        for (String id : internalIds) {
            for (String probe : probesFor(id)) {
                for (int length : new int[] {2, 4, probe.length()}) {
                    String prefix = probe.substring(0, Math.min(length, probe.length()));
                    JsonNode suggestions = server.query("/api/v1/suggest", null, Map.of("q", prefix, "size", "20")).json();
                    for (String internal : internalIds) {
                        assertFalse(KotaeServer.ids(suggestions.get("suggestions")).contains(internal),
                                prefix + " suggested " + internal);
                    }
                }
            }
        }
        assertTrue(server.suggestIds("へんきんしょうにん", KotaeServer.AGENT_TOKEN).contains("refund-approval"));
        assertFalse(server.suggestIds("へんきんしょうにん", null).contains("refund-approval"));
    }

    @Test
    void articlePageOfInternalArticleIs404ForAnonymousAnd200ForAgents() {
        for (String id : internalIds) {
            KotaeServer.Reply anonymous = server.get("/api/v1/articles/" + id);
            assertEquals(404, anonymous.status(), id);
            assertEquals(server.get("/api/v1/articles/no-such-id").body(), anonymous.body(),
                    "a hidden article must look exactly like a missing one");
            assertEquals(200, server.get("/api/v1/articles/" + id, KotaeServer.AGENT_TOKEN).status());
            assertEquals(404, server.post("/api/v1/articles/" + id + "/feedback", "{\"helpful\":true}", null).status());
        }
    }

    @Test
    void relatedArticlesOfPublicPagesNeverIncludeInternalOnes() {
        JsonNode all = server.query("/api/v1/search", null, Map.of("q", "", "size", "100")).json().get("hits");
        boolean agentSawInternalRelated = false;
        for (JsonNode hit : all) {
            String id = hit.get("id").asText();
            List<String> related = KotaeServer.ids(server.get("/api/v1/articles/" + id).json().get("related"));
            for (String internal : internalIds) {
                assertFalse(related.contains(internal), id + " relates to internal " + internal);
            }
            List<String> agentRelated = KotaeServer.ids(
                    server.get("/api/v1/articles/" + id, KotaeServer.AGENT_TOKEN).json().get("related"));
            agentSawInternalRelated |= agentRelated.stream().anyMatch(internalIds::contains);
        }
        assertTrue(agentSawInternalRelated, "agents should see playbooks among related articles somewhere");
    }

    @Test
    void categoriesAndSpellingDoNotRevealInternalContent() {
        String publicCategoriesJson = server.get("/api/v1/categories").body();
        for (String category : internalCategories) {
            assertFalse(publicCategoriesJson.contains(category), category);
            assertTrue(server.get("/api/v1/categories", KotaeServer.AGENT_TOKEN).body().contains(category));
        }
        JsonNode misspelt = server.query("/api/v1/search", null, Map.of("q", "escalaton procedur")).json();
        assertFalse(misspelt.toString().contains("escalation-en"));
        JsonNode agentMisspelt = server.query("/api/v1/search", KotaeServer.AGENT_TOKEN,
                Map.of("q", "tier-3 escalaton")).json();
        assertTrue(KotaeServer.ids(agentMisspelt.get("hits")).contains("escalation-en"), agentMisspelt.toString());
        JsonNode anonymousTier = server.query("/api/v1/search", null, Map.of("q", "tierr-2")).json();
        assertFalse(anonymousTier.toString().contains("tier-2"), anonymousTier.toString());
    }

    @Test
    void internalWordsExistOnlyInPlaybookFiles() throws Exception {
        // Guards the premise of the checks above: the sample's public files do not contain the probes.
        try (Stream<Path> files = Files.walk(server.content())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                if (!file.toString().contains("/playbooks/")) {
                    String text = Files.readString(file);
                    assertFalse(text.contains("承認コード") || text.contains("tier-2"), file.toString());
                }
            }
        }
    }
}
