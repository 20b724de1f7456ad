package dev.kotae.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;
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

    /** How the kept sets of all versions are used, for {@code /metrics}; one per index. */
    public static final class Usage {
        private final LongAdder hits = new LongAdder();
        private final LongAdder misses = new LongAdder();
        // Weak: the sets hold their version's readers, which must not outlive it for a figure in /metrics.
        private volatile WeakReference<TermMatches> newest = new WeakReference<>(null);

        /** Term sets read from the kept ones. */
        public long hits() {
            return hits.sum();
        }

        /** Term sets read from the index because none was kept. */
        public long misses() {
            return misses.sum();
        }

        /** About the heap the kept sets of the newest searched version take. */
        public long bytes() {
            TermMatches known = newest.get();
            return known == null ? 0 : known.sets.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }
    }

    /** About the heap all sets of one version may take: a dense set is 12.5 KB at 100,000 articles. */
    static final long MAX_BYTES = 32L << 20;

    private record Key(IndexView.Scope scope, Term term) {}

    private final Usage usage;
    private final Cache<Key, DocIdSet> sets = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, DocIdSet set) -> (int) Math.min(Integer.MAX_VALUE, set.ramBytesUsed()))
            .executor(Runnable::run) // evict on the searching thread: no pool for an index version
            .build();

    TermMatches(Usage usage) {
        this.usage = usage;
        usage.newest = new WeakReference<>(this);
    }

    /** The documents of {@code scope} (of this version) that contain {@code term}, as view document numbers. */
    DocIdSet of(IndexView.Scope scope, Term term) throws IOException {
        Key key = new Key(scope, term);
        DocIdSet known = sets.getIfPresent(key);
        if (known != null) {
            usage.hits.increment();
        } else {
            usage.misses.increment();
            // Not computed under the cache's lock: two searches for a new term read it twice rather than wait.
            known = read(scope.searcher().getIndexReader(), term);
            sets.put(key, known);
        }
        return known;
    }

    /** The live documents of {@code reader} with {@code term}, numbered as in the whole reader. */
    static DocIdSet read(IndexReader reader, Term term) throws IOException {
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
