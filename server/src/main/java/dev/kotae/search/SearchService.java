package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import dev.kotae.kept.Kept;
import dev.kotae.search.FacetCounter.Counts;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Full-text search over the articles a caller may see: ranked hits with snippets, facet counts over
 * all matches, paging, and a spelling correction when the query as typed finds nothing. This is the
 * code path of {@code /api/v1/search}; everything that wants "search results" calls it.
 */
public final class SearchService {

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.UPDATED, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING));

    private final ArticleIndex index;
    private final TextQueries textQueries;
    private final Snippets snippets;
    private final SpellingCorrector spelling;
    private final Locales locales;
    private final ResultCache results;
    private final Kept<Filters, Counts> counted = Kept.bySize(MAX_COUNTS);

    /** Counts without a query are kept for at most this many filters (filters carry request values). */
    static final int MAX_COUNTS = 1_000;

    /** What counts without a query depend on: the scope (of one index version) and the filters picked. */
    private record Filters(IndexView.Scope scope, String type, String category, String tag) {}

    /** A search that computes every request (tests and in-process measurements compare it with plain Lucene). */
    public SearchService(ArticleIndex index, Analysis analysis, Locales locales) {
        this(index, analysis, locales, 0);
    }

    /**
     * @param cacheBytes about how much heap results kept for repeated searches may take (per index
     *     version, see {@link ResultCache}); {@code 0} computes every request
     */
    public SearchService(ArticleIndex index, Analysis analysis, Locales locales, long cacheBytes) {
        this.index = index;
        this.results = new ResultCache(cacheBytes);
        this.textQueries = new TextQueries(analysis);
        this.snippets = new Snippets(analysis);
        this.spelling = new SpellingCorrector(analysis);
        this.locales = locales;
    }

    /**
     * Whether some article is in {@code locale}, whoever may read it: a cheap check of the index's
     * locale terms for pages that default to the visitor's language (a search that then finds nothing
     * visible falls back to all languages anyway).
     */
    public boolean hasArticlesIn(String locale) {
        return locales.inContent(locale);
    }

    /** Runs a search; throws {@link InvalidRequestException} for parameters out of range. */
    public SearchResult search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        String locale = locales.validate(request.locale());
        validate(request);
        String typed = request.query() == null ? "" : request.query().strip();
        // Searched folded: every analyzer folds width and case anyway, and one result then serves «Refund»,
        // «refund» and «ＲＥＦＵＮＤ» alike, from the cache too.
        SearchRequest normalised = new SearchRequest(Analysis.fold(typed), locale, request.type(), request.category(),
                request.tag(), request.page(), request.size(), request.audience());
        IndexView view = index.acquire();
        try {
            SearchResult result = results.get(view, normalised, () -> compute(view, normalised));
            return result.answering(typed, Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
        } finally {
            index.release(view);
        }
    }

    /** The result cache, for its figures in {@code /metrics}. */
    public ResultCache resultCache() {
        return results;
    }

    /** The result of a validated, normalised request ({@code tookMs} is set by the caller). */
    private SearchResult compute(IndexView view, SearchRequest request) throws IOException {
        String text = request.query();
        Set<LanguageFamily> families = Locales.families(request.locale());
        Page page = run(view, request, text, families);
        String didYouMean = null;
        boolean corrected = false;
        if (page.total() == 0 && !text.isEmpty()) {
            didYouMean = spelling.correct(view.getIndexReader(), text, families, request.audience());
            if (didYouMean != null) {
                Page correctedPage = run(view, request, didYouMean, families);
                if (correctedPage.total() > 0) {
                    page = correctedPage;
                    corrected = true;
                } else {
                    didYouMean = null;
                }
            }
        }
        return new SearchResult(text, page.total(), request.page(), request.size(), 0,
                page.hits(), page.facets(), didYouMean, corrected);
    }

    /** One page of hits; {@code commonGramsLeftOut} if common bigrams could match more (TextQueries). */
    private record Page(long total, List<SearchResult.Hit> hits, Map<String, List<SearchResult.FacetValue>> facets,
            boolean commonGramsLeftOut) {}

    /** The page for {@code text}; common bigrams match too when nothing matches without them (TextQueries). */
    private Page run(IndexView view, SearchRequest request, String text, Set<LanguageFamily> families)
            throws IOException {
        Page page = run(view, request, text, families, false);
        return page.total() == 0 && page.commonGramsLeftOut() ? run(view, request, text, families, true) : page;
    }

    /**
     * @param request validated and normalised (its locale checked, its query stripped and folded)
     * @param text the query as typed (folded), or its spelling correction
     * @param everything whether common bigrams match too
     */
    private Page run(IndexView view, SearchRequest request, String text, Set<LanguageFamily> families,
            boolean everything) throws IOException {
        String locale = request.locale();
        IndexView.Scope scope = scope(view, request.audience(), locale);
        int window = request.page() * request.size();
        Counts counts;
        TopDocs top;
        Query textQuery;
        boolean commonGramsLeftOut = false;
        if (text.isEmpty()) {
            // Browsing (a category page, say): the counts depend only on the filters, so they are counted
            // once per index version, and each page view only sorts.
            textQuery = new MatchNoDocsQuery("browsing: nothing to highlight");
            Query query = narrowed(new MatchAllDocsQuery(), request.type(), request.category(), request.tag());
            counts = counted.get(view.getIndexReader().getReaderCacheHelper(),
                    new Filters(scope, request.type(), request.category(), request.tag()),
                    filters -> count(view, scope, query));
            top = scope.searcher().search(query, window, NEWEST_FIRST);
        } else {
            TextQueries.TextQuery built = textQueries.build(text, families, TextQueries.TermQueries.of(scope));
            if (built == null) {
                textQuery = new MatchNoDocsQuery("no searchable words in the query");
                counts = count(view, scope, textQuery);
                top = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
            } else {
                // Matched and counted from the kept term sets, ranked from the kept word scores.
                textQuery = built.ranking();
                commonGramsLeftOut = built.hasCommonGrams() && !everything;
                Query matching = narrowed(everything ? built.everything() : built.matching(), request.type(),
                        request.category(), request.tag());
                FixedBitSet matches = FacetCounter.matches(view, scope, matching);
                counts = FacetCounter.count(view, scope, matches);
                top = ExactRanking.top(scope, matches, textQuery, window);
            }
        }
        int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
        ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        int[] docIds = Arrays.stream(pageDocs).mapToInt(d -> d.doc).toArray();
        // Doc ids are the same in the scope and in the whole version, so the hits are read from the view.
        Article[] articles = ArticleDocuments.hits(view.getIndexReader(), docIds);
        String[] pageSnippets = snippets.snippets(view, textQuery, docIds, articles);
        List<SearchResult.Hit> hits = new ArrayList<>(pageDocs.length);
        for (int i = 0; i < pageDocs.length; i++) {
            Article article = articles[i];
            float score = Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score;
            hits.add(new SearchResult.Hit(article.id(), article.title(), article.type().key(), article.locale(),
                    article.category(), article.tags(), article.visibility().key(), article.url(), pageSnippets[i], score));
        }
        return new Page(counts.total(), Collections.unmodifiableList(hits), counts.facets(), commonGramsLeftOut);
    }

    /**
     * Counts of every facet over all articles the audience may see (in one locale, or all when
     * {@code null}), with their total: for navigation and status, without ranking or loading anything.
     */
    public Overview overview(String localeParam, Audience audience) throws IOException {
        String locale = locales.validate(localeParam);
        IndexView view = index.acquire();
        try {
            IndexView.Scope scope = scope(view, audience, locale);
            Counts counts = counted.get(view.getIndexReader().getReaderCacheHelper(),
                    new Filters(scope, null, null, null), filters -> count(view, scope, new MatchAllDocsQuery()));
            return new Overview(counts.total(), counts.facets());
        } finally {
            index.release(view);
        }
    }

    private static Counts count(IndexView view, IndexView.Scope scope, Query query) throws IOException {
        return FacetCounter.count(view, scope, query);
    }

    /** What {@link #overview} answers. */
    public record Overview(long total, Map<String, List<SearchResult.FacetValue>> facets) {}

    /**
     * The articles of one locale (or all) that the audience may see, as a searcher of their own: the
     * visibility and locale filters are applied once per index version, not intersected with every query.
     */
    static IndexView.Scope scope(IndexView view, Audience audience, String locale) throws IOException {
        Query filter = filtered(new MatchAllDocsQuery(), audience, locale, null, null, null);
        return view.scope(scopeKey(audience, locale), filter);
    }

    private static String scopeKey(Audience audience, String locale) {
        return audience.name() + "|" + (locale == null ? "*" : locale);
    }

    /** Restricts a query to what the audience may see and to the given filters ({@code null}: no filter). */
    static Query filtered(Query query, Audience audience, String locale, String type, String category, String tag) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        Query visibility = audience.filter();
        if (visibility != null) {
            builder.add(visibility, BooleanClause.Occur.FILTER);
        }
        addFilter(builder, IndexFields.LOCALE, locale);
        return narrowed(builder, type, category, tag);
    }

    /** Restricts a query to a type, category and tag ({@code null}: no filter), and to nothing else. */
    private static Query narrowed(Query query, String type, String category, String tag) {
        return narrowed(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST), type, category, tag);
    }

    private static Query narrowed(BooleanQuery.Builder builder, String type, String category, String tag) {
        addFilter(builder, IndexFields.TYPE, type);
        addFilter(builder, IndexFields.CATEGORY, category);
        addFilter(builder, IndexFields.TAG, tag);
        BooleanQuery query = builder.build();
        // A lone clause is unwrapped, so a plain search stays the pure disjunction Lucene scores in bulk.
        return query.clauses().size() == 1 ? query.clauses().get(0).getQuery() : query;
    }

    private static void addFilter(BooleanQuery.Builder builder, String field, String value) {
        if (value != null && !value.isEmpty()) {
            builder.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private static void validate(SearchRequest request) {
        if (request.query() != null && request.query().length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("query_too_long",
                    "q is " + request.query().length() + " characters; the limit is " + SearchRequest.MAX_QUERY_LENGTH);
        }
        if (request.size() < 1 || request.size() > SearchRequest.MAX_SIZE) {
            throw new InvalidRequestException("bad_size", "size must be between 1 and " + SearchRequest.MAX_SIZE);
        }
        if (request.page() < 1) {
            throw new InvalidRequestException("bad_page", "page must be 1 or more");
        }
        if ((long) request.page() * request.size() > SearchRequest.MAX_WINDOW) {
            throw new InvalidRequestException("bad_page",
                    "page × size may be at most " + SearchRequest.MAX_WINDOW + "; narrow the search instead");
        }
        if (request.type() != null && !request.type().isEmpty()) {
            try {
                ArticleType.parse(request.type());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("bad_type", e.getMessage());
            }
        }
    }
}
