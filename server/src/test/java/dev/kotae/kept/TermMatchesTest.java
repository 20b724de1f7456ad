package dev.kotae.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Term sets are kept per segment, so an edit reads only the new segment, and dropped with their reader. */
class TermMatchesTest {

    private static final Term REFUND = new Term("word", "refund");

    @Test
    void anEditReadsOnlyItsNewSegmentAndDeletionsStillCount() throws IOException {
        TermMatches matches = new TermMatches();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 10; i++) {
                writer.addDocument(document("a" + i, i % 2 == 0 ? "refund" : "password"));
            }
            DirectoryReader first = DirectoryReader.open(writer);
            assertEquals(List.of(0, 2, 4, 6, 8), docs(matches.of(first, first, REFUND)));
            assertEquals(1, matches.perSegment.misses());

            writer.deleteDocuments(new Term("id", "a4"));
            writer.addDocument(document("b0", "refund"));
            DirectoryReader second = DirectoryReader.openIfChanged(first, writer);
            assertEquals(List.of(0, 2, 6, 8, 10), docs(matches.of(second, second, REFUND)),
                    "the deleted article is left out, the new one is in");
            assertEquals(2, matches.perSegment.misses(), "only the new segment was read");
            assertEquals(1, matches.perSegment.hits(), "the old segment's set was kept across the edit");
            assertEquals(List.of(0, 2, 4, 6, 8), docs(matches.of(first, first, REFUND)),
                    "the version before still answers as it did");

            first.close();
            assertEquals(1, matches.perScope.size(), "the closed version's set is dropped");
            second.close();
            writer.close(); // the writer pools the segments' readers: their cores close with it
            assertEquals(0, matches.perScope.size() + matches.perSegment.size(), "closed readers keep nothing");
        }
    }

    private static Document document(String id, String word) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.NO));
        document.add(new StringField("word", word, Field.Store.NO));
        return document;
    }

    private static List<Integer> docs(DocIdSet set) throws IOException {
        List<Integer> docs = new ArrayList<>();
        DocIdSetIterator iterator = set.iterator();
        for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
            docs.add(doc);
        }
        return docs;
    }
}
