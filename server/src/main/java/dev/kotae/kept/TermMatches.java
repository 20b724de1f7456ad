package dev.kotae.kept;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * Which of a scope's documents contain a term, kept so that counting a search's matches is a union of
 * kept sets instead of a walk through every matching term's postings. Help-center queries draw on a
 * small vocabulary («返金», «password»), so the same terms come back in search after search; this is
 * the idea of Lucene's query cache, which never caches single terms.
 *
 * <p>Kept at two levels ({@link Kept}): each segment's documents with the term, deleted ones included,
 * per segment core; and, per index version and scope, their union less what the scope does not see
 * (its live documents, which exclude the deleted), numbered as in the whole version. After an edit only
 * the new segment's postings are read. Sets are sparse (sorted document numbers) or dense (a bit set),
 * whichever is smaller.
 */
public final class TermMatches {

    /** About the heap the sets per scope and version may take: a dense set is 12.5 KB at 100,000 articles. */
    static final long MAX_BYTES = 32L << 20;
    /** About the heap the sets per segment may take: read only when a version's sets are, as {@link WordScores}' postings. */
    static final long MAX_SEGMENT_BYTES = MAX_BYTES / 4;

    /** A term in a scope, one per index version: the key holds the scope's reader until the version closes. */
    private record InScope(IndexReader scope, Term term) {}

    // Package-private: tests check which level a search read.
    final Kept<InScope, DocIdSet> perScope = Kept.byWeight(MAX_BYTES, (key, set) -> set.ramBytesUsed());
    final Kept<Term, DocIdSet> perSegment = Kept.byWeight(MAX_SEGMENT_BYTES, (key, set) -> set.ramBytesUsed());

    /**
     * The live documents of {@code scope} that contain {@code term}, numbered as in the whole reader.
     *
     * @param version the index version {@code scope} is a view of, which owns the kept set
     * @param scope the version's documents a filter matches, as live documents; same segments and numbers
     */
    public DocIdSet of(IndexReader version, IndexReader scope, Term term) throws IOException {
        return perScope.get(version.getReaderCacheHelper(), new InScope(scope, term), key -> read(scope, term));
    }

    /**
     * The empty set for an index with no documents at all, a normal state (a fresh install, the last
     * article deleted) that {@link DocIdSetBuilder} cannot size a set for.
     */
    private DocIdSet read(IndexReader scope, Term term) throws IOException {
        if (scope.maxDoc() == 0) {
            return DocIdSet.EMPTY;
        }
        DocIdSetBuilder builder = new DocIdSetBuilder(scope.maxDoc());
        for (LeafReaderContext leaf : scope.leaves()) {
            LeafReader segment = leaf.reader();
            DocIdSetIterator docs = perSegment.get(segment.getCoreCacheHelper(), term, t -> inSegment(segment, t))
                    .iterator();
            if (docs == null) {
                continue;
            }
            Bits live = segment.getLiveDocs();
            DocIdSetBuilder.BulkAdder adder = builder.grow(Math.toIntExact(docs.cost()));
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    adder.add(leaf.docBase + doc);
                }
            }
        }
        return builder.build();
    }

    /** The segment's documents with {@code term}, deleted ones included (they depend on the core only). */
    private static DocIdSet inSegment(LeafReader segment, Term term) throws IOException {
        PostingsEnum postings = segment.postings(term, PostingsEnum.NONE);
        if (postings == null || segment.maxDoc() == 0) {
            return DocIdSet.EMPTY;
        }
        DocIdSetBuilder builder = new DocIdSetBuilder(segment.maxDoc());
        builder.grow(Math.toIntExact(postings.cost())).add(postings);
        return builder.build();
    }

    /** How searches used these values: hits and misses of the per-scope level, the heap of both levels. */
    public Usage usage() {
        return Usage.ofLevels(perScope, perSegment);
    }
}
