package dev.kotae.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A prefix's matches are kept per segment on first use and then read from there; a compound filter is
 * not kept on its first use, a single term never; a closed segment's sets are dropped. (That scopes of one
 * segment share them, each with its own live documents, is {@code ScopedSearchTest}'s.)
 */
class QueryMatchesTest {

    private static final Query PREFIX = new ConstantScoreQuery(new PrefixQuery(new Term("key", "ab")));

    @Test
    void prefixMatchesAreKeptPerSegmentOnFirstUse() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            String[] keys = {"abc", "abd", "xyz", "abe", "abf", "zzz"};
            for (int doc = 0; doc < keys.length; doc++) {
                Document document = new Document();
                document.add(new StringField("key", keys[doc], Field.Store.NO));
                writer.addDocument(document);
                if (doc == 2) {
                    writer.commit(); // two segments
                }
            }
            writer.commit();
            QueryMatches kept = new QueryMatches();
            long withSets;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(2, reader.leaves().size());
                IndexSearcher searcher = new IndexSearcher(reader);
                kept.keepFor(searcher);

                assertEquals("[0, 1, 3, 4]", matches(searcher, PREFIX));
                assertEquals(0, kept.hits());
                long bytes = kept.bytes();
                assertTrue(bytes > 0, "kept on its first use");
                long misses = kept.misses();

                assertEquals("[0, 1, 3, 4]", matches(searcher, PREFIX));
                assertEquals(misses, kept.misses(), "nothing read again");
                assertEquals(2, kept.hits(), "one kept set a segment");

                BooleanQuery either = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("key", "xyz")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("key", "zzz")), BooleanClause.Occur.SHOULD).build();
                assertEquals("[2, 5]", matches(searcher, new ConstantScoreQuery(either)));
                assertEquals(bytes, kept.bytes(), "a compound filter is not kept on its first use");
                assertEquals("[0]", matches(searcher, new ConstantScoreQuery(new TermQuery(new Term("key", "abc")))));
                assertEquals(bytes, kept.bytes(), "a single term is not kept");
                withSets = kept.bytes();
            }
            // Lucene's cache keeps the query itself (its list of recent queries) until it is evicted; the sets go.
            assertTrue(kept.bytes() < withSets, "a closed segment's sets are dropped: " + kept.bytes() + " of " + withSets);
        }
    }

    private static String matches(IndexSearcher searcher, Query query) throws IOException {
        return Arrays.toString(Arrays.stream(searcher.search(query, 10).scoreDocs).mapToInt(hit -> hit.doc).sorted().toArray());
    }
}
