package dev.kotae.kept;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

/**
 * Each searched term's lookup in a scope (where it is in every segment's terms dictionary, and its
 * statistics), kept per index version: searches share their words, and a lookup seeks every segment.
 */
public final class TermLookups {

    /** Enough for every word of a busy help center's queries; bounds what hostile queries can fill. */
    static final int MAX_TERMS = 20_000;

    /** A term in a scope, one per index version: the key holds the scope's searcher until the version closes. */
    private record InScope(IndexSearcher scope, Term term) {}

    private final Kept<InScope, TermStates> perScope = Kept.bySize(MAX_TERMS);

    /**
     * The lookup of {@code term} in {@code scope}, with statistics.
     *
     * @param version the index version {@code scope} searches, which owns the kept lookup
     */
    public TermStates of(IndexReader version, IndexSearcher scope, Term term) throws IOException {
        return perScope.get(version.getReaderCacheHelper(), new InScope(scope, term),
                key -> TermStates.build(scope, term, true));
    }
}
