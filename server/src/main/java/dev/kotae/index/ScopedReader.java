package dev.kotae.index;

import dev.kotae.kept.FilterMatches;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A view of an index version in which only the documents a filter matches are live. Searching it gives
 * the same scores as searching the whole index with the filter as a clause (term statistics are the
 * whole index's either way), but the filter is applied once per index version instead of being
 * intersected with every query: a search then runs as a pure disjunction, which Lucene scores in bulk.
 * This is how the audience's visibility and the locale are applied to searches (the technique
 * Elasticsearch uses for document-level security).
 */
final class ScopedReader extends FilterDirectoryReader {

    private final FixedBitSet documents;

    private ScopedReader(DirectoryReader in, SubReaderWrapper wrapper, FixedBitSet documents) throws IOException {
        super(in, wrapper);
        this.documents = documents;
    }

    /** The live documents of this scope, numbered as in the whole reader. Shared: callers must not change it. */
    FixedBitSet documents() {
        return documents;
    }

    /**
     * The documents of {@code searcher}'s reader that {@code filter} matches, as a reader of its own; what
     * the filter matches in each segment is taken from {@code kept} when another version read it.
     */
    static ScopedReader of(IndexSearcher searcher, Query filter, FilterMatches kept) throws IOException {
        DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
        FixedBitSet[] accepted = new FixedBitSet[reader.leaves().size()];
        FixedBitSet documents = new FixedBitSet(reader.maxDoc());
        for (LeafReaderContext leaf : reader.leaves()) {
            FixedBitSet matching = kept.of(leaf.reader(), filter, query -> matching(searcher, query, leaf));
            accepted[leaf.ord] = acceptedDocs(matching, leaf, documents);
        }
        return new ScopedReader(reader, new SubReaderWrapper() {
            private int next;

            @Override
            public LeafReader wrap(LeafReader leaf) {
                return new ScopedLeaf(leaf, accepted[next++]);
            }
        }, documents);
    }

    /** The leaf's documents {@code filter} matches, deleted ones included. */
    private static FixedBitSet matching(IndexSearcher searcher, Query filter, LeafReaderContext leaf)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(filter)),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            bits.or(scorer.iterator());
        }
        return bits;
    }

    /**
     * The leaf's live documents among {@code matching}, also set in {@code documents} by their number in
     * the whole reader.
     */
    private static FixedBitSet acceptedDocs(FixedBitSet matching, LeafReaderContext leaf, FixedBitSet documents)
            throws IOException {
        FixedBitSet bits = matching.clone();
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator docs = new BitSetIterator(matching, 0L);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live == null || live.get(doc)) {
                documents.set(leaf.docBase + doc);
            } else {
                bits.clear(doc);
            }
        }
        return bits;
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
        throw new UnsupportedOperationException("a scoped reader is built per index version, never reopened");
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null; // its live documents differ from the index's, so nothing may be cached under its key
    }

    @Override
    protected void doClose() {
        // The scope does not own the index version's reader; the searcher manager releases it.
    }

    private static final class ScopedLeaf extends FilterLeafReader {
        private final FixedBitSet live;
        private final int numDocs;

        ScopedLeaf(LeafReader in, FixedBitSet live) {
            super(in);
            this.live = live;
            this.numDocs = live.cardinality();
        }

        @Override
        public Bits getLiveDocs() {
            return live;
        }

        @Override
        public int numDocs() {
            return numDocs;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper(); // same segment data; live documents are applied on top
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
