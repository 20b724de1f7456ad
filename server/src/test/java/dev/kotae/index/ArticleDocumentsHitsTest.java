package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search hits are read in document order with one reader per field and segment, and must come back in
 * the order asked (rank order), each the article that document holds, as reading it alone gives.
 */
class ArticleDocumentsHitsTest {

    @TempDir
    Path folder;

    @Test
    void hitsComeBackInTheOrderAskedAcrossSegments() throws Exception {
        ArticleDocuments documents = new ArticleDocuments(new SuggestKeys());
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 4; i++) {
                    int n = segment * 4 + i;
                    // Bodies of different lengths: a value left over from the document before would show.
                    writer.addDocument(documents.toDocument(article("a" + n, "body " + n + " " + "x".repeat(n * 300)), "s"));
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(3, reader.leaves().size());
                int[] rankOrder = {9, 2, 11, 0, 5, 4, 10, 1};

                Article[] hits = ArticleDocuments.hits(reader, rankOrder, new HitArticles());

                assertEquals(rankOrder.length, hits.length);
                for (int i = 0; i < rankOrder.length; i++) {
                    Article alone = ArticleDocuments.read(reader, rankOrder[i]);
                    assertEquals("a" + rankOrder[i], hits[i].id());
                    assertEquals(alone.title(), hits[i].title());
                    assertEquals(alone.text(), hits[i].text());
                    assertEquals("", hits[i].html(), "hits carry no rendered page");
                }
            }
        }
    }

    /**
     * Hits read again come from the kept articles, the same as reading them; after an edit adds a
     * segment, only that segment's hits are read, and a replaced article is never served from before.
     */
    @Test
    void hitsReadAgainAreKeptPerSegment() throws Exception {
        ArticleDocuments documents = new ArticleDocuments(new SuggestKeys());
        HitArticles kept = new HitArticles();
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int n = 0; n < 4; n++) {
                writer.addDocument(documents.toDocument(article("a" + n, "first body " + n), "s"));
            }
            writer.commit();
            int[] all = {3, 0, 2, 1};
            DirectoryReader reader = DirectoryReader.open(dir);
            try {
                Article[] first = ArticleDocuments.hits(reader, all, kept);
                Article[] again = ArticleDocuments.hits(reader, all, kept);
                assertEquals(4, kept.usage().misses());
                assertEquals(4, kept.usage().hits());
                for (int i = 0; i < all.length; i++) {
                    assertSame(first[i], again[i], "kept, not read again");
                    Article alone = ArticleDocuments.read(reader, all[i]);
                    assertEquals(alone.id(), again[i].id());
                    assertEquals(alone.text(), again[i].text());
                }
                writer.updateDocument(new Term(IndexFields.ID, "a1"),
                        documents.toDocument(article("a1", "second body"), "s2"));
                writer.commit();
                // The next version shares the first segment's core, as the server's reopened versions do.
                DirectoryReader next = DirectoryReader.openIfChanged(reader);
                reader.close();
                reader = next;
                assertEquals(2, reader.leaves().size());
                int replaced = reader.leaves().get(1).docBase;
                Article[] afterEdit = ArticleDocuments.hits(reader, new int[] {replaced, 0, 2, 3}, kept);
                assertEquals(5, kept.usage().misses(), "only the new segment's article is read");
                assertEquals("a1", afterEdit[0].id());
                assertEquals("second body", afterEdit[0].text());
                assertEquals("first body 0", afterEdit[1].text());
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void aDocumentWithoutACardIsReportedAsDamage() throws Exception {
        ArticleDocuments documents = new ArticleDocuments(new SuggestKeys());
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(documents.toDocument(article("a0", "body"), "s"));
            writer.addDocument(new Document());
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IOException damaged = assertThrows(IOException.class, () -> ArticleDocuments.hits(reader, new int[] {0, 1}, new HitArticles()));
                assertEquals("document 1 has no article card: the index is damaged", damaged.getMessage());
            }
        }
    }

    private static Article article(String id, String body) {
        return new Article(id, "Title of " + id, ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of("t"), List.of(),
                LocalDate.of(2026, 11, 1), "test:" + id, "<p>" + body + "</p>", body);
    }
}
