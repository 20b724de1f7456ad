package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.PluginsConfig;
import dev.kotae.editing.Draft;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the editor publishes is what the running server serves (the content watcher indexes the file it
 * wrote), and a draft reaches no anonymous caller by any path. The editor is called in the server's JVM
 * (its REST routes live on another branch); everything checked is over real HTTP.
 */
class EditorPublishIT {

    static final String ALICE_TOKEN = "alice-editor-token-0123456789";
    static final String BOB_TOKEN = "bob-editor-token-0123456789";

    @TempDir
    static Path work;
    static KotaeServer server;
    static EditorService editor;

    @BeforeAll
    static void start() throws Exception {
        server = KotaeServer.configured(work, PluginsConfig.none(), config -> config.withTokens(List.of(
                new TokenAuthenticator.Token("agent", KotaeServer.AGENT_TOKEN, Role.AGENT),
                new TokenAuthenticator.Token("admin", KotaeServer.ADMIN_TOKEN, Role.ADMIN),
                new TokenAuthenticator.Token("alice", ALICE_TOKEN, Role.EDITOR),
                new TokenAuthenticator.Token("bob", BOB_TOKEN, Role.EDITOR))));
        editor = server.app().editor();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    // The callers the tokens above authenticate as (AuthFilter names a caller after its token's name).
    static final Caller ALICE = new Caller("alice", Role.EDITOR);
    static final Caller BOB = new Caller("bob", Role.EDITOR);

    @Test
    void aPublishedJapaneseFaqIsFoundByAnonymousSearchAndADraftIsNot() throws Exception {
        EditableArticle secret = new EditableArticle("furoshiki-draft", "風呂敷包装の下書き", null, null, "ja",
                "注文", List.of(), List.of(), null, "まだ公開しない風呂敷包装の説明です。");
        Draft draft = editor.saveDraft(ALICE, secret, null, null, null);
        editor.requestReview(ALICE, draft.id(), draft.revision());

        EditableArticle faq = new EditableArticle("noshi-wrapping", "のし紙は付けられますか", null, null, "ja",
                "注文", List.of("のし", "ギフト"), List.of("のしをお願いしたい"), null,
                "ご注文時に「のし紙」をお選びください。無料でお付けします。");
        Draft started = editor.saveDraft(ALICE, faq, null, null, null);
        Draft inReview = editor.requestReview(ALICE, started.id(), started.revision());
        // The day in the help center's zone (Japanese by default: Tokyo), not the machine's.
        java.time.ZoneId helpCenter = java.time.ZoneId.of("Asia/Tokyo");
        java.time.LocalDate dayBefore = java.time.LocalDate.now(helpCenter);
        PublishedArticle published = editor.publish(BOB, started.id(), inReview.revision(), null);
        java.time.LocalDate dayAfter = java.time.LocalDate.now(helpCenter); // a run across midnight may write either

        KotaeServer.timeUntil("an anonymous search finds the published article",
                () -> server.searchIds("のし紙", null).contains("noshi-wrapping"));
        assertEquals(200, server.get("/articles/noshi-wrapping").status());
        Path file = server.content().resolve(published.path());
        assertEquals("ja/orders/noshi-wrapping.md", published.path());
        String expected = """
                ---
                id: noshi-wrapping
                title: のし紙は付けられますか
                type: faq
                visibility: public
                locale: ja
                category: 注文
                tags: [のし, ギフト]
                questions:
                  - のしをお願いしたい
                updated: %s
                ---
                ご注文時に「のし紙」をお選びください。無料でお付けします。
                """;
        String written = Files.readString(file);
        assertTrue(written.equals(expected.formatted(dayBefore)) || written.equals(expected.formatted(dayAfter)),
                written);
        assertEquals(expected.formatted(dayBefore).length(), written.length());

        // The draft was saved before the published article, which is indexed by now: had the draft reached
        // the index the same way, it would be there too.
        for (String token : new String[] {null, KotaeServer.AGENT_TOKEN}) {
            assertFalse(server.searchIds("風呂敷包装", token).contains("furoshiki-draft"));
            assertFalse(server.suggestIds("風呂敷", token).contains("furoshiki-draft"));
        }
        assertEquals(404, server.get("/articles/furoshiki-draft").status());
        assertEquals(404, server.get("/api/v1/articles/furoshiki-draft").status());
        KotaeServer.Reply sitemap = server.get("/sitemap.xml");
        assertTrue(sitemap.body().contains("noshi-wrapping"), "the published article is in the sitemap");
        assertFalse(sitemap.body().contains("furoshiki"), sitemap.body());
        assertTrue(editor.draft(BOB, "furoshiki-draft").isPresent(), "the draft is kept, just not served");
    }

    @Test
    void anArticleInANewCategoryGetsANewFolderAndIsServedToo() throws Exception {
        EditableArticle faq = new EditableArticle("gift-card-balance", "How do I check my gift card balance?", null,
                null, "en", "Gift Cards", List.of(), List.of("gift card balance"), null,
                "Enter the card number on the balance page.");
        Draft started = editor.saveDraft(ALICE, faq, null, null, null);
        Draft inReview = editor.requestReview(ALICE, started.id(), started.revision());
        PublishedArticle published = editor.publish(BOB, started.id(), inReview.revision(), null);

        assertEquals("en/gift-cards/gift-card-balance.md", published.path());
        KotaeServer.timeUntil("an anonymous search finds the published article",
                () -> server.searchIds("gift card balance", null).contains("gift-card-balance"));
    }
}
