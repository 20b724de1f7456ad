package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCardTest {

    @TempDir
    Path folder;

    @Test
    void readsBackWhatWasWrittenAcrossSegmentsAndSkipsDocumentsWithoutOne() throws Exception {
        SuggestCard first = new SuggestCard("refund-timing", "public", "返金の時期と方法", List.of("返金してほしい", ""),
                List.of("へんきん\nヘンキン\n", "", "x"));
        SuggestCard second = new SuggestCard("csv:faq.12", "internal", "Title", List.of(), List.of("title\n"));
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(card(first));
            writer.commit(); // a second segment for the next documents
            writer.addDocument(new Document());
            writer.addDocument(card(second));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(2, reader.leaves().size());
                assertEquals(first, SuggestCard.read(reader, 0));
                assertNull(SuggestCard.read(reader, 1));
                assertEquals(second, SuggestCard.read(reader, 2));
            }
        }
    }

    private static Document card(SuggestCard card) {
        Document doc = new Document();
        doc.add(new BinaryDocValuesField(IndexFields.SUGGEST_CARD, card.encode()));
        return doc;
    }
}
