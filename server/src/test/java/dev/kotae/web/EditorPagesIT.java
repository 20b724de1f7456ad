package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.PluginsConfig;
import dev.kotae.editing.Draft;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.site.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor pages over real HTTP against the real server and its real {@code EditorService}: people
 * sign in through the sign-in form and send the pages' own forms, as a browser without JavaScript
 * would. Anonymous visitors are sent to sign in, agents read but cannot write, forms without the
 * browser's CSRF token are refused, a draft goes through review to a published file, and a save that
 * started from an old version is refused with the diff while the person's text stays in the form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorPagesIT {

    static final String ALICE = "alice-editor-token-0123456789";
    static final String BOB = "bob-editor-token-0123456789";
    static final String ANN = "ann-agent-token-0123456789";
    /** A sample article (content/en/orders/order-status.md) to edit. */
    static final String SAMPLE = "order-status";

    @TempDir
    static Path work;
    private KotaeServer server;
    private String base;

    @BeforeAll
    void start() throws Exception {
        server = KotaeServer.configured(work, PluginsConfig.none(), config -> config.withTokens(List.of(
                new TokenAuthenticator.Token("alice", ALICE, Role.EDITOR),
                new TokenAuthenticator.Token("bob", BOB, Role.EDITOR),
                new TokenAuthenticator.Token("ann", ANN, Role.AGENT),
                new TokenAuthenticator.Token("admin", KotaeServer.ADMIN_TOKEN, Role.ADMIN))));
        base = server.baseUrl();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        SiteBrowser anonymous = new SiteBrowser(base);
        for (String path : List.of("/editor", "/editor/new", "/editor/articles/" + SAMPLE)) {
            SiteBrowser.Page page = anonymous.get(path);
            assertEquals(303, page.status(), path);
            assertTrue(page.location().contains("/login?next="), path + " → " + page.location());
        }
        // A form post without a session is refused even with a valid form token.
        SiteBrowser.Page form = anonymous.get("/login");
        Map<String, String> fields = newArticle("anon-post", "Anonymous");
        fields.put("csrf", SiteBrowser.formCsrf(form.html()));
        assertEquals(403, anonymous.post("/editor/articles", fields).status());
        assertFalse(anonymous.get("/").html().select("a.editor-link").size() > 0, "no editor link for visitors");
    }

    @Test
    void agentsReadEverythingButChangeNothing() {
        SiteBrowser ann = SiteBrowser.signedIn(base, ANN);
        Document home = ann.get("/editor").html();
        assertNotNull(home.selectFirst("a.editor-link[href=/editor]"), "header link for signed-in agents");
        assertNull(home.selectFirst("a.new-article"), "agents get no new-article button");

        Document article = ann.get("/editor/articles/" + SAMPLE).html();
        assertNotNull(article.selectFirst("fieldset.editor-fields[disabled]"), "fields are read-only for agents");
        assertTrue(article.select(".editor-actions button").isEmpty(), "no buttons for agents");
        assertEquals("Checking your order status", article.selectFirst("#f-title").attr("value"));

        assertEquals(403, ann.get("/editor/new").status(), "agents cannot start an article");
        assertNull(ann.get("/articles/" + SAMPLE).html().selectFirst(".edit-link"), "no edit link for agents");

        // Even a well-formed post with the agent's own form token is refused with the 403 page.
        Map<String, String> fields = newArticle("agent-post", "Agent post");
        fields.put("csrf", SiteBrowser.formCsrf(article));
        SiteBrowser.Page refused = ann.post("/editor/articles", fields);
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("error-page"), refused.body());
        assertEquals(404, SiteBrowser.signedIn(base, ALICE).get("/editor/articles/agent-post").status(),
                "nothing was saved");
    }

    @Test
    void savingAfterSigningOutInAnotherTabOffersToSignInAndComeBack() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        String editorPage = "/editor/articles/" + SAMPLE;
        SiteBrowser.Page form = alice.get(editorPage);
        Map<String, String> fields = formOf(form);
        fields.put("action", "save");
        // The other tab signs out (the same cookies): the session ends and the CSRF binding is renewed.
        SiteBrowser.Page other = alice.get("/");
        assertEquals(303, alice.post("/logout", Map.of("csrf", SiteBrowser.formCsrf(other.html()))).status());

        SiteBrowser.Page refused = alice.postFrom(editorPage, "/editor/articles", fields);
        assertEquals(403, refused.status());
        Document page = refused.html();
        assertEquals(Messages.of("ja").text("error.form.title"), page.selectFirst("main h1").text());
        Element signIn = page.selectFirst("a.sign-in-again");
        assertNotNull(signIn, refused.body());
        assertEquals("/login?next=" + enc(editorPage), signIn.attr("href"));
        // The sign-in form keeps that place, and signing in goes back to it.
        SiteBrowser.Page login = alice.get(signIn.attr("href"));
        assertEquals(editorPage, login.html().selectFirst("form.login-form input[name=next]").attr("value"));
        SiteBrowser.Page signedIn = alice.post("/login", Map.of("csrf", SiteBrowser.formCsrf(login.html()),
                "token", ALICE, "next", editorPage));
        assertEquals(303, signedIn.status());
        assertTrue(signedIn.location().endsWith(editorPage), signedIn.location());
        assertEquals(200, alice.get(editorPage).status());

        // Still signed in, a refused form (another browser's token) says only to reload: no sign-in link.
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        fields.put("csrf", SiteBrowser.formCsrf(bob.get(editorPage).html()));
        SiteBrowser.Page stale = alice.postFrom(editorPage, "/editor/articles", fields);
        assertEquals(403, stale.status());
        assertEquals(Messages.of("ja").text("error.form.title"), stale.html().selectFirst("main h1").text());
        assertNull(stale.html().selectFirst("a.sign-in-again"), stale.body());
    }

    @Test
    void aPageTheAccountMayNotOpenSaysSoNotThatAFormFailed() {
        SiteBrowser ann = SiteBrowser.signedIn(base, ANN);
        for (String path : List.of("/admin/learning", "/admin/contact", "/editor/new")) {
            SiteBrowser.Page page = ann.get(path);
            assertEquals(403, page.status(), path);
            // Once 「送信できませんでした」 (could not send the form) for every 403, though nothing was sent.
            assertEquals("この操作はできません", page.html().selectFirst("main h1").text(), path);
            assertFalse(page.body().contains("送信できませんでした"), path);
            assertNull(page.html().selectFirst("a.sign-in-again"), "signed in already: " + path);
        }
    }

    @Test
    void formsWithoutTheBrowsersCsrfTokenAreRefused() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        Map<String, String> fields = formOf(alice.get("/editor/new"));
        fields.putAll(newArticle("csrf-refused", "CSRF"));
        fields.put("csrf", SiteBrowser.formCsrf(bob.get("/editor/new").html())); // bob's token, alice's cookie
        assertEquals(403, alice.post("/editor/articles", fields).status());
        fields.remove("csrf");
        assertEquals(403, alice.post("/editor/articles", fields).status());
        assertEquals(404, alice.get("/editor/articles/csrf-refused").status(), "nothing was saved");
    }

    @Test
    void aDraftIsReviewedByAnotherEditorAndPublishedToAFile() throws Exception {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        SiteBrowser anonymous = new SiteBrowser(base);
        Document blank = alice.get("/editor/new?locale=ja&question=" + enc("返品の送料は？")).html();
        assertEquals("返品の送料は？", blank.selectFirst("#f-questions").wholeText().strip(), "question prefilled");
        assertNotNull(blank.selectFirst("datalist#category-options option"), "categories offered");

        Map<String, String> fields = formOf(blank);
        fields.put("id", "return-shipping-fee");
        fields.put("title", "返品送料について");
        fields.put("category", "返品・交換");
        fields.put("tags", "返品, 送料");
        fields.put("body", "不良品の返品送料は**当社負担**です。\r\n\r\n- 着払いでお送りください\r\n");
        fields.put("action", "save");
        SiteBrowser.Page saved = alice.post("/editor/articles", fields);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.location().endsWith("/editor/articles/return-shipping-fee?done=saved"), saved.location());

        Document draft = alice.get("/editor/articles/return-shipping-fee").html();
        assertEquals("返品送料について", draft.selectFirst("#f-title").attr("value"));
        assertNull(draft.selectFirst("button.publish-button"), "the author may not publish her own draft");
        assertNotNull(draft.selectFirst(".publish-blocked"), "and is told why");
        assertEquals(404, anonymous.get("/articles/return-shipping-fee").status(), "a draft is not public");
        assertTrue(alice.get("/editor").html().select("#drafts a[href=/editor/articles/return-shipping-fee]").size() == 1,
                "listed among the drafts");
        assertTrue(alice.get("/editor").html().selectFirst("#drafts thead").text().contains("(Asia/Tokyo)"),
                "its times say their zone");

        Map<String, String> review = formOf(draft);
        review.put("action", "review");
        assertEquals(303, alice.post("/editor/articles", review).status());
        assertTrue(bob.get("/editor").html().select("#inReview a[href=/editor/articles/return-shipping-fee]").size() == 1,
                "listed as in review");

        Document forBob = bob.get("/editor/articles/return-shipping-fee").html();
        assertNotNull(forBob.selectFirst("button.publish-button"), "another editor may publish it");
        Map<String, String> publish = formOf(forBob);
        publish.put("action", "publish");
        publish.put("message", "返品送料のFAQを追加");
        SiteBrowser.Page published = bob.post("/editor/articles", publish);
        assertEquals(303, published.status(), published.body());

        awaitPublicStatus("return-shipping-fee", 200, "the published article is served");
        Path file = findFile(server.content(), "return-shipping-fee.md");
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\n"), text);
        assertTrue(text.contains("title: 返品送料について\n"), text);
        assertTrue(text.endsWith("不良品の返品送料は**当社負担**です。\n\n- 着払いでお送りください\n"), "LF line ends: " + text);
        assertFalse(text.contains("\r"), "no CR from the browser's textarea");

        // The history lists the publish; the version page shows its text.
        Document history = bob.get("/editor/articles/return-shipping-fee/history").html();
        Element version = history.selectFirst("a.version-link");
        assertNotNull(version, history.outerHtml());
        assertEquals(200, bob.get(version.attr("href")).status());
    }

    @Test
    void theHomeListsPublishedArticlesToFindTheOneToChange() throws Exception {
        SiteBrowser ann = SiteBrowser.signedIn(base, ANN);
        Document all = ann.get("/editor").html();
        Element list = all.selectFirst("section#published");
        assertNotNull(list, all.outerHtml());
        String count = list.selectFirst(".published-count").text();
        assertTrue(count.matches("記事 [0-9]+ 件（新しい順）"), count); // the help center's language: ja
        int articles = Integer.parseInt(count.replaceAll("[^0-9]", ""));
        assertTrue(articles > 40, "every published article, internal ones too: " + count);
        assertEquals(20, list.select("tbody tr").size(), "a page at a time");
        assertNotNull(list.selectFirst("a[rel=next][href=/editor?page=2#published]"), list.outerHtml());

        // A search finds internal playbooks for agents, marked as such, linked to their editor page.
        Document found = ann.get("/editor?q=" + enc("escalation procedure")).html();
        Element row = found.selectFirst("#published a[href=/editor/articles/escalation-en]");
        assertNotNull(row, found.selectFirst("#published").outerHtml());
        assertNotNull(row.parent().selectFirst(".badge--internal"), "internal articles say so");
        assertEquals("escalation procedure", found.selectFirst("#published-q").attr("value"));
        assertTrue(found.selectFirst(".published-count").text().contains("「escalation procedure」"));
        // A misspelling the search corrects says which words the list is for.
        String corrected = ann.get("/editor?q=" + enc("escalaton")).html().selectFirst(".published-count").text();
        assertTrue(corrected.contains("「escalaton」に合う記事はありません") && corrected.contains("「escalation」"),
                corrected);

        // An id typed or pasted names its article first, though ids are not searched words.
        Element named = ann.get("/editor?q=escalation-en").html().selectFirst("#published .published-named a");
        assertNotNull(named, "the article with that URL name");
        assertEquals("/editor/articles/escalation-en", named.attr("href"));
        SiteBrowser.Page signIn = new SiteBrowser(base).get("/editor?q=escalation-en");
        assertEquals(303, signIn.status(), "anonymous callers sign in");
        assertTrue(signIn.location().endsWith("/login?next=" + enc("/editor?q=escalation-en")),
                "and come back to the same search: " + signIn.location());
        assertTrue(ann.get("/editor?q=no-such-article-id").html().select(".published-named").isEmpty());

        // Paging, on articles of this test's own (other tests publish too, and are indexed when they are):
        // 23 articles are 20 and 3; past the last page nothing is listed and the way back is the last page.
        for (int i = 0; i < 23; i++) {
            publishedByAdmin("paging-fixture-" + i, "Paging fixture " + i + " zebrafjord", "zebrafjord " + i);
        }
        String paged = "/editor?q=zebrafjord";
        await("the 23 are indexed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ann.get(paged).html().selectFirst(".published-count").text().contains("23"));
        Document first = ann.get(paged).html();
        assertEquals(20, first.select("#published tbody tr").size());
        assertNotNull(first.selectFirst("#published a[rel=next][href=/editor?q=zebrafjord&page=2#published]"));
        Document lastPage = ann.get(paged + "&page=2").html();
        assertEquals(3, lastPage.select("#published tbody tr").size());
        assertNull(lastPage.selectFirst("#published a[rel=next]"));
        Document past = ann.get(paged + "&page=5").html();
        assertTrue(past.select("#published tbody tr").isEmpty());
        assertNotNull(past.selectFirst("#published .editor-empty"), "it says there is no such page");
        assertNotNull(past.selectFirst("#published a[rel=prev][href=/editor?q=zebrafjord&page=2#published]"),
                past.selectFirst("#published").outerHtml());
        for (String bad : List.of("abc", "0", "-1", "５", "99999999999")) {
            assertEquals(400, ann.get("/editor?page=" + enc(bad)).status(), bad);
        }

        // An article with a pending draft says so in the list.
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fields = formOf(alice.get("/editor/articles/" + SAMPLE));
        fields.put("body", fields.get("body") + "\nA pending change.\n");
        fields.put("action", "save");
        assertEquals(303, alice.post("/editor/articles", fields).status());
        try {
            Element pending = alice.get("/editor?q=" + enc("Checking your order status")).html()
                    .selectFirst("#published a[href=/editor/articles/" + SAMPLE + "]");
            assertNotNull(pending);
            assertNotNull(pending.parent().selectFirst(".badge:not(.badge--internal)"), "the draft is mentioned");
        } finally {
            Map<String, String> discard = formOf(alice.get("/editor/articles/" + SAMPLE));
            discard.put("action", "discard");
            assertEquals(303, alice.post("/editor/articles", discard).status());
        }
    }

    @Test
    void aSaveStartedFromAnOldVersionIsRefusedWithTheDiffAndTheTextKept() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        Document aliceOpened = alice.get("/editor/articles/" + SAMPLE).html();
        Document bobOpened = bob.get("/editor/articles/" + SAMPLE).html();

        Map<String, String> aliceEdit = formOf(aliceOpened);
        aliceEdit.put("body", aliceEdit.get("body") + "\nAlice's added line.\n");
        aliceEdit.put("action", "save");
        assertEquals(303, alice.post("/editor/articles", aliceEdit).status());

        Map<String, String> bobEdit = formOf(bobOpened);
        String bobsText = bobEdit.get("body") + "\nBob's <b>own</b> paragraph.\n";
        bobEdit.put("body", bobsText);
        bobEdit.put("action", "save");
        SiteBrowser.Page refused = bob.post("/editor/articles", bobEdit);
        assertEquals(409, refused.status(), refused.body());
        Document page = refused.html();
        assertTrue(page.selectFirst("#editor-notice").text().contains("Someone saved this article after you opened it")
                || page.selectFirst("#editor-notice").text().contains("他の人がこの記事を先に保存しました"),
                page.selectFirst("#editor-notice").text());
        assertEquals(bobsText.strip(), page.selectFirst("#f-body").wholeText().strip(), "bob's text is kept");
        Element diff = page.selectFirst("pre.diff");
        assertNotNull(diff, "the diff is shown");
        assertTrue(diff.text().contains("Alice's added line."), diff.text());
        assertTrue(refused.body().contains("Bob&#39;s &lt;b&gt;own&lt;/b&gt; paragraph.")
                || refused.body().contains("Bob's &lt;b&gt;own&lt;/b&gt; paragraph."), "escaped in the page");
        assertFalse(refused.body().contains("<b>own</b>"), "never raw");

        // Merged by hand: the second save starts from the version the refusal named, and is accepted.
        Map<String, String> merged = formOf(page);
        assertFalse(merged.get("startedFrom").equals(bobEdit.get("startedFrom")), "startedFrom moved on");
        merged.put("body", aliceEdit.get("body") + "\nBob's paragraph, merged.\n");
        merged.put("action", "save");
        assertEquals(303, bob.post("/editor/articles", merged).status());
        assertTrue(bob.get("/editor/articles/" + SAMPLE).html().selectFirst("#f-body").wholeText()
                .contains("Bob's paragraph, merged."));
    }

    @Test
    void invalidFieldsAreShownBesideTheFieldWithTheTextKept() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fields = formOf(alice.get("/editor/new").html());
        fields.put("id", "bad id!");
        fields.put("title", "<script>alert(1)</script>");
        fields.put("body", "本文は残る");
        fields.put("action", "save");
        SiteBrowser.Page refused = alice.post("/editor/articles", fields);
        assertEquals(400, refused.status());
        Document page = refused.html();
        assertNotNull(page.selectFirst("#err-id"), "the error stands beside the id");
        assertEquals("true", page.selectFirst("#f-id").attr("aria-invalid"));
        assertEquals("本文は残る", page.selectFirst("#f-body").wholeText().strip());
        assertEquals("<script>alert(1)</script>", page.selectFirst("#f-title").attr("value"));
        assertFalse(refused.body().contains("<script>alert(1)"), "the title is escaped");

        // No id and an ASCII title: the id is suggested from it.
        fields.put("id", "");
        fields.put("title", "Return shipping: who pays?");
        Document suggested = alice.post("/editor/articles", fields).html();
        assertEquals("return-shipping-who-pays", suggested.selectFirst("#f-id").attr("value"));

        // A rule only the service knows (no title) comes back beside its field too.
        fields.put("id", "no-title");
        fields.put("title", "");
        SiteBrowser.Page noTitle = alice.post("/editor/articles", fields);
        assertEquals(400, noTitle.status(), noTitle.body());
        assertNotNull(noTitle.html().selectFirst("#err-title"), noTitle.body());
        // In the page's language first, then the service's own words, which name what was wrong.
        assertEquals(Messages.of("ja").text("editor.rejected.detail", Messages.of("ja").text("editor.rejected.title"),
                "a title is required"), noTitle.html().selectFirst("#err-title").text());
        fields.put("title", "x".repeat(301));
        String tooLong = alice.post("/editor/articles", fields).html().selectFirst("#err-title").text();
        assertTrue(tooLong.startsWith("タイトルは必須です。1行で300文字まで") && tooLong.contains("longer than 300"), tooLong);

        // A publish time outside the years 2000–9999 is a field error, never saved (it would break the page).
        fields.put("id", "far-future");
        fields.put("title", "Far future");
        for (String publishAt : List.of("+10000-01-01T00:00", "1999-12-31T23:59")) {
            fields.put("publishAt", publishAt);
            SiteBrowser.Page outOfRange = alice.post("/editor/articles", fields);
            assertEquals(400, outOfRange.status(), outOfRange.body());
            assertNotNull(outOfRange.html().selectFirst("#err-publishAt"), outOfRange.body());
            assertEquals(publishAt, outOfRange.html().selectFirst("#f-publishAt").attr("value"), "the text is kept");
        }
        assertEquals(404, alice.get("/editor/articles/far-future").status(), "no draft was saved");

        // A select's error and the translation key's are tied to their fields the same way.
        fields.put("publishAt", "");
        fields.put("type", "bogus");
        Element type = alice.post("/editor/articles", fields).html().selectFirst("#f-type");
        assertEquals("true", type.attr("aria-invalid"), type.outerHtml());
        assertEquals("err-type", type.attr("aria-describedby"));
        fields.put("type", "faq");
        fields.put("translationKey", "key\u0001with-control");
        SiteBrowser.Page badKey = alice.post("/editor/articles", fields);
        assertEquals(400, badKey.status(), badKey.body());
        Element key = badKey.html().selectFirst("#f-translationKey");
        assertEquals("true", key.attr("aria-invalid"), key.outerHtml());
        assertEquals("err-translationKey hint-translationKey", key.attr("aria-describedby"));
        assertNotNull(badKey.html().selectFirst("#err-translationKey"), badKey.body());

        // A character the file cannot hold (U+FFFE) is the field's error on the page too, not a 500.
        fields.put("translationKey", "");
        fields.put("title", "not\ufffetext");
        SiteBrowser.Page badTitle = alice.post("/editor/articles", fields);
        assertEquals(400, badTitle.status(), badTitle.body());
        assertEquals("true", badTitle.html().selectFirst("#f-title").attr("aria-invalid"), badTitle.body());
    }

    @Test
    void thePreviewIsTheArticlePageFragmentWithRawHtmlEscaped() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fields = formOf(alice.get("/editor/new").html());
        fields.putAll(newArticle("preview-only", "Preview title"));
        fields.put("body", "## Heading\n\n**bold** <img src=x onerror=alert(1)>\n");
        fields.put("action", "preview");
        SiteBrowser.Page page = alice.post("/editor/articles", fields);
        assertEquals(200, page.status(), page.body());
        Element preview = page.html().selectFirst("#preview article.article .article-body");
        assertNotNull(preview, page.body());
        assertNotNull(preview.selectFirst("h2"), preview.html());
        assertNotNull(preview.selectFirst("strong"), preview.html());
        assertNull(preview.selectFirst("img[onerror]"), "raw HTML is escaped: " + preview.html());
        assertEquals(404, alice.get("/editor/articles/preview-only").status(), "a preview saves nothing");

        // The script's preview route answers the same fragment.
        Map<String, String> script = new LinkedHashMap<>(fields);
        script.remove("action");
        SiteBrowser.Page pane = alice.post("/editor/preview", script);
        assertEquals(200, pane.status());
        assertNotNull(pane.html().selectFirst("article.article .article-body h2"), pane.body());

        // Without a URL name yet (a Japanese title suggests none) the pane still previews; without a title it
        // says which field is missing, as the form would beside it.
        script.put("id", "");
        script.put("title", "日本語のタイトル");
        SiteBrowser.Page noId = alice.post("/editor/preview", script);
        assertEquals(200, noId.status(), noId.body());
        assertEquals("日本語のタイトル", noId.html().selectFirst("article.article h1").text());
        script.put("title", "");
        SiteBrowser.Page noTitle = alice.post("/editor/preview", script);
        assertEquals(400, noTitle.status());
        assertTrue(noTitle.html().text().contains(Messages.of("ja").text("editor.rejected.title")), noTitle.html().text());
        script.put("title", "日本語のタイトル");
        script.put("publishAt", "someday");
        SiteBrowser.Page badTime = alice.post("/editor/preview", script);
        assertEquals(400, badTime.status());
        assertTrue(badTime.html().text().contains(Messages.of("ja").text("editor.error.publishAt")), badTime.html().text());
    }

    @Test
    void editorsGetEditLinksAndBadAddressesGetErrorPages() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Element edit = alice.get("/articles/" + SAMPLE).html().selectFirst(".edit-link a");
        assertNotNull(edit, "editors see an edit link on the article page");
        assertEquals("/editor/articles/" + SAMPLE, edit.attr("href"));
        assertEquals(404, alice.get("/editor/articles/no-such-article").status());
        assertEquals(404, alice.get("/editor/articles/bad%20id").status());
        assertEquals(400, alice.get("/editor/articles/" + SAMPLE + "/history/bad%20version").status());
        assertEquals(404, alice.get("/editor/new?translationOf=no-such-article").status());
        assertEquals(400, alice.get("/editor/new?locale=" + enc("<x>")).status());
    }

    /** A draft that would publish nothing new is not sent to a reviewer; the refusal sits beside the body. */
    @Test
    void aDraftTheSameAsThePublishedArticleIsNotSentForReview() throws Exception {
        publishedByAdmin("review-unchanged", "Review unchanged", "the same text");
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> review = formOf(alice.get("/editor/articles/review-unchanged").html());
        review.put("action", "review");

        SiteBrowser.Page refused = alice.post("/editor/articles", review);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.html().selectFirst("#err-body").text().contains("公開中の記事と同じ"), refused.body());

        Map<String, String> again = formOf(refused); // as the browser sends it next: the page's own form
        again.put("body", "the same text, and one more sentence.");
        again.put("action", "review");
        SiteBrowser.Page sent = alice.post("/editor/articles", again);
        assertEquals(303, sent.status(), sent.body());
    }

    /** The restore form names what its diff was against: restoring from a page older than the article is refused. */
    @Test
    void aRestoreFromAPageOlderThanTheArticleIsRefused() throws Exception {
        EditorService editor = server.app().editor();
        Caller admin = new Caller("admin", Role.ADMIN);
        PublishedArticle one = publishedByAdmin("stale-restore", "Stale restore", "first text");
        PublishedArticle two = editor.publishDirectly(admin, withBody(one, "second text"), one.version(), null);
        SiteBrowser bob = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN); // restores skip review: admins
        List<Element> versions = bob.get("/editor/articles/stale-restore/history").html().select("a.version-link");
        Element form = bob.get(versions.get(1).attr("href")).html().selectFirst("form.restore-form");
        assertEquals(two.version(), form.selectFirst("input[name=published]").attr("value"));

        editor.publishDirectly(admin, withBody(two, "third text"), two.version(), null); // while bob reads
        Map<String, String> fields = inputsOf(form);
        SiteBrowser.Page refused = bob.post(form.attr("action"), fields);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(Files.readString(server.content().resolve(two.path())).endsWith("third text\n"));
    }

    private static EditableArticle withBody(PublishedArticle published, String body) {
        EditableArticle a = published.article();
        return new EditableArticle(a.id(), a.title(), a.type(), a.visibility(), a.locale(), a.category(), a.tags(),
                a.questions(), a.translationKey(), body);
    }

    /**
     * Deleting from the editor: offered only to those who may publish alone (review is required here, so
     * admins), confirmed on a page of its own, refused when the article changed since that page, and
     * followed by the history, from which the article is restored.
     */
    @Test
    void anAdminDeletesAnArticleAfterConfirmingAndRestoresItFromItsHistory() throws Exception {
        EditorService editor = server.app().editor();
        Caller admin = new Caller("admin", Role.ADMIN);
        PublishedArticle made = publishedByAdmin("to-delete", "To delete", "first text");
        SiteBrowser anonymous = new SiteBrowser(base);
        awaitPublicStatus("to-delete", 200, "published");

        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        assertNull(alice.get("/editor/articles/to-delete").html().selectFirst("a.delete-link"),
                "an editor may not delete where review is required");
        assertEquals(403, alice.get("/editor/articles/to-delete/delete").status());
        SiteBrowser.Page aliceDeletes = alice.post("/editor/articles/to-delete/delete", Map.of("csrf",
                SiteBrowser.formCsrf(alice.get("/editor").html()), "version", made.version()));
        assertEquals(403, aliceDeletes.status());
        assertTrue(aliceDeletes.html().text().contains("管理者だけが記事を削除"), "says why: " + aliceDeletes.html().text());
        assertNull(SiteBrowser.signedIn(base, ANN).get("/editor/articles/to-delete").html().selectFirst("a.delete-link"));
        assertEquals(303, anonymous.get("/editor/articles/to-delete/delete").status(), "sign in first");

        SiteBrowser browser = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Element link = browser.get("/editor/articles/to-delete").html().selectFirst("a.delete-link");
        assertNotNull(link, "admins are offered to delete");
        Document confirm = browser.get(link.attr("href")).html();
        Element form = confirm.selectFirst("form.delete-form");
        assertEquals(made.version(), form.selectFirst("input[name=version]").attr("value"));
        assertTrue(confirm.text().contains("To delete"), "the page names the article");

        // Changed by someone else after the page was opened: refused, nothing deleted, asked again.
        PublishedArticle changed = editor.publishDirectly(admin, withBody(made, "second text"), made.version(), null);
        Map<String, String> fields = inputsOf(form);
        fields.put("message", "Outdated <b>FAQ</b>");
        SiteBrowser.Page refused = browser.post(form.attr("action"), fields);
        assertEquals(409, refused.status(), refused.body());
        assertNotNull(refused.html().selectFirst(".notice--error"));
        assertEquals("Outdated <b>FAQ</b>", refused.html().selectFirst("#delete-message").attr("value"), "note kept");
        assertTrue(Files.exists(server.content().resolve(changed.path())));

        Element again = refused.html().selectFirst("form.delete-form");
        assertEquals(changed.version(), again.selectFirst("input[name=version]").attr("value"));
        fields.put("version", changed.version());
        SiteBrowser.Page deleted = browser.post(again.attr("action"), fields);
        assertEquals(303, deleted.status(), deleted.body());
        assertTrue(deleted.location().endsWith("/editor/articles/to-delete/history?done=deleted"), deleted.location());
        assertFalse(Files.exists(server.content().resolve(changed.path())), "the file is gone");
        awaitPublicStatus("to-delete", 404, "gone from the help center");

        Document history = browser.get("/editor/articles/to-delete/history?done=deleted").html();
        assertNotNull(history.selectFirst(".notice[role=status]"), "the history says it was deleted");
        assertTrue(history.selectFirst("thead").text().contains("(Asia/Tokyo)"), "its times' zone, the help center's");
        assertTrue(history.select("tbody tr").text().contains("Outdated <b>FAQ</b>"), "with the note, as text");
        assertEquals(404, browser.get("/editor/articles/to-delete/delete").status(), "nothing left to delete");
        SiteBrowser.Page editorPage = browser.get("/editor/articles/to-delete");
        assertEquals(303, editorPage.status(), "a deleted article's editor page leads to its history");
        assertTrue(editorPage.location().endsWith("/editor/articles/to-delete/history"), editorPage.location());
        assertEquals("/editor", history.selectFirst(".editor-back a").attr("href"), "back to the list, not to a 404");

        // Its last version is restored from the history: back on the site.
        Element restore = browser.get(history.selectFirst("a.version-link").attr("href")).html()
                .selectFirst("form.restore-form");
        Map<String, String> restoring = inputsOf(restore);
        assertEquals(303, browser.post(restore.attr("action"), restoring).status());
        awaitPublicStatus("to-delete", 200, "restored");
        assertTrue(anonymous.get("/articles/to-delete").body().contains("second text"));
    }

    /**
     * A draft pending when its article is deleted is not stuck: its next save is refused once, saying the
     * article was deleted, and the save after that keeps it as a draft of a new article, which publishes.
     */
    @Test
    void aDraftOfADeletedArticleIsSavedAgainAndPublishesTheArticleBack() throws Exception {
        EditorService editor = server.app().editor();
        Caller admin = new Caller("admin", Role.ADMIN);
        PublishedArticle made = publishedByAdmin("deleted-under-draft", "Under draft", "first text");
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fields = formOf(alice.get("/editor/articles/deleted-under-draft"));
        fields.put("body", "alice's rewrite");
        fields.put("action", "save");
        assertEquals(303, alice.post("/editor/articles", fields).status());
        Map<String, String> again = formOf(alice.get("/editor/articles/deleted-under-draft"));

        SiteBrowser browser = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Document confirm = browser.get("/editor/articles/deleted-under-draft/delete").html();
        assertNotNull(confirm.selectFirst(".delete-draft"), "the page says a draft is pending");
        editor.delete(admin, "deleted-under-draft", made.version(), null);
        awaitPublicStatus("deleted-under-draft", 404, "gone from the site"); // else the old page answers 200 below

        again.put("body", "alice's rewrite, finished");
        again.put("action", "review");
        SiteBrowser.Page refused = alice.post("/editor/articles", again);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.html().selectFirst(".notice").text().contains("記事が削除されました"),
                refused.html().selectFirst(".notice").text());
        assertEquals("alice's rewrite, finished", refused.html().selectFirst("#f-body").wholeText().strip(), "text kept");
        Map<String, String> retry = formOf(refused.html());
        assertEquals("", retry.get("baseVersion"), "saved again, it starts from nothing published");
        retry.put("action", "review");
        SiteBrowser.Page sent = alice.post("/editor/articles", retry);
        assertEquals(303, sent.status(), sent.body());

        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        Map<String, String> publish = formOf(bob.get("/editor/articles/deleted-under-draft"));
        publish.put("action", "publish");
        SiteBrowser.Page published = bob.post("/editor/articles", publish);
        assertEquals(303, published.status(), published.body());
        SiteBrowser anonymous = new SiteBrowser(base);
        awaitPublicStatus("deleted-under-draft", 200, "back on the site");
        assertTrue(anonymous.get("/articles/deleted-under-draft").body().contains("alice's rewrite, finished"));
    }

    /** A delete post without the browser's form token, or naming no version, deletes nothing. */
    @Test
    void deletePostsWithoutTokenOrVersionAreRefused() throws Exception {
        EditorService editor = server.app().editor();
        PublishedArticle made = publishedByAdmin("kept-article", "Kept", "text");
        SiteBrowser browser = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("version", made.version()));
        assertEquals(403, browser.post("/editor/articles/kept-article/delete", fields).status());
        fields.put("csrf", SiteBrowser.formCsrf(browser.get("/editor").html()));
        fields.remove("version");
        assertEquals(400, browser.post("/editor/articles/kept-article/delete", fields).status());
        assertTrue(Files.exists(server.content().resolve(made.path())));
    }

    /** A delete has no text to show: its row is listed without a link, and every link there opens. */
    @Test
    void everyVersionLinkInAHistoryOpensAndADeleteRowHasNone() throws Exception {
        EditorService editor = server.app().editor();
        Caller admin = new Caller("admin", Role.ADMIN);
        PublishedArticle made = publishedByAdmin("history-links", "History links", "first text");
        editor.delete(admin, "history-links", made.version(), "Not needed");

        SiteBrowser browser = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Document history = browser.get("/editor/articles/history-links/history").html();
        assertEquals(2, history.select("tbody tr").size(), history.outerHtml());
        List<String> links = history.select("a.version-link").eachAttr("href");
        assertEquals(1, links.size(), "the publish, not the delete: " + links);
        for (String link : links) {
            assertEquals(200, browser.get(link).status(), link);
        }
    }

    @Test
    void anArticleWithoutATranslationOffersToCreateOneUntilBothNameTheKey() throws Exception {
        SiteBrowser admin = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        // A sample pair names one key: neither offers a translation.
        assertNull(admin.get("/editor/articles/" + SAMPLE).html().selectFirst("a.translate-link"), "already paired");

        // This English sample has no Japanese version: editors are offered to create it, prefilled.
        String source = "damaged-or-wrong-items";
        Element translate = admin.get("/editor/articles/" + source).html().selectFirst("a.translate-link");
        assertNotNull(translate, "a translation link");
        assertEquals("日本語版を作成", translate.text());
        Document translation = admin.get(translate.attr("href")).html();
        assertEquals("ja", translation.selectFirst("#f-locale option[selected]").attr("value"));
        assertEquals(source, translation.selectFirst("#f-translationKey").attr("value"));
        assertEquals("Returns & refunds", translation.selectFirst("#f-category").attr("value"));
        assertEquals("faq", translation.selectFirst("#f-type option[selected]").attr("value"));
        assertTrue(translation.selectFirst("#editor-notice").text().contains(source), "the source needs the key too");

        Map<String, String> fields = formOf(translation);
        fields.put("id", source + "-ja");
        fields.put("title", "破損・誤配送の商品");
        fields.put("body", "写真を添えてご連絡ください。");
        fields.put("action", "publish"); // an admin may publish alone
        assertEquals(303, admin.post("/editor/articles", fields).status());
        await("the translation is indexed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> new SiteBrowser(base).get("/articles/" + source + "-ja").status() == 200);
        assertNull(admin.get("/editor/articles/" + source + "-ja").html().selectFirst("a.translate-link"),
                "the translation names its source");
        assertNotNull(admin.get("/editor/articles/" + source).html().selectFirst("a.translate-link"),
                "the source does not name the key yet");

        // The source names the key as well: now they are a pair.
        Map<String, String> keyed = formOf(admin.get("/editor/articles/" + source).html());
        keyed.put("translationKey", source);
        keyed.put("action", "publish");
        assertEquals(303, admin.post("/editor/articles", keyed).status());
        await("the source's key is indexed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> admin.get("/editor/articles/" + source).html().selectFirst("a.translate-link") == null);
    }

    @Test
    void unsavedChangesAreNotPublishedAndADiscardedDraftLeavesThePublishedArticle() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        String id = "order-history"; // ja/orders/order-history.md
        String liveTitle = formOf(alice.get("/editor/articles/" + id).html()).get("title");
        Map<String, String> draft = formOf(alice.get("/editor/articles/" + id).html());
        draft.put("title", "注文履歴（下書き）");
        draft.put("action", "review");
        assertEquals(303, alice.post("/editor/articles", draft).status());

        // Bob changes the text and presses publish: refused, his text kept, nothing published.
        Map<String, String> changed = formOf(bob.get("/editor/articles/" + id).html());
        changed.put("body", changed.get("body") + "\nボブの未保存の変更\n");
        changed.put("action", "publish");
        SiteBrowser.Page refused = bob.post("/editor/articles", changed);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.html().selectFirst("#f-body").wholeText().contains("ボブの未保存の変更"));
        assertEquals(liveTitle, new SiteBrowser(base).get("/articles/" + id).html().selectFirst("main h1").text());

        // Alice discards her draft: the editor page is the published article again.
        Map<String, String> discard = formOf(alice.get("/editor/articles/" + id).html());
        discard.put("action", "discard");
        SiteBrowser.Page discarded = alice.post("/editor/articles", discard);
        assertEquals(303, discarded.status(), discarded.body());
        Document after = alice.get("/editor/articles/" + id).html();
        assertEquals(liveTitle, after.selectFirst("#f-title").attr("value"));
        assertNull(after.selectFirst(".draft-info"), "no draft any more");
        assertNull(after.selectFirst("button.discard-button"));

        // A new article's discarded draft is gone altogether.
        Map<String, String> fresh = formOf(alice.get("/editor/new").html());
        fresh.putAll(newArticle("discard-me", "Discard me"));
        assertEquals(303, alice.post("/editor/articles", fresh).status());
        Map<String, String> drop = formOf(alice.get("/editor/articles/discard-me").html());
        drop.put("action", "discard");
        SiteBrowser.Page gone = alice.post("/editor/articles", drop);
        assertEquals(303, gone.status());
        assertEquals("/editor", gone.location().replaceFirst("^https?://[^/]+", ""));
        assertEquals(404, alice.get("/editor/articles/discard-me").status());
    }

    @Test
    void adminsReadTheAuditLogOthersDoNot() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fields = formOf(alice.get("/editor/new").html());
        fields.putAll(newArticle("audited-draft", "Audited <draft>"));
        assertEquals(303, alice.post("/editor/articles", fields).status());

        SiteBrowser admin = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        SiteBrowser.Page log = admin.get("/admin/audit");
        assertEquals(200, log.status(), log.body());
        Element row = log.html().select("table.audit-table tbody tr").stream()
                .filter(tr -> tr.text().contains("audited-draft")).findFirst().orElse(null);
        assertNotNull(row, "alice's save is in the log: " + log.body());
        assertTrue(row.text().contains("alice") && row.text().contains("save-draft"), row.text());
        assertTrue(row.text().contains("下書きを保存 (save-draft)") && row.text().contains("編集者 (editor)"),
                "actions and roles in words, codes beside them: " + row.text());
        assertNotNull(log.html().selectFirst("a.csv-link[href=/api/v1/admin/audit?format=csv]"));
        Document home = admin.get("/editor").html();
        for (String page : List.of("/admin/audit", "/admin/learning", "/admin/contact")) {
            assertNotNull(home.selectFirst("a[href=" + page + "]"), "admins reach " + page + " from the editor home");
            assertEquals(200, admin.get(page).status(), page);
        }
        assertNull(alice.get("/editor").html().selectFirst("a[href=/admin/contact]"), "editors are not offered it");

        assertEquals(403, alice.get("/admin/audit").status(), "editors do not read the audit log");
        assertEquals(303, new SiteBrowser(base).get("/admin/audit").status(), "visitors are sent to sign in");
    }

    @Test
    void anOldVersionIsShownWithItsDiffAndRestored() throws Exception {
        // An admin may publish alone: two versions, straight from the form.
        SiteBrowser admin = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Map<String, String> first = formOf(admin.get("/editor/new").html());
        first.putAll(newArticle("restorable", "Restorable"));
        first.put("body", "First version.");
        first.put("action", "publish");
        assertEquals(303, admin.post("/editor/articles", first).status());
        Map<String, String> second = formOf(admin.get("/editor/articles/restorable").html());
        second.put("body", "Second version.");
        second.put("action", "publish");
        SiteBrowser.Page republished = admin.post("/editor/articles", second);
        assertEquals(303, republished.status(), republished.body());
        Path file = server.content().resolve(findFile(server.content(), "restorable.md"));
        assertTrue(Files.readString(file).endsWith("Second version.\n"));

        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        List<Element> versions = bob.get("/editor/articles/restorable/history").html().select("a.version-link");
        assertEquals(2, versions.size(), "two published versions");
        Document old = bob.get(versions.get(1).attr("href")).html(); // newest first
        assertTrue(old.selectFirst("pre.version-text").text().contains("First version."));
        String diff = old.selectFirst("pre.diff").text();
        assertTrue(diff.contains("-First version.") && diff.contains("+Second version."), diff);

        SiteBrowser ann = SiteBrowser.signedIn(base, ANN);
        Document forAnn = ann.get(versions.get(1).attr("href")).html();
        assertNull(forAnn.selectFirst("form.restore-form"), "agents cannot restore");
        assertEquals(403, ann.post(versions.get(1).attr("href") + "/restore",
                Map.of("csrf", SiteBrowser.formCsrf(forAnn))).status());

        // Review is required here: a restore skips it, so editors start a draft from the version instead.
        assertNull(old.selectFirst("form.restore-form"), "bob may not restore directly");
        String restoreUrl = versions.get(1).attr("href") + "/restore";
        assertEquals(403, bob.post(restoreUrl, Map.of("csrf", SiteBrowser.formCsrf(old))).status());
        Document fromVersion = bob.get(old.selectFirst(".draft-from-version a").attr("href")).html();
        assertEquals("First version.", fromVersion.selectFirst("#f-body").wholeText().strip());
        Map<String, String> asDraft = formOf(fromVersion);
        asDraft.put("action", "review");
        assertEquals(303, bob.post("/editor/articles", asDraft).status());
        assertTrue(Files.readString(file).endsWith("Second version.\n"), "nothing published before review");
        Caller root = new Caller("admin", Role.ADMIN);
        Draft fromOld = server.app().editor().draft(root, "restorable").orElseThrow();
        assertEquals("First version.", fromOld.article().body().strip());
        server.app().editor().discardDraft(root, "restorable", fromOld.revision());

        Document forAdmin = admin.get(versions.get(1).attr("href")).html();
        SiteBrowser.Page restored = admin.post(forAdmin.selectFirst("form.restore-form").attr("action"),
                Map.of("csrf", SiteBrowser.formCsrf(forAdmin), "message", "back to the first"));
        assertEquals(303, restored.status(), restored.body());
        assertTrue(Files.readString(file).endsWith("First version.\n"), Files.readString(file));
        assertEquals(3, bob.get("/editor/articles/restorable/history").html().select("a.version-link").size());
    }

    @Test
    void aPublishedArticleWithAPendingDraftSaysSoAndKeepsItsLivePage() throws Exception {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        String id = "how-to-order"; // ja/orders/how-to-order.md
        Map<String, String> edit = formOf(alice.get("/editor/articles/" + id).html());
        String liveTitle = edit.get("title");
        edit.put("title", "注文方法（改訂中）");
        edit.put("publishAt", "2030-01-02T09:30");
        edit.put("action", "save");
        assertEquals(303, alice.post("/editor/articles", edit).status());

        Document draft = alice.get("/editor/articles/" + id).html();
        assertEquals("2030-01-02T09:30", draft.selectFirst("#f-publishAt").attr("value"), "publishAt kept");
        // Typed in the help center's zone (Japanese by default: Tokyo), whatever the server machine's is.
        assertTrue(draft.selectFirst("#hint-publishAt").text().contains("Asia/Tokyo"), draft.selectFirst("#hint-publishAt").text());
        assertEquals(java.time.Instant.parse("2030-01-02T00:30:00Z"), server.app().editor()
                .draft(new Caller("admin", Role.ADMIN), id).orElseThrow().publishAt());
        // What publishing would change: the title line, as a diff, folded for its own author.
        Element changes = draft.selectFirst("details.draft-changes");
        assertNotNull(changes, draft.outerHtml());
        assertFalse(changes.hasAttr("open"), "folded for the draft's author");
        String diff = changes.selectFirst("pre.diff").wholeText();
        assertTrue(diff.contains("-title: " + liveTitle + "\n") && diff.contains("+title: 注文方法（改訂中）\n"), diff);
        assertFalse(diff.contains("+title: " + liveTitle), diff);

        // Sent for review, it is unfolded for the reviewer.
        Map<String, String> review = formOf(draft);
        review.put("action", "review");
        assertEquals(303, alice.post("/editor/articles", review).status());
        Element forBob = SiteBrowser.signedIn(base, BOB).get("/editor/articles/" + id).html()
                .selectFirst("details.draft-changes");
        assertTrue(forBob.hasAttr("open"), forBob.outerHtml());
        String bobsDiff = forBob.selectFirst("pre.diff").wholeText();
        assertEquals(diff.substring(diff.indexOf("@@")), bobsDiff.substring(bobsDiff.indexOf("@@")),
                "the same change (the draft's revision in the header is the review's)");
        assertNull(SiteBrowser.signedIn(base, BOB).get("/editor/articles/" + id).html().selectFirst(".draft-behind"));

        // Published again by an admin meanwhile: the reviewer is told the draft's changes now undo that.
        EditorService editor = server.app().editor();
        Caller root = new Caller("admin", Role.ADMIN);
        PublishedArticle live = editor.published(root, id).orElseThrow();
        editor.publishDirectly(root, withBody(live, live.article().body() + "\n追記。\n"), live.version(), null);
        Element behind = SiteBrowser.signedIn(base, BOB).get("/editor/articles/" + id).html().selectFirst(".draft-behind");
        assertNotNull(behind, "the reviewer is warned");
        assertTrue(behind.text().contains("公開中の記事が変更されました"), behind.text());
        assertNotNull(draft.selectFirst(".draft-of-published a[href=/editor/articles/" + id + "?show=published]"));
        Document published = alice.get("/editor/articles/" + id + "?show=published").html();
        assertEquals(liveTitle, published.selectFirst("#f-title").attr("value"));
        assertNotNull(published.selectFirst("fieldset.editor-fields[disabled]"), "edit the draft, not this");
        assertNotNull(published.selectFirst(".pending-draft a[href=/editor/articles/" + id + "]"), "links the draft");
        assertTrue(new SiteBrowser(base).get("/articles/" + id).html().selectFirst("main h1").text().equals(liveTitle),
                "the live page stays the published one");
    }

    /** A change to the publish time alone is a change: asking for review or publishing saves it first. */
    @Test
    void aChangedPublishTimeAloneIsSavedBeforeReviewAndPublish() {
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        Map<String, String> fresh = formOf(alice.get("/editor/new").html());
        fresh.putAll(newArticle("rescheduled", "Rescheduled"));
        fresh.put("publishAt", "2030-01-02T09:30");
        assertEquals(303, alice.post("/editor/articles", fresh).status());

        Map<String, String> review = formOf(alice.get("/editor/articles/rescheduled").html());
        review.put("publishAt", "2031-05-06T10:00");
        review.put("action", "review");
        assertEquals(303, alice.post("/editor/articles", review).status());
        Document inReview = alice.get("/editor/articles/rescheduled").html();
        assertEquals("2031-05-06T10:00", inReview.selectFirst("#f-publishAt").attr("value"), "review saved the time");

        // Another editor may publish the draft as it is, but not with a time he has not saved.
        SiteBrowser bob = SiteBrowser.signedIn(base, BOB);
        Map<String, String> publish = formOf(bob.get("/editor/articles/rescheduled").html());
        publish.put("publishAt", "2032-07-08T11:00");
        publish.put("action", "publish");
        SiteBrowser.Page refused = bob.post("/editor/articles", publish);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("2032-07-08T11:00", refused.html().selectFirst("#f-publishAt").attr("value"), "his time kept");
        assertEquals("2031-05-06T10:00",
                alice.get("/editor/articles/rescheduled").html().selectFirst("#f-publishAt").attr("value"));
    }

    /** Publishing with a later publish time schedules it, and the pages say so rather than "published". */
    @Test
    void publishingForALaterTimeSaysScheduledAndListsItAsScheduled() {
        SiteBrowser admin = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        Map<String, String> fields = formOf(admin.get("/editor/new").html());
        fields.putAll(newArticle("new-year-sale", "新春セールのお知らせ"));
        fields.put("publishAt", "2030-01-01T09:00");
        fields.put("action", "publish");
        SiteBrowser.Page done = admin.post("/editor/articles", fields);
        assertEquals(303, done.status(), done.body());
        assertTrue(done.location().endsWith("?done=scheduled"), done.location());

        Document page = admin.get(URI.create(done.location()).getRawPath() + "?done=scheduled").html();
        assertEquals("公開を予約しました。公開日時になると自動で公開されます。", page.selectFirst("#editor-notice").text());
        assertTrue(page.selectFirst(".draft-info .badge").text().startsWith("公開予約済み"), page.select(".draft-info").text());
        Document home = admin.get("/editor").html();
        assertEquals(List.of("new-year-sale"), home.select("#scheduled td.id-cell").eachText());
        assertTrue(home.select("#drafts td.id-cell").eachText().stream().noneMatch("new-year-sale"::equals));
        assertEquals(404, new SiteBrowser(base).get("/articles/new-year-sale").status(), "not live before its time");
    }

    @Test
    void analyticsOffersEditorsToWriteAnArticleForAQueryThatFoundNothing() throws Exception {
        String query = "宇宙船の燃料補給";
        assertEquals(200, server.query("/api/v1/search", null, Map.of("q", query)).status());
        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        await("the query is in the zero-result table").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> alice.get("/analytics").html().select("#zero-results td").text().contains(query));
        Element write = alice.get("/analytics").html().selectFirst("#zero-results a.write-link");
        assertNotNull(write, "editors get a write link");
        assertEquals("/editor/new?question=" + enc(query), write.attr("href"));
        assertTrue(alice.get(write.attr("href")).html().selectFirst("#f-questions").wholeText().contains(query));
        assertNull(SiteBrowser.signedIn(base, ANN).get("/analytics").html().selectFirst("a.write-link"),
                "agents do not");
    }

    /** A way to reach the editor pages with a path that climbs out of the content or data folder. */
    private record Traversal(String method, String path, Map<String, String> form) {}

    /** No id, version or field climbs out of its folder: each is refused with an HTML page, nothing on disk moves. */
    @Test
    void pathsClimbingOutOfTheirFolderAreRefusedAndChangeNothing() throws Exception {
        SiteBrowser admin = SiteBrowser.signedIn(base, KotaeServer.ADMIN_TOKEN);
        String csrf = SiteBrowser.formCsrf(admin.get("/editor/new").html());
        Map<String, String> idForm = new LinkedHashMap<>(newArticle("../../x", "Climbing"));
        idForm.put("csrf", csrf);
        Map<String, String> published = Map.of("csrf", csrf, "published", "../x");
        List<Traversal> cases = new java.util.ArrayList<>(List.of(
                new Traversal("GET", "/editor/articles/..%2F..", null),
                new Traversal("GET", "/editor/articles/..%2F..%2Fpom.xml", null),
                new Traversal("GET", "/editor/articles/%2e%2e", null),
                new Traversal("GET", "/editor/articles/x/history/%2e%2e", null),
                new Traversal("GET", "/editor/articles/%2e%2e/history", null),
                new Traversal("GET", "/editor/articles/" + SAMPLE + "/history/..%2F..%2Fdrafts", null),
                new Traversal("GET", "/editor/new?translationOf=" + enc("../../" + SAMPLE), null),
                new Traversal("POST", "/editor/preview", idForm),
                new Traversal("POST", "/editor/articles/" + SAMPLE + "/history/abc123/restore", published),
                new Traversal("POST", "/editor/articles/..%2F..%2Fx/history/abc123/restore", Map.of("csrf", csrf)),
                new Traversal("POST", "/editor/articles/" + SAMPLE + "/history/..%2Fx/restore", Map.of("csrf", csrf))));
        for (String action : List.of("save", "review", "publish", "discard")) {
            Map<String, String> form = new LinkedHashMap<>(idForm);
            form.put("action", action);
            cases.add(new Traversal("POST", "/editor/articles", form));
        }
        Map<Path, String> before = disk();
        for (Traversal t : cases) {
            SiteBrowser.Page page = t.method().equals("GET") ? admin.get(t.path()) : admin.post(t.path(), t.form());
            String what = t.method() + " " + t.path() + (t.form() == null ? "" : " " + t.form());
            assertTrue(page.status() >= 400 && page.status() < 500, what + " → " + page.status());
            assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"),
                    what + " → " + page.headers().firstValue("content-type"));
            assertFalse(page.html().body().children().isEmpty(), what + " → " + page.body());
        }
        assertEquals(before, disk(), "nothing on disk changed");
    }

    /** What the editor writes (content, drafts, history, audit log) and the work folder's entries, as they are. */
    private Map<Path, String> disk() throws IOException {
        Map<Path, String> files = new java.util.TreeMap<>();
        for (Path root : List.of(server.content(), server.data().resolve("drafts"), server.data().resolve("history"),
                work)) {
            if (!Files.exists(root)) {
                continue;
            }
            boolean whole = root.startsWith(server.content()) || root.startsWith(server.data());
            try (Stream<Path> walk = whole ? Files.walk(root) : Files.list(root)) {
                for (Path path : walk.toList()) {
                    files.put(path, Files.isDirectory(path) ? "dir"
                            : Files.size(path) + " " + Files.getLastModifiedTime(path));
                }
            }
        }
        for (String name : List.of("audit.jsonl", "article-paths.json")) {
            Path file = server.data().resolve(name);
            files.put(file, Files.exists(file) ? Files.readString(file) : "none");
        }
        return files;
    }

    /**
     * A query whose results are rarely clicked gets the same write link as one that found nothing; one whose
     * results were clicked does not.
     */
    @Test
    void analyticsOffersEditorsToWriteAnArticleForAQueryWhoseResultsAreNotClicked() {
        String session = "editor-pages-low-clicks";
        String unclicked = "order status";
        String clicked = "order history";
        assertTrue(search(session, unclicked).size() > 0, "the unclicked query finds articles");
        JsonNode hits = search(session, clicked);
        KotaeServer.Reply click = server.send(server.request("/api/v1/events")
                .header("Content-Type", "application/json").header(Sessions.HEADER, session).POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"click\","
                        + "\"query\":\"" + clicked + "\",\"articleId\":\"" + hits.get(0).get("id").asText()
                        + "\",\"rank\":1}")), null);
        assertEquals(202, click.status(), click.body());

        SiteBrowser alice = SiteBrowser.signedIn(base, ALICE);
        await("both queries are in the click table").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    Element table = alice.get("/analytics").html().selectFirst("#clicks table");
                    return table != null && row(table, unclicked) != null && row(table, clicked) != null
                            && !row(table, clicked).select("td.num").get(1).text().equals("0");
                });
        Element table = alice.get("/analytics").html().selectFirst("#clicks table");
        Element write = row(table, unclicked).selectFirst("a.write-link");
        assertNotNull(write, "a query nobody clicked gets a write link: " + table.outerHtml());
        assertEquals("/editor/new?question=" + enc(unclicked), write.attr("href"));
        assertNull(row(table, clicked).selectFirst("a.write-link"), "a clicked one does not: " + table.outerHtml());
        assertNull(SiteBrowser.signedIn(base, ANN).get("/analytics").html().selectFirst("#clicks a.write-link"),
                "agents get no write link");
    }

    private JsonNode search(String session, String query) {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/search?locale=en&q=" + enc(query))
                .header(Sessions.HEADER, session), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("hits");
    }

    private static Element row(Element table, String query) {
        // The query is the first cell's long value, its full text in the title (a long one is shown cut).
        return table.select("tbody tr").stream()
                .filter(tr -> query.equals(tr.selectFirst("td .long-value").attr("title")))
                .findFirst().orElse(null);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** An English article in the category Testing, published directly by an admin: a test's fixture. */
    private PublishedArticle publishedByAdmin(String id, String title, String body) throws Exception {
        return server.app().editor().publishDirectly(new Caller("admin", Role.ADMIN), new EditableArticle(id, title,
                null, null, "en", "Testing", List.of(), List.of(), null, body), null, null);
    }

    /** Waits until an anonymous visitor's request for the article's page answers {@code status}. */
    private void awaitPublicStatus(String id, int status, String what) {
        SiteBrowser anonymous = new SiteBrowser(base);
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> anonymous.get("/articles/" + id).status() == status);
    }

    /** The named inputs of one form, as it would post them (buttons aside). */
    private static Map<String, String> inputsOf(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        return fields;
    }

    private static Map<String, String> formOf(SiteBrowser.Page page) {
        return formOf(page.html());
    }

    private static Map<String, String> formOf(Document page) {
        return SiteBrowser.formFields(page, "form.editor-form");
    }

    private static Map<String, String> newArticle(String id, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("new", "true");
        fields.put("id", id);
        fields.put("title", title);
        fields.put("type", "faq");
        fields.put("locale", "en");
        fields.put("body", "Some text.");
        fields.put("action", "save");
        return fields;
    }

    private static Path findFile(Path root, String name) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not under " + root));
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
