package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suggestion card is the article's card plus each phrase's keys, read back across segments. */
class SuggestCardTest {

    @TempDir
    Path folder;

    @Test
    void readsBackWhatWasWrittenAcrossSegmentsAndSkipsDocumentsWithoutOne() throws Exception {
        SuggestKeys keys = new SuggestKeys();
        ArticleDocuments documents = new ArticleDocuments(keys);
        Article first = article("refund-timing", Visibility.PUBLIC, "返金の時期と方法", List.of("返金してほしい"));
        Article second = article("csv:faq.12", Visibility.INTERNAL, "Title", List.of());
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(documents.toDocument(first, "s1"));
            writer.commit(); // a second segment for the next documents
            writer.addDocument(new Document());
            writer.addDocument(documents.toDocument(second, "s2"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(2, reader.leaves().size());
                assertEquals(new SuggestCard("refund-timing", "public", "返金の時期と方法", List.of("返金してほしい"),
                        List.of(joined(keys, "返金の時期と方法"), joined(keys, "返金してほしい"))), SuggestCard.read(reader, 0));
                assertNull(SuggestCard.read(reader, 1));
                assertEquals(new SuggestCard("csv:faq.12", "internal", "Title", List.of(), List.of(joined(keys, "Title"))),
                        SuggestCard.read(reader, 2));
            }
        }
    }

    private static Article article(String id, Visibility visibility, String title, List<String> questions) {
        return new Article(id, title, ArticleType.FAQ, visibility, "ja", "", List.of(), questions,
                LocalDate.of(2026, 11, 1), "test:" + id, "", "");
    }

    /** A phrase's keys as the card keeps them: start keys, then infix keys, each ended by the separator. */
    private static String joined(SuggestKeys keys, String phrase) {
        SuggestKeys.Keys of = keys.keysOf(phrase);
        StringBuilder all = new StringBuilder();
        of.start().forEach(key -> all.append(key).append(IndexFields.SUGGEST_KEY_SEPARATOR));
        of.infix().forEach(key -> all.append(key).append(IndexFields.SUGGEST_KEY_SEPARATOR));
        return all.toString();
    }
}
