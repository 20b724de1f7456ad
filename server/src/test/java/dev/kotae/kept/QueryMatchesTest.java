package dev.kotae.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * A prefix query's matches are kept per segment on first use and shared by scopes of the same segments,
 * each applying its own live documents; single terms are not kept; a closed segment's sets are dropped.
 */
class QueryMatchesTest {

    private static final Query PREFIX = new ConstantScoreQuery(new PrefixQuery(new Term("key", "ab")));

    @Test
    void prefixMatchesAreKeptPerSegmentAndSharedByScopes() throws IOException {
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
                IndexSearcher everything = searcher(reader, kept);
                // A scope that does not see documents 0 and 4, over the same segment cores.
                IndexSearcher scope = searcher(new Scoped(reader, new int[] {0, 4}), kept);

                assertEquals("[0, 1, 3, 4]", matches(everything));
                assertEquals(0, kept.hits());
                assertTrue(kept.misses() >= 2, "each segment read once: " + kept.misses());
                long read = kept.misses();

                assertEquals("[1, 3]", matches(scope), "the scope's own live documents, from the kept sets");
                assertEquals("[0, 1, 3, 4]", matches(everything));
                assertEquals(read, kept.misses(), "nothing read again");
                assertTrue(kept.hits() >= 4, "hits: " + kept.hits());
                assertTrue(kept.bytes() > 0);

                long bytes = kept.bytes();
                everything.search(new ConstantScoreQuery(new TermQuery(new Term("key", "abc"))), 10);
                assertEquals(bytes, kept.bytes(), "a single term is not kept");
                withSets = kept.bytes();
            }
            // Lucene's cache keeps the query itself (its LRU of queries) until it is evicted; the sets go.
            assertTrue(kept.bytes() < withSets, "a closed segment's sets are dropped: " + kept.bytes() + " of " + withSets);
        }
    }

    private static IndexSearcher searcher(DirectoryReader reader, QueryMatches kept) {
        IndexSearcher searcher = new IndexSearcher(reader);
        kept.keepFor(searcher);
        return searcher;
    }

    private static String matches(IndexSearcher searcher) throws IOException {
        return Arrays.toString(Arrays.stream(searcher.search(PREFIX, 10).scoreDocs).mapToInt(hit -> hit.doc).sorted().toArray());
    }

    /** The reader without some documents, sharing its segments' cores, as a search scope does. */
    private static final class Scoped extends FilterDirectoryReader {

        Scoped(DirectoryReader in, int[] hidden) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                protected LeafReader[] wrap(List<? extends LeafReader> readers) {
                    LeafReader[] wrapped = new LeafReader[readers.size()];
                    int base = 0;
                    for (int i = 0; i < wrapped.length; i++) {
                        wrapped[i] = without(readers.get(i), base, hidden);
                        base += readers.get(i).maxDoc();
                    }
                    return wrapped;
                }

                @Override
                public LeafReader wrap(LeafReader reader) {
                    throw new UnsupportedOperationException("wrapped with the document bases above");
                }
            });
        }

        private static LeafReader without(LeafReader segment, int base, int[] hidden) {
            FixedBitSet live = new FixedBitSet(segment.maxDoc());
            live.set(0, segment.maxDoc());
            for (int doc : hidden) {
                if (doc >= base && doc < base + segment.maxDoc()) {
                    live.clear(doc - base);
                }
            }
            return new FilterLeafReader(segment) {
                @Override
                public Bits getLiveDocs() {
                    return live;
                }

                @Override
                public int numDocs() {
                    return live.cardinality();
                }

                @Override
                public CacheHelper getCoreCacheHelper() {
                    return in.getCoreCacheHelper();
                }

                @Override
                public CacheHelper getReaderCacheHelper() {
                    return null;
                }
            };
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
