package dev.kotae.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * Which of a scope's documents contain a term, kept for the life of one index version, so that counting
 * a search's matches is a union of kept sets instead of a walk through every matching term's postings.
 * Help-center queries draw on a small vocabulary («返金», «password»), so the same terms come back in
 * search after search. Each set is what Lucene's postings say for this version, read once; a new version
 * starts empty. Sets are sparse (sorted document numbers) or dense (a bit set), whichever is smaller,
 * and bounded by their heap size, with Caffeine keeping the terms asked for most when one-off terms
 * stream through. This is the idea of Lucene's query cache, which never caches single terms.
 */
public final class TermMatches {

    /** About the heap all sets of one version may take: a dense set is 12.5 KB at 100,000 articles. */
    static final long MAX_BYTES = 32L << 20;

    private record Key(IndexView.Scope scope, Term term) {}

    private final KeptPerVersion<Key, DocIdSet> sets;

    TermMatches(KeptPerVersion.Usage usage) {
        this.sets = new KeptPerVersion<>(usage, MAX_BYTES, DocIdSet::ramBytesUsed);
    }

    /** The documents of {@code scope} (of this version) that contain {@code term}, as view document numbers. */
    DocIdSet of(IndexView.Scope scope, Term term) throws IOException {
        return sets.get(new Key(scope, term), key -> read(scope.searcher().getIndexReader(), term));
    }

    /**
     * The live documents of {@code reader} with {@code term}, numbered as in the whole reader; the empty
     * set for an index with no documents at all, a normal state (a fresh install, the last article deleted)
     * that {@link DocIdSetBuilder} cannot size a set for.
     */
    static DocIdSet read(IndexReader reader, Term term) throws IOException {
        if (reader.maxDoc() == 0) {
            return DocIdSet.EMPTY;
        }
        DocIdSetBuilder builder = new DocIdSetBuilder(reader.maxDoc());
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetBuilder.BulkAdder adder = builder.grow(Math.toIntExact(postings.cost()));
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    adder.add(leaf.docBase + doc);
                }
            }
        }
        return builder.build();
    }
}
