package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
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
 * Suggestion cards read again come from the kept ones, the same as reading them; a document without
 * suggestion keys stays without a card; after an edit adds a segment only its cards are read, and a
 * replaced article's card is never served from before.
 */
class SuggestCardsTest {

    @TempDir
    Path folder;

    @Test
    void cardsReadAgainAreKeptPerSegment() throws Exception {
        ArticleDocuments documents = new ArticleDocuments(new SuggestKeys());
        SuggestCards kept = new SuggestCards();
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int n = 0; n < 3; n++) {
                writer.addDocument(documents.toDocument(article("a" + n, "First title " + n), "s"));
            }
            writer.addDocument(new Document()); // no suggestion keys
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(dir);
            try {
                SuggestCard[] first = new SuggestCard[3];
                for (int doc = 0; doc < 3; doc++) {
                    first[doc] = kept.of(reader, doc);
                }
                assertNull(kept.of(reader, 3));
                assertNull(kept.of(reader, 3), "kept as no card");
                assertEquals(4, kept.usage().misses());
                for (int doc = 0; doc < 3; doc++) {
                    assertSame(first[doc], kept.of(reader, doc), "kept, not read again");
                    assertEquals(SuggestCard.read(reader, doc), first[doc]);
                }
                assertEquals(4, kept.usage().hits());

                writer.updateDocument(new Term(IndexFields.ID, "a1"), documents.toDocument(article("a1", "Second title"), "s2"));
                writer.commit();
                // The next version shares the first segment's core, as the server's reopened versions do.
                DirectoryReader next = DirectoryReader.openIfChanged(reader);
                reader.close();
                reader = next;
                assertEquals(2, reader.leaves().size());
                int replaced = reader.leaves().get(1).docBase;
                assertEquals("Second title", kept.of(reader, replaced).title());
                assertEquals(5, kept.usage().misses(), "only the new segment's card is read");
                assertEquals("First title 0", kept.of(reader, 0).title());
                assertEquals(5, kept.usage().misses());
            } finally {
                reader.close();
            }
        }
    }

    private static Article article(String id, String title) {
        return new Article(id, title, ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of("t"), List.of("How do I " + id + "?"),
                LocalDate.of(2026, 11, 1), "test:" + id, "<p>body</p>", "body");
    }
}
