package dev.kotae.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a bulk change the index is merged into one segment in the background; after small changes it is not. */
class ArticleIndexMergeTest {

    @TempDir
    Path folder;

    @Test
    void aBulkChangeEndsInOneSegmentWithEveryArticle() throws Exception {
        try (ArticleIndex index = open()) {
            int batch = ArticleIndex.MERGE_AFTER_CHANGES / 5;
            for (int n = 0; n < 5; n++) {
                addArticles(index, n * batch, batch);
                if (n > 0 && n < 4) {
                    // Small changes may be merged with each other (EditSegmentsMergePolicy), never into the
                    // first segment before the bulk change's 1,000 changes.
                    assertTrue(segments(index) >= 2, "a small change is not merged into the large segment");
                }
            }
            await("merged into one segment after 1,000 changes").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).until(() -> segments(index), count -> count == 1);
            assertEquals(ArticleIndex.MERGE_AFTER_CHANGES, index.size());
            IndexView view = index.acquire();
            try {
                assertEquals("Article 999", ArticleDocuments.summary(view.getIndexReader(),
                        view.search(new org.apache.lucene.search.TermQuery(
                                new org.apache.lucene.index.Term(IndexFields.ID, "a999")), 1).scoreDocs[0].doc).title());
            } finally {
                index.release(view);
            }
        }
    }

    @Test
    void editsAfterABulkChangeAreMergedWithEachOtherNotWithTheLargeSegment() throws Exception {
        try (ArticleIndex index = open()) {
            addArticles(index, 0, ArticleIndex.MERGE_AFTER_CHANGES);
            await("merged into one segment after 1,000 changes").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).until(() -> segments(index), count -> count == 1);
            for (int edit = 0; edit < 6; edit++) {
                addArticles(index, edit, 1); // one article changed, published: a segment of its own
            }
        } // closing waits for the merges the edits asked for, and commits them
        try (Directory directory = FSDirectory.open(folder.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            // The index's own merge policy (EditSegmentsMergePolicy) merges the edits' segments as they come,
            // in the background: one merge of them all if each ended before the next edit, at most three
            // (each of two segments or more) if they overlapped. Lucene's tiered policy alone leaves the six.
            int segments = reader.leaves().size();
            assertTrue(segments >= 2 && segments <= 4, "the large segment and one to three with the edits: " + segments);
            assertEquals(ArticleIndex.MERGE_AFTER_CHANGES, reader.numDocs());
        }
    }

    @Test
    void closingRightAfterABulkChangeKeepsEverything() throws Exception {
        try (ArticleIndex index = open()) {
            addArticles(index, 0, ArticleIndex.MERGE_AFTER_CHANGES);
        }
        try (ArticleIndex reopened = open()) {
            assertEquals(ArticleIndex.MERGE_AFTER_CHANGES, reopened.size());
            assertTrue(segments(reopened) >= 1);
        }
    }

    private ArticleIndex open() throws IOException {
        return ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()), "test");
    }

    /** Adds the articles in one change, published when it returns. */
    private static void addArticles(ArticleIndex index, int from, int count) throws IOException {
        index.change(changes -> {
            for (int i = from; i < from + count; i++) {
                changes.upsert(new Article("a" + i, "Article " + i, ArticleType.FAQ, Visibility.PUBLIC, "en",
                        "c" + (i % 7), List.of("t" + (i % 11)), List.of(), LocalDate.of(2026, 11, 1), "test:" + i,
                        "<p>Body " + i + "</p>", "Body " + i + " about refunds"), "stamp");
            }
            return null;
        });
    }

    private static int segments(ArticleIndex index) throws IOException {
        IndexView view = index.acquire();
        try {
            return view.getIndexReader().leaves().size();
        } finally {
            index.release(view);
        }
    }
}
