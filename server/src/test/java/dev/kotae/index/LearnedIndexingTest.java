package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.learning.Learned;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing what was learned writes again only the articles whose phrasings changed, keeps their content
 * and stamps, survives an edit of the article, and ignores an older version.
 */
class LearnedIndexingTest {

    @TempDir
    Path folder;

    private Analysis analysis;
    private ArticleIndex index;
    private LearnedIndexing sink;

    @BeforeEach
    void open() throws IOException {
        analysis = new Analysis();
        reopen();
        index.change(changes -> {
            for (String id : List.of("a", "b", "c")) {
                changes.upsert(article(id, "About " + id), "stamp-" + id);
            }
            return null;
        });
    }

    /** Opens the index as a server starting does: nothing learned in use yet. */
    private void reopen() throws IOException {
        LearnedPhrasings phrasings = new LearnedPhrasings(analysis);
        index = ArticleIndex.open(folder.resolve("index"), analysis,
                new ArticleDocuments(new SuggestKeys(), phrasings), "test");
        sink = new LearnedIndexing(index, phrasings);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        analysis.close();
    }

    private static Article article(String id, String title) {
        return new Article(id, title, ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of(), List.of("a question"),
                LocalDate.of(2026, 12, 1), "test:" + id, "<p>body of " + id + "</p>", "body of " + id);
    }

    private int count(String field, String term) throws IOException {
        IndexView view = index.acquire();
        try {
            return view.count(new TermQuery(new Term(field, term)));
        } finally {
            index.release(view);
        }
    }

    private static Learned learned(long version, String article, Learned.Phrasing... phrasings) {
        return new Learned(version, Map.of(article, List.of(phrasings)));
    }

    @Test
    void onlyTheArticlesWhosePhrasingsChangedAreWrittenAgain() throws IOException {
        sink.publish(learned(1, "b", new Learned.Phrasing("zorblax refund", 0.9, true)));
        assertEquals(1, sink.articlesWritten(), "b alone was written again");
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"));
        assertEquals(1, count(IndexFields.prior(LanguageFamily.EN), "zorblax"));
        assertEquals(Map.of("a", new ArticleIndex.Entry("test:a", "stamp-a"), "b",
                new ArticleIndex.Entry("test:b", "stamp-b"), "c", new ArticleIndex.Entry("test:c", "stamp-c")),
                index.entries(), "sources and stamps kept, so the content sync reads nothing again");
        assertEquals(1, count(IndexFields.title(LanguageFamily.EN), "b"), "b's content kept");

        long versions = index.versionsPublished();
        sink.publish(learned(2, "b", new Learned.Phrasing("zorblax refund", 0.9, true)));
        assertEquals(versions, index.versionsPublished(), "the same phrasings: no new index version");
        assertEquals(1, sink.articlesWritten());
        sink.publish(new Learned(3, Map.of("b", List.of(new Learned.Phrasing("zorblax refund", 0.9, true)),
                "c", List.of(new Learned.Phrasing("quux", 0.5, false)))));
        assertEquals(2, sink.articlesWritten(), "then c alone");
    }

    @Test
    void anArticleWhoseVisibilityChangedCarriesNothingItLearnedBefore() throws IOException {
        // Learned while public, from anonymous searches; then made internal by an edit (and back).
        sink.publish(learned(1, "a", new Learned.Phrasing("zorblax", 1, true)));
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"));
        Article internal = new Article("a", "About a", ArticleType.FAQ, Visibility.INTERNAL, "en", "c", List.of(),
                List.of("a question"), LocalDate.of(2026, 12, 1), "test:a", "<p>body of a</p>", "body of a");
        index.change(changes -> {
            changes.upsert(internal, "stamp-a2");
            return null;
        });
        assertEquals(0, count(IndexFields.learned(LanguageFamily.EN), "zorblax"), "not in its new audience");
        assertEquals(0, count(IndexFields.prior(LanguageFamily.EN), "zorblax"));
        index.change(changes -> {
            changes.upsert(article("a", "About a"), "stamp-a3");
            return null;
        });
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"), "public again: learned for it");
    }

    @Test
    void anAssociationOnlyPhrasingIsInThePriorAndNotALearnedQuestion() throws IOException {
        sink.publish(learned(1, "a", new Learned.Phrasing("zorblax", 0.4, false)));
        assertEquals(0, count(IndexFields.learned(LanguageFamily.EN), "zorblax"));
        assertEquals(1, count(IndexFields.prior(LanguageFamily.EN), "zorblax"));
    }

    @Test
    void anEditedArticleKeepsWhatWasLearnedOfItAndAnOlderVersionIsIgnored() throws IOException {
        sink.publish(learned(5, "a", new Learned.Phrasing("zorblax", 1, true)));
        index.change(changes -> {
            changes.upsert(article("a", "About a, edited"), "stamp-a2");
            return null;
        });
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"), "kept through the edit");

        sink.publish(new Learned(4, Map.of()));
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"), "version 4 came too late");
        sink.publish(new Learned(6, Map.of()));
        assertEquals(0, count(IndexFields.learned(LanguageFamily.EN), "zorblax"), "version 6 dropped it");
        assertEquals(0, count(IndexFields.prior(LanguageFamily.EN), "zorblax"));
    }

    @Test
    void afterARestartTheFirstPublishDropsWhatTheIndexStillHeld() throws IOException {
        sink.publish(learned(3, "a", new Learned.Phrasing("zorblax", 1, true)));
        sink.publish(learned(4, "c", new Learned.Phrasing("quux", 1, false)));
        index.close();
        reopen();
        assertEquals(1, count(IndexFields.prior(LanguageFamily.EN), "quux"), "kept on disk");
        sink.publish(learned(1, "a", new Learned.Phrasing("zorblax", 1, true)));
        assertEquals(0, count(IndexFields.prior(LanguageFamily.EN), "quux"), "c learned nothing since");
        assertEquals(1, count(IndexFields.learned(LanguageFamily.EN), "zorblax"));
    }
}
