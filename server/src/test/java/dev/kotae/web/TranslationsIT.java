package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Articles that share a {@code translationKey} are one article in several languages: the article page's
 * language switch goes to the translation, the page and the sitemap carry {@code hreflang} alternates,
 * and the API lists the translations. An internal translation is never revealed to an anonymous caller.
 */
class TranslationsIT extends SampleServerIT {

    private static final Pattern SWITCH = Pattern.compile("<a class=\"lang-switch\" href=\"([^\"]*)\"");

    @Test
    void theLanguageSwitchOfAnArticleGoesToItsTranslation() {
        String ja = server.get("/articles/refund-timing?lang=ja").body();
        assertEquals("/articles/refunds?lang=en", languageSwitch(ja));
        String en = server.get("/articles/refunds?lang=en").body();
        assertEquals("/articles/refund-timing?lang=ja", languageSwitch(en));
        // An article without a translation keeps switching the interface language only.
        assertEquals("/articles/wrong-item?lang=en", languageSwitch(server.get("/articles/wrong-item?lang=ja").body()));
    }

    @Test
    void articlePagesNameTheirTranslationsForSearchEngines() {
        String page = server.get("/articles/refund-timing").body();
        assertTrue(Pattern.compile("<link rel=\"alternate\" hreflang=\"ja\" href=\"http://[^\"]+/articles/refund-timing\">")
                .matcher(page).find(), page);
        assertTrue(Pattern.compile("<link rel=\"alternate\" hreflang=\"en\" href=\"http://[^\"]+/articles/refunds\">")
                .matcher(page).find(), page);
        assertFalse(server.get("/articles/wrong-item").body().contains("rel=\"alternate\""));
    }

    @Test
    void theApiListsTranslations() {
        JsonNode article = server.get("/api/v1/articles/refund-timing").json();
        assertEquals("refund-timing", article.get("translationKey").asText());
        assertEquals(1, article.get("translations").size(), article.toString());
        JsonNode translation = article.get("translations").get(0);
        assertEquals("en", translation.get("locale").asText());
        assertEquals("refunds", translation.get("id").asText());
        assertEquals("/articles/refunds", translation.get("url").asText());
        assertEquals(0, server.get("/api/v1/articles/wrong-item").json().get("translations").size());
    }

    @Test
    void theSitemapCarriesHreflangAlternates() {
        String sitemap = server.get("/sitemap.xml").body();
        Matcher entry = Pattern.compile("<url><loc>[^<]+/articles/refunds</loc>.*?</url>").matcher(sitemap);
        assertTrue(entry.find(), sitemap);
        assertTrue(entry.group().matches(".*<xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"[^\"]+/articles/refund-timing\"/>.*"),
                entry.group());
        assertTrue(entry.group().matches(".*<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"[^\"]+/articles/refunds\"/>.*"),
                entry.group());
        Matcher single = Pattern.compile("<url><loc>[^<]+/articles/wrong-item</loc>.*?</url>").matcher(sitemap);
        assertTrue(single.find());
        assertFalse(single.group().contains("xhtml:link"), single.group());
    }

    @Test
    void anInternalTranslationStaysHiddenFromAnonymousCallers() throws Exception {
        Path faq = server.content().resolve("ja/returns/gift-card-refund.md");
        Path playbook = server.content().resolve("playbooks/en/gift-card-refund-en.md");
        Files.writeString(faq, """
                ---
                id: gift-card-refund
                title: ギフトカードの返金
                translationKey: gift-card-refund
                ---
                ギフトカードでのお支払いは、ギフトカードの残高に戻します。
                """);
        Files.writeString(playbook, """
                ---
                id: gift-card-refund-en
                title: Gift card refunds (agents' notes)
                locale: en
                translationKey: gift-card-refund
                ---
                Only for agents.
                """);
        try {
            await("both are indexed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> server.get("/api/v1/articles/gift-card-refund-en", KotaeServer.AGENT_TOKEN).status() == 200
                            && server.get("/api/v1/articles/gift-card-refund").status() == 200);
            JsonNode forAgent = server.get("/api/v1/articles/gift-card-refund", KotaeServer.AGENT_TOKEN).json();
            assertEquals("gift-card-refund-en", forAgent.get("translations").get(0).get("id").asText());

            assertEquals(0, server.get("/api/v1/articles/gift-card-refund").json().get("translations").size());
            String page = server.get("/articles/gift-card-refund?lang=ja").body();
            assertEquals("/articles/gift-card-refund?lang=en", languageSwitch(page));
            String anonymous = page + server.get("/sitemap.xml").body();
            assertFalse(anonymous.contains("gift-card-refund-en"), "internal translation leaked");
        } finally {
            Files.delete(faq);
            Files.delete(playbook);
        }
    }

    private static String languageSwitch(String page) {
        Matcher matcher = SWITCH.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1).replace("&amp;", "&");
    }
}
