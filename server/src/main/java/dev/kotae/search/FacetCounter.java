package dev.kotae.search;

import dev.kotae.index.FacetOrdinals;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.kept.Kept;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the documents a query matches and their facet values. Because the query already carries the
 * caller's visibility filter, counts never include what the caller may not see. Each match's ordinals
 * are counted as it is collected, from the version's {@link FacetOrdinals}, rather than first gathering
 * the matches as Lucene's {@code FacetsCollector} does. The order and labels are those of Lucene's
 * {@code SortedSetDocValuesFacetCounts.getTopChildren} (most first, ties in label order).
 */
final class FacetCounter {

    static final int MAX_VALUES = 100;

    private FacetCounter() {}

    /** How many articles a query matches and their facet counts. */
    record Counts(long total, Map<String, List<SearchResult.FacetValue>> facets) {}

    /**
     * Runs {@code query} on {@code searcher} (the view itself or one of its scopes, whose document numbers
     * are the view's) and counts its matches. The facets are per dimension, in
     * {@link IndexFields#FACET_DIMENSIONS} order, and unmodifiable: counts without a query are shared by
     * every request of an index version.
     */
    static Counts count(IndexView view, IndexSearcher searcher, Query query) throws IOException {
        FacetOrdinals ordinals = view.facetOrdinals();
        Tally tally = searcher.search(query, new TallyManager(ordinals));
        return new Counts(tally.total, facets(view, ordinals, tally.counts));
    }

    /**
     * The documents of {@code scope} (view document numbers) that have any of {@code anyOf} and all of
     * {@code allOf}: a text search's matches, from the term sets the scope keeps ({@link IndexView.Scope#matches}),
     * which costs a fraction of walking the postings of every term.
     */
    static FixedBitSet matches(IndexView view, IndexView.Scope scope, Collection<Term> anyOf, Collection<Term> allOf)
            throws IOException {
        FixedBitSet matches = new FixedBitSet(view.getIndexReader().maxDoc());
        for (Term term : anyOf) {
            DocIdSetIterator docs = scope.matches(term).iterator();
            if (docs != null) {
                matches.or(docs);
            }
        }
        for (Term filter : allOf) {
            FixedBitSet filtered = new FixedBitSet(matches.length());
            DocIdSetIterator docs = scope.matches(filter).iterator();
            if (docs != null) {
                filtered.or(docs);
            }
            matches.and(filtered);
        }
        return matches;
    }

    /**
     * The counts of {@code matches} (view document numbers, all in {@code scope}). When they are most of
     * the scope (a typical search matches 70% of its language), the scope's own counts minus those of the
     * articles that did not match: fewer articles to count, and the same figures.
     *
     * @param scopeTallies each scope's own counts, kept per index version by the caller
     */
    static Counts count(IndexView view, IndexView.Scope scope, FixedBitSet matches,
            Kept<IndexView.Scope, Tally> scopeTallies) throws IOException {
        FacetOrdinals ordinals = view.facetOrdinals();
        Tally all = scopeTallies.get(view.getIndexReader().getReaderCacheHelper(), scope,
                key -> tally(ordinals, scope.documents()));
        Tally tally = 2L * matches.cardinality() > all.total
                ? all.minus(tally(ordinals, without(scope.documents(), matches)))
                : tally(ordinals, matches);
        return new Counts(tally.total, facets(view, ordinals, tally.counts));
    }

    private static FixedBitSet without(FixedBitSet all, FixedBitSet some) {
        FixedBitSet rest = all.clone();
        rest.andNot(some);
        return rest;
    }

    private static Tally tally(FacetOrdinals ordinals, FixedBitSet docs) {
        Tally tally = new Tally(ordinals);
        long[] words = docs.getBits();
        for (int word = 0; word < words.length; word++) {
            for (long bits = words[word]; bits != 0; bits &= bits - 1) {
                tally.add(word * Long.SIZE + Long.numberOfTrailingZeros(bits));
            }
        }
        return tally;
    }

    private static Map<String, List<SearchResult.FacetValue>> facets(IndexView view, FacetOrdinals ordinals,
            int[] counts) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            facets.put(dim, new ArrayList<>());
        }
        SortedSetDocValuesReaderState state = view.facetState();
        if (state == null || ordinals == null) {
            return unmodifiable(facets);
        }
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            if (range == null) {
                continue;
            }
            // Most matches first, then in label order: each value as one long (inverted count above the
            // ordinal), sorted as primitives, far cheaper than pairs through a comparator (docs/benchmarks.md).
            long[] found = new long[range.end - range.start + 1];
            int size = 0;
            for (int ord = range.start; ord <= range.end; ord++) {
                if (counts[ord] > 0) {
                    found[size++] = (long) (Integer.MAX_VALUE - counts[ord]) << 32 | ord;
                }
            }
            Arrays.sort(found, 0, size);
            for (int i = 0; i < Math.min(MAX_VALUES, size); i++) {
                int ord = (int) found[i];
                facets.get(dim).add(new SearchResult.FacetValue(ordinals.label(ord), counts[ord]));
            }
        }
        return unmodifiable(facets);
    }

    private static Map<String, List<SearchResult.FacetValue>> unmodifiable(Map<String, List<SearchResult.FacetValue>> facets) {
        facets.replaceAll((dim, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(facets);
    }

    /** The matches one collector counted: how many, and how many of each facet ordinal. */
    static final class Tally implements Collector {

        private final FacetOrdinals ordinals;
        private final int[] counts;
        private long total;

        Tally(FacetOrdinals ordinals) {
            this.ordinals = ordinals;
            this.counts = new int[ordinals == null ? 0 : ordinals.size()];
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int base = context.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    add(base + doc);
                }
            };
        }

        /** These counts less {@code some}'s, which counted some of the same documents. */
        Tally minus(Tally some) {
            Tally rest = new Tally(ordinals);
            rest.total = total - some.total;
            for (int i = 0; i < counts.length; i++) {
                rest.counts[i] = counts[i] - some.counts[i];
            }
            return rest;
        }

        /** Counts the match {@code doc} (a view document number). */
        void add(int doc) {
            total++;
            if (ordinals != null) {
                ordinals.count(doc, counts);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** One {@link Tally} per slice the searcher runs, added up. */
    private record TallyManager(FacetOrdinals ordinals) implements CollectorManager<Tally, Tally> {

        @Override
        public Tally newCollector() {
            return new Tally(ordinals);
        }

        @Override
        public Tally reduce(Collection<Tally> tallies) {
            if (tallies.size() == 1) {
                return tallies.iterator().next(); // a searcher without an executor: the usual case
            }
            Tally sum = new Tally(ordinals);
            for (Tally tally : tallies) {
                sum.total += tally.total;
                for (int i = 0; i < sum.counts.length; i++) {
                    sum.counts[i] += tally.counts[i];
                }
            }
            return sum;
        }
    }
}
