package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexView;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snippets read each query term's postings once per request and move them from hit to hit. This checks
 * the result against Lucene's own strategy (a fresh lookup per hit and term) over several segments,
 * with hits in score order (not document order) and terms missing from some hits.
 */
class SnippetsTest {

    @TempDir
    static Path folder;

    private static ArticleIndex index;
    private static Analysis analysis;

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        Path content = folder.resolve("content");
        analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        ContentSync sync = new ContentSync(new ContentFolder(content),
                new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"), index);
        String[] jaWords = {"返金", "配送", "注文", "会員", "パスワード"};
        String[] enWords = {"refund", "delivery", "order", "member", "password"};
        for (int batch = 0; batch < 4; batch++) {
            for (int i = 0; i < 8; i++) {
                int n = batch * 8 + i;
                String ja = jaWords[n % 5] + "について。" + jaWords[(n + 1) % 5] + "は" + (n % 7) + "日以内です。"
                        + "詳しくはヘルプを見てください。".repeat(n % 3 + 1) + jaWords[(n * 3) % 5] + "の手続き。";
                String en = "About " + enWords[n % 5] + ". A " + enWords[(n + 1) % 5] + " takes " + (n % 7)
                        + " days. " + "See the help pages. ".repeat(n % 3 + 1) + "Then " + enWords[(n * 3) % 5] + ".";
                write(content, "ja", "ja-" + n, ja);
                write(content, "en", "en-" + n, en);
            }
            sync.syncAll(); // one publish per batch, so the index has a segment per batch
        }
        String filler = "Nothing to see in this sentence. ".repeat(Snippets.HIGHLIGHTED_CHARS / 30);
        write(content, "en", "long-manual", "The lighthouse opens at dawn. " + filler + "The harbour closes at dusk.");
        sync.syncAll();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static void write(Path content, String locale, String id, String body) throws IOException {
        Path file = content.resolve(locale).resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: " + id + "\ntitle: " + id + "\n---\n" + body + "\n");
    }

    @ParameterizedTest
    @CsvSource({"返金, ja", "返金 配送, ja", "パスワードの注文, ja", "refund, en", "refund delivery password, en",
        "member orders, en", "返金 refund, ja"})
    void sameSnippetsAsLuceneOwnStrategy(String text, String locale) throws IOException {
        IndexView view = index.acquire();
        try {
            TextQueries.TermQueries plain = EveryMatchScored.plainTermQueries(view);
            TextQuery textQuery = new TextQueries(analysis).build(text, Locales.families(locale), plain);
            Query query = textQuery.ranking(plain);
            assertTrue(view.getIndexReader().leaves().size() > 1, "the index has several segments");
            int[] docIds = Arrays.stream(view.search(query, 10).scoreDocs).mapToInt(hit -> hit.doc).toArray();
            assertTrue(docIds.length > 3, "the query finds several articles");
            Article[] articles = view.hits(docIds);

            String[] shared = new Snippets(analysis).snippets(view, textQuery.bodyTerms(), docIds, articles);
            String[] reference = new Snippets(analysis, false).snippets(view, textQuery.bodyTerms(), docIds, articles);

            assertArrayEquals(reference, shared);
            assertTrue(Arrays.stream(shared).allMatch(snippet -> snippet.contains("<mark>")),
                    "every hit's snippet marks a match: " + Arrays.toString(shared));
        } finally {
            index.release(view);
        }
    }

    @ParameterizedTest
    @CsvSource({"lighthouse, true", "harbour, false"})
    void aVeryLongBodyIsHighlightedInItsOpeningOnly(String word, boolean marked) throws IOException {
        IndexView view = index.acquire();
        try {
            TextQueries.TermQueries plain = EveryMatchScored.plainTermQueries(view);
            TextQuery textQuery = new TextQueries(analysis).build(word, Locales.families("en"), plain);
            int[] docIds = Arrays.stream(view.search(textQuery.ranking(plain), 10).scoreDocs)
                    .mapToInt(hit -> hit.doc).toArray();
            assertEquals(1, docIds.length, "the whole body is searched, however long");

            String snippet = new Snippets(analysis).snippets(view, textQuery.bodyTerms(), docIds, view.hits(docIds))[0];

            assertEquals(marked, snippet.contains("<mark>" + word + "</mark>"), snippet);
            assertTrue(snippet.replaceAll("</?mark>", "").startsWith("The lighthouse opens at dawn."),
                    "the body's opening: " + snippet);
        } finally {
            index.release(view);
        }
    }
}
