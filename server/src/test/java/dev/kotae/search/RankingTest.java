package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexFields;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking rules of issue 5, each on a help center small enough to see why an article should win. */
class RankingTest {

    @TempDir
    static Path folder;

    private static Analysis analysis;
    private static SuggestKeys keys;
    private static ArticleIndex index;
    private static SearchService search;
    private static SuggestService suggest;

    @BeforeAll
    static void indexHelpCenter() throws IOException {
        Path content = folder.resolve("content");
        article(content, "ja", "delivery", "お届けについて", "配送には3日ほどかかります。");
        article(content, "ja", "contact", "問い合わせ先を教えてください",
                "ご不明な点は、お問い合わせフォームから教えてください。");
        article(content, "ja", "garbage", "ゴミの出し方", "燃えるゴミは月曜日と木曜日の朝8時までにお願いします。");
        article(content, "ja", "documents", "書類の出し方", "書類は窓口に出してください。郵送でも出せます。");
        article(content, "en", "photo-backup", "Photo backup",
                "Turn on backup in Settings and every photo is copied to your account.");
        article(content, "en", "photo-size", "Photo size", "Photos of at most 50 MB can be sent; bigger photos are resized.");
        article(content, "en", "export-a", "How do I export my data?", "Use Settings, then Export.");
        article(content, "en", "export-b", "How do I export my data?", "Ask support for a full export.");
        article(content, "en", "export-invoices", "How do I export invoices?", "Open Billing and choose Export.");

        analysis = new Analysis();
        keys = new SuggestKeys();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(keys), "test");
        new ContentSync(new ContentFolder(content), new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"),
                index).syncAll();
        Locales locales = new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en"));
        search = new SearchService(index, analysis, locales);
        suggest = new SuggestService(index, keys, search, locales);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        keys.close();
        analysis.close();
    }

    @Test
    void questionPhrasingCountsLessThanTheSubject() throws IOException {
        // The contact FAQ says 「教えてください」 twice; the query is about delivery.
        assertEquals("delivery", top("配送について教えてください"));
    }

    @Test
    void hiraganaAndKatakanaSpellingsOfOneWordMatch() throws IOException {
        // Both FAQs are about 「出し方」; only the spelling of 「ごみ」 tells them apart.
        assertEquals("garbage", top("ごみの出し方"));
    }

    @Test
    void twoWordsWrittenApartMatchTheirCompound() throws IOException {
        // Without "backup", the photo-size FAQ (photo in its title) would match the query better.
        assertEquals("photo-backup", top("how to back up a photo"));
    }

    @Test
    void aQuestionSharedByArticlesIsSuggestedOnce() throws IOException {
        List<String> texts = suggest.suggest("how do i exp", null, 5, Audience.PUBLIC).suggestions().stream()
                .map(SuggestService.Suggestion::text).toList();
        assertEquals(1, texts.stream().filter("How do I export my data?"::equals).count(), texts.toString());
        assertTrue(texts.contains("How do I export invoices?"), texts.toString());
    }

    /** Suggesting compiles each prefix's automaton once: the same input again uses the kept queries. */
    @Test
    void aPrefixTypedAgainUsesItsKeptQuery() throws IOException {
        List<SuggestService.Suggestion> first = suggest.suggest("how do i exp", null, 5, Audience.PUBLIC).suggestions();
        PrefixQuery kept = suggest.prefix(IndexFields.SUGGEST_START, "exp");

        assertSame(kept, suggest.prefix(IndexFields.SUGGEST_START, "exp"));
        assertEquals(new PrefixQuery(new Term(IndexFields.SUGGEST_START, "exp")), kept);
        assertEquals(first, suggest.suggest("how do i exp", null, 5, Audience.PUBLIC).suggestions());
    }

    private static String top(String query) throws IOException {
        List<SearchResult.Hit> hits = search.search(new SearchRequest(query, null, null, null, null, 1, 5, Audience.PUBLIC))
                .hits();
        return hits.isEmpty() ? null : hits.get(0).id();
    }

    private static void article(Path content, String locale, String id, String title, String body) throws IOException {
        Path dir = Files.createDirectories(content.resolve(locale));
        Files.writeString(dir.resolve(id + ".md"),
                "---\nid: " + id + "\ntitle: \"" + title + "\"\nlocale: " + locale + "\ntype: faq\nupdated: 2026-01-01\n---\n"
                        + body + "\n");
    }
}
