package dev.kotae.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A reader's closing drops exactly its own values, also those evicted and read again meanwhile; the bound
 * by weight holds however small the values.
 */
class KeptTest {

    @Test
    void aClosedReaderTakesItsValuesAndOnlyThose() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            DirectoryReader first = DirectoryReader.open(writer);
            writer.addDocument(new Document());
            DirectoryReader second = DirectoryReader.openIfChanged(first, writer);
            Kept<String, String> kept = Kept.bySize(100);
            kept.get(helper(first), "x", key -> "first x");
            kept.get(helper(first), "y", key -> "first y");
            kept.get(helper(second), "x", key -> "second x");

            first.close();
            assertEquals(1, kept.size(), "the closed version's values are dropped");
            assertEquals("second x", kept.get(helper(second), "x", key -> "read again"), "the open version's is kept");
            second.close();
            assertEquals(0, kept.size());
        }
    }

    @Test
    void valuesEvictedAndReadAgainAreStillDroppedOnClose() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            DirectoryReader reader = DirectoryReader.open(writer);
            Kept<String, String> kept = Kept.bySize(1);
            for (int round = 0; round < 5; round++) {
                for (String key : new String[] {"x", "y", "z"}) {
                    kept.get(helper(reader), key, k -> k + " read");
                }
            }
            reader.close();
            assertEquals(0, kept.size(), "closed readers keep nothing");
        }
    }

    @Test
    void emptyValuesCountAgainstTheBoundToo() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(new Document());
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                long bound = 100 * Kept.ENTRY_BYTES;
                Kept<String, String> kept = Kept.byWeight(bound, (key, value) -> value.length());
                for (int i = 0; i < 10_000; i++) { // a term no article has: an empty value, every time a new one
                    kept.get(helper(reader), "nowhere" + i, key -> "");
                }
                assertTrue(kept.size() <= 100, kept.size() + " empty values kept within room for 100");
                assertTrue(kept.bytes() <= bound, kept.bytes() + " bytes");
            }
        }
    }

    private static IndexReader.CacheHelper helper(IndexReader reader) {
        return reader.getReaderCacheHelper();
    }
}
