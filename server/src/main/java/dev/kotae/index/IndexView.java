package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.Visibility;
import dev.kotae.kept.Keeps;
import dev.kotae.kept.TermMatches;
import dev.kotae.kept.WordScores;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A point-in-time searcher, scoring with {@link ArticleSimilarity}, plus what is derived once per index
 * version (the facet ordinal map, the locales in use), so a request never rebuilds it. Acquired from and released to {@link ArticleIndex}.
 */
public final class IndexView extends IndexSearcher {

    private static final ArticleSimilarity SIMILARITY = new ArticleSimilarity();

    private final SortedSetDocValuesReaderState facetState;
    private final Set<String> locales;
    private volatile Set<String> publicLocales;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private volatile FacetOrdinals facetOrdinals;
    private volatile FieldInfos fieldInfos;
    private final Keeps kept;
    private final HitArticles hitArticles;
    private final SuggestCards suggestCards;

    /**
     * @param kept what the index keeps for the searches of all its views, per segment and version
     * @param hitArticles the articles hits showed, kept per segment for the hits of all its views
     * @param suggestCards the cards suggestions showed, kept per segment for the suggestions of all its views
     */
    IndexView(IndexReader reader, FacetsConfig facetsConfig, Keeps kept, HitArticles hitArticles,
            SuggestCards suggestCards) throws IOException {
        super(reader);
        this.kept = kept;
        this.hitArticles = hitArticles;
        this.suggestCards = suggestCards;
        setSimilarity(SIMILARITY);
        this.facetState = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
        this.locales = Collections.unmodifiableSet(values(reader, IndexFields.LOCALE));
    }

    /**
     * The articles of documents {@code docs} of this version, in the order asked, with their bodies (for
     * snippets) but no rendered page: a search's hits. Those read for earlier hits are kept per segment.
     */
    public Article[] hits(int[] docs) throws IOException {
        return ArticleDocuments.hits(getIndexReader(), docs, hitArticles);
    }

    /**
     * The suggestion card of document {@code doc} of this version, or {@code null} if it has no suggestion
     * keys. Those read for earlier suggestions are kept per segment.
     */
    public SuggestCard suggestCard(int doc) throws IOException {
        return suggestCards.of(getIndexReader(), doc);
    }

    /** The locales of the articles in this version (every request validates its locale against them). */
    public Set<String> locales() {
        return locales;
    }

    /**
     * The locales of this version's public articles: all an anonymous caller may learn of. A locale only
     * internal articles are in is not named to them, not even in an error. Counted once per version.
     */
    public Set<String> publicLocales() throws IOException {
        Set<String> known = publicLocales;
        if (known == null) {
            Set<String> found = new TreeSet<>();
            for (String locale : locales) {
                Query publicIn = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.LOCALE, locale)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.VISIBILITY, Visibility.PUBLIC.key())),
                                BooleanClause.Occur.FILTER)
                        .build();
                if (count(publicIn) > 0) {
                    found.add(locale);
                }
            }
            known = Collections.unmodifiableSet(found);
            publicLocales = known;
        }
        return known;
    }

    /** The distinct indexed values of a keyword field, from the terms dictionary (no documents read). */
    static Set<String> values(IndexReader reader, String field) throws IOException {
        Set<String> values = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                values.add(term.utf8ToString());
            }
        }
        return values;
    }

    /**
     * A searcher over the documents of this version that a filter matches. Built on first use and kept
     * for the life of this version.
     */
    public static final class Scope {

        private final IndexSearcher searcher;
        private final FixedBitSet documents;
        private final IndexView view;
        /** Each field's statistics in this scope, or none if no document has the field: fixed per version. */
        private final Map<String, Optional<CollectionStatistics>> fieldStatistics = new ConcurrentHashMap<>();

        Scope(IndexSearcher searcher, FixedBitSet documents, IndexView view) {
            this.searcher = searcher;
            this.documents = documents;
            this.view = view;
        }

        public IndexSearcher searcher() {
            return searcher;
        }

        /** The documents of this scope, numbered as in the whole version. Shared: callers must not change it. */
        public FixedBitSet documents() {
            return documents;
        }

        /**
         * The statistics of {@code field} in this scope (as {@link IndexSearcher#collectionStatistics}),
         * or {@code null} if no document of it has the field. Read once per scope: every search asks for
         * them, and the searcher would add them up over the segments each time.
         */
        public CollectionStatistics fieldStatistics(String field) throws IOException {
            Optional<CollectionStatistics> statistics = fieldStatistics.get(field);
            if (statistics == null) {
                statistics = Optional.ofNullable(searcher.collectionStatistics(field));
                fieldStatistics.putIfAbsent(field, statistics);
            }
            return statistics.orElse(null);
        }

        /**
         * A query for {@code term} that carries the term's lookup in this scope, kept per version
         * ({@link dev.kotae.kept.TermLookups}). Scores are those of a plain {@link TermQuery}; searched
         * elsewhere, the query looks its term up again.
         */
        public TermQuery termQuery(Term term) throws IOException {
            return new TermQuery(term, view.kept.termLookups().of(view.getIndexReader(), searcher, term));
        }

        /**
         * The documents of this scope that contain {@code term}, numbered as in the whole version (so
         * {@link FacetOrdinals} applies), kept per segment and version ({@link TermMatches}).
         */
        public DocIdSet matches(Term term) throws IOException {
            return view.kept.termMatches().of(view.getIndexReader(), searcher.getIndexReader(), term);
        }

        /**
         * The score of {@code word} in each document of this scope that has it, kept per segment and
         * version ({@link WordScores}).
         */
        public WordScores.Scores scores(WordScores.Word word) throws IOException {
            return view.kept.wordScores().of(view.getIndexReader(), searcher, word, term -> termQuery(term).getTermStates());
        }
    }

    /**
     * The scope of {@code filter}, built once per version and {@code key}: callers must give the same
     * filter for the same key (e.g. key {@code "public|ja"} for public Japanese articles).
     */
    public Scope scope(String key, Query filter) throws IOException {
        Scope scope = scopes.get(key);
        if (scope == null) {
            scope = newScope(filter);
            Scope raced = scopes.putIfAbsent(key, scope);
            scope = raced == null ? scope : raced;
        }
        return scope;
    }

    private Scope newScope(Query filter) throws IOException {
        ScopedReader reader = ScopedReader.of(this, filter, kept.filterMatches());
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(SIMILARITY);
        kept.queryMatches().keepFor(searcher);
        return new Scope(searcher, reader.documents(), this);
    }

    /**
     * Every document's facet ordinals, read on first use (not on every refresh, as most versions of a
     * busy index are searched a few times at most before the next), or {@code null} while the index
     * has no facets. Scopes share them: a scope changes live documents, not document numbers.
     */
    public FacetOrdinals facetOrdinals() throws IOException {
        FacetOrdinals known = facetOrdinals;
        if (known == null && facetState != null) {
            synchronized (this) {
                known = facetOrdinals;
                if (known == null) {
                    known = FacetOrdinals.of(facetState, getIndexReader().maxDoc());
                    facetOrdinals = known;
                }
            }
        }
        return known;
    }

    /** The field infos of all segments merged, made on first use (Lucene merges them anew on every call). */
    public FieldInfos fieldInfos() {
        FieldInfos known = fieldInfos;
        if (known == null) {
            known = FieldInfos.getMergedFieldInfos(getIndexReader());
            fieldInfos = known;
        }
        return known;
    }

    /** The facet state of this index version, or {@code null} while the index is empty. */
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    private static boolean hasFacets(IndexReader reader) {
        return reader.leaves().stream()
                .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
    }
}
