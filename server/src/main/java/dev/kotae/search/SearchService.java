package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.config.SearchConfig;
import dev.kotae.content.ArticleType;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import dev.kotae.index.Romaji;
import dev.kotae.kept.Kept;
import dev.kotae.search.FacetCounter.Counts;
import dev.kotae.synonyms.Synonyms;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search over the articles a caller may see: ranked hits with snippets, facet counts over
 * all matches, paging, and a spelling correction when the query as typed finds nothing. This is the
 * code path of {@code /api/v1/search}; everything that wants "search results" calls it, or {@link #top}
 * when a few hits without facets will do.
 */
public final class SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.UPDATED, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING));

    private final ArticleIndex index;
    private final TextQueries textQueries;
    private final Snippets snippets;
    private final SpellingCorrector spelling;
    private final Locales locales;
    private final ResultCache results;
    /** Counts without a query (browsing, the overview) per index version; filters carry request values. */
    private final Kept<Filters, Counts> browseCounts = Kept.bySize(1_000);
    /** Each scope's own counts per index version, which a broad search's are taken from; a version has a few scopes. */
    private final Kept<IndexView.Scope, FacetCounter.Tally> scopeCounts = Kept.bySize(256);
    private final SearchConfig.Ranking ranking;
    private final Supplier<Synonyms> synonyms;
    private final RecentSearches recent = new RecentSearches();
    /** How long {@link #warm} may take; 0: it does nothing. */
    private final long warmNanos;

    /** What counts without a query depend on: the scope (of one index version) and the filters picked. */
    private record Filters(IndexView.Scope scope, String type, String category, String tag) {}

    /**
     * A search that computes every request, without synonyms (tests and in-process measurements compare it
     * with plain Lucene).
     */
    public SearchService(ArticleIndex index, Analysis analysis, Locales locales) {
        this(index, analysis, locales, LearnedWeights::of);
    }

    /**
     * A search that computes every request, without synonyms, weighing what was learned as {@code learned}
     * says per language (the simulation of learning from clicks compares weights with it).
     */
    public SearchService(ArticleIndex index, Analysis analysis, Locales locales,
            Function<LanguageFamily, LearnedWeights> learned) {
        this(index, analysis, locales, 0, SearchConfig.Ranking.EXACT, 0, () -> Synonyms.NONE, learned);
    }

    /**
     * @param cacheBytes about how much heap results kept for repeated searches may take, all index
     *     versions still open together (see {@link ResultCache}); {@code 0} computes every request
     * @param ranking how a text search's matches are counted and ranked: from the scores and term sets the
     *     index keeps, or by Lucene's own collectors; both give the same pages
     * @param warmMillis how long {@link #warm} may spend on a new index version ({@code 0}: it does nothing)
     * @param synonyms the synonym set in use now, asked once per search (it may change between searches)
     */
    public SearchService(ArticleIndex index, Analysis analysis, Locales locales, long cacheBytes,
            SearchConfig.Ranking ranking, int warmMillis, Supplier<Synonyms> synonyms) {
        this(index, analysis, locales, cacheBytes, ranking, warmMillis, synonyms, LearnedWeights::of);
    }

    private SearchService(ArticleIndex index, Analysis analysis, Locales locales, long cacheBytes,
            SearchConfig.Ranking ranking, int warmMillis, Supplier<Synonyms> synonyms,
            Function<LanguageFamily, LearnedWeights> learned) {
        this.index = index;
        this.ranking = ranking;
        this.warmNanos = warmMillis * 1_000_000L;
        this.synonyms = synonyms;
        this.results = new ResultCache(cacheBytes);
        this.textQueries = new TextQueries(analysis, learned);
        this.snippets = new Snippets(analysis);
        this.spelling = new SpellingCorrector(analysis);
        this.locales = locales;
    }

    /**
     * Whether some article {@code audience} may see is in {@code locale}: a cheap check of the index's
     * locale terms for pages that default to the visitor's language.
     */
    public boolean hasArticlesIn(String locale, Audience audience) {
        return locales.inContent(locale, audience);
    }

    /** Runs a search; throws {@link InvalidRequestException} for parameters out of range. */
    public SearchResult search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        SearchRequest normalised = normalised(request);
        recent.searched(normalised);
        Synonyms vocabulary = synonyms.get();
        IndexView view = index.acquire();
        try {
            // Kept per synonym set too: once the file changes, no search is answered with the set before.
            SearchResult result = results.get(view, normalised, vocabulary.version(),
                    () -> compute(view, normalised, null, vocabulary));
            return result.answering(request.query() == null ? "" : request.query().strip(),
                    Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
        } finally {
            index.release(view);
        }
    }

    /** What a caller of {@link #top} needs besides the hits in order. */
    public enum TopDetail {
        /** Titles will do, and {@link TopHits#total} may be a lower bound (suggestion fill). */
        TITLES,
        /** Snippets and the exact number of matches (the plugins' {@code HelpCenter.search}). */
        SNIPPETS_AND_TOTAL
    }

    /**
     * The best hits of a text search, without facets.
     *
     * @param query the query as typed
     * @param total how many articles match: exact with {@link TopDetail#SNIPPETS_AND_TOTAL}, else at least
     *     this many (and 0 only when nothing matches)
     * @param hits best first, as {@link #search} ranks them; without snippets with {@link TopDetail#TITLES}
     */
    public record TopHits(String query, long total, List<SearchResult.Hit> hits) {}

    /**
     * The page {@link #search} answers for {@code request}, with the same hits in the same order (the
     * common bigrams and the spelling correction used as it uses them), but without facets: for callers
     * that show a few hits. With {@code search.ranking: lucene} the hits come from Lucene's top-k
     * collector, which stops counting at the page with {@link TopDetail#TITLES}. Not cached.
     *
     * @throws InvalidRequestException for parameters out of range or a blank query
     */
    public TopHits top(SearchRequest request, TopDetail detail) throws IOException {
        SearchRequest normalised = normalised(request);
        if (normalised.query().isEmpty()) {
            throw new InvalidRequestException("blank_query", "top hits are those of a text search");
        }
        IndexView view = index.acquire();
        try {
            SearchResult result = compute(view, normalised, detail, synonyms.get());
            return new TopHits(request.query().strip(), result.total(), result.hits());
        } finally {
            index.release(view);
        }
    }

    /** The most searches {@link #warm} repeats; its time bound usually stops it first. */
    static final int WARMED_SEARCHES = 100;

    /**
     * Runs the searches asked most of late on {@code fresh}, a version not yet published, hottest first,
     * until they are done or the time given at construction is up: what searches keep per version (word
     * scores, term lookups, facet ordinals, scope counts, and the results if the cache is on) is then
     * ready before the first visitor after an edit asks. Searches outside the warmed ones still find the
     * version-wide parts ready. For {@link ArticleIndex#warmNewVersionsWith}.
     */
    public void warm(IndexView fresh) throws IOException {
        if (warmNanos == 0) {
            return;
        }
        long start = System.nanoTime();
        Synonyms vocabulary = synonyms.get();
        List<SearchRequest> hottest = recent.hottest(WARMED_SEARCHES);
        int warmed = 0;
        for (SearchRequest request : hottest) {
            try {
                results.get(fresh, request, vocabulary.version(), () -> compute(fresh, request, null, vocabulary));
            } catch (InvalidRequestException e) {
                // valid when it was asked, not on this version (its locale is gone): nothing to warm
            }
            warmed++;
            // Checked after each search, so a pause before the first (a GC) cannot leave the version cold.
            if (System.nanoTime() - start >= warmNanos) {
                break;
            }
        }
        if (!hottest.isEmpty()) {
            LOG.info("Warmed the new index version with {} of the {} searches asked most, in {} ms", warmed,
                    hottest.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The result cache, for its figures in {@code /metrics}. */
    public ResultCache resultCache() {
        return results;
    }

    /** The counts kept without a query (browsing, the overview), for their figures in {@code /metrics}. */
    public Kept<?, ?> browseCounts() {
        return browseCounts;
    }

    /** Each scope's own counts, kept for broad searches, for their figures in {@code /metrics}. */
    public Kept<?, ?> scopeCounts() {
        return scopeCounts;
    }

    /** {@code request} validated, with its locale checked and its query stripped and folded. */
    private SearchRequest normalised(SearchRequest request) {
        String locale = locales.validate(request.locale(), request.audience());
        validate(request);
        String typed = request.query() == null ? "" : request.query().strip();
        // Searched folded: every analyzer folds width and case anyway, and one result then serves «Refund»,
        // «refund» and «ＲＥＦＵＮＤ» alike, from the cache too.
        return new SearchRequest(Analysis.fold(typed), locale, request.type(), request.category(),
                request.tag(), request.page(), request.size(), request.audience());
    }

    /**
     * The result of a normalised request ({@code tookMs} is set by the caller) with {@code synonyms}; only
     * its top hits, without facets, if {@code top} is not {@code null}. Japanese kana are also searched as the help center writes
     * them ({@link KanaConversion}); when that converted a word, the answer says how it read the query:
     * {@code didYouMean} is the query so written («へんきん»: «返金») and {@code corrected} is whether the hits
     * are for it. A query that finds nothing is tried as romaji read the same way («henkin»: «返金»), then
     * with its spelling corrected.
     */
    private SearchResult compute(IndexView view, SearchRequest request, TopDetail top, Synonyms synonyms)
            throws IOException {
        String text = request.query();
        Set<LanguageFamily> families = Locales.families(request.locale());
        KanaConversion.Conversion conversion = readings(view, request, text, families);
        Page page = run(view, request, text, conversion, families, synonyms, top);
        String didYouMean = null;
        boolean corrected = false;
        if (conversion.converted() && page.total() > 0) {
            didYouMean = conversion.readAs();
            corrected = true;
        }
        if (page.total() == 0 && !text.isEmpty()) {
            Optional<String> kana = families.contains(LanguageFamily.JA) ? Romaji.toHiragana(text) : Optional.empty();
            KanaConversion.Conversion romaji = kana.isPresent()
                    ? readings(view, request, kana.get(), families) : KanaConversion.Conversion.NONE;
            Page romajiPage = romaji.converted() || !romaji.kanaWords().isEmpty()
                    ? run(view, request, kana.get(), romaji, families, synonyms, top) : null;
            if (romajiPage != null && romajiPage.total() > 0) {
                page = romajiPage;
                didYouMean = romaji.converted() ? romaji.readAs() : kana.get();
                corrected = true;
            }
        }
        if (page.total() == 0 && !text.isEmpty()) {
            didYouMean = spelling.correct(view.getIndexReader(), text, families, request.audience());
            if (didYouMean != null) {
                Page correctedPage = run(view, request, didYouMean, KanaConversion.Conversion.NONE, families,
                        synonyms, top);
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

    /** How the kana of {@code text} read in the vocabulary of the caller's scope (none outside Japanese). */
    private static KanaConversion.Conversion readings(IndexView view, SearchRequest request, String text,
            Set<LanguageFamily> families) throws IOException {
        if (text.isEmpty() || !families.contains(LanguageFamily.JA)) {
            return KanaConversion.Conversion.NONE;
        }
        IndexView.Scope scope = scope(view, request.audience(), request.locale());
        return KanaConversion.convert(text, scope.searcher().getIndexReader(), request.audience());
    }

    /** One page of hits; {@code commonGramsLeftOut} if common bigrams could match more (TextQueries). */
    private record Page(long total, List<SearchResult.Hit> hits, Map<String, List<SearchResult.FacetValue>> facets,
            boolean commonGramsLeftOut) {}

    /** The page for {@code text}; common bigrams match too when nothing matches without them (TextQueries). */
    private Page run(IndexView view, SearchRequest request, String text, KanaConversion.Conversion conversion,
            Set<LanguageFamily> families, Synonyms synonyms, TopDetail top) throws IOException {
        Page page = run(view, request, text, conversion, families, synonyms, false, top);
        return page.total() == 0 && page.commonGramsLeftOut()
                ? run(view, request, text, conversion, families, synonyms, true, top) : page;
    }

    /**
     * @param request validated and normalised (its locale checked, its query stripped and folded)
     * @param text the query as typed (folded), or its spelling correction
     * @param conversion how the kana of {@code text} read in the scope's vocabulary
     * @param synonyms the synonym set the page is computed with
     * @param everything whether common bigrams match too
     * @param topOnly {@code null} for the whole page (every match counted and ranked), else what the top
     *     hits need
     */
    private Page run(IndexView view, SearchRequest request, String text, KanaConversion.Conversion conversion,
            Set<LanguageFamily> families, Synonyms synonyms, boolean everything, TopDetail topOnly)
            throws IOException {
        String locale = request.locale();
        IndexView.Scope scope = scope(view, request.audience(), locale);
        int window = request.page() * request.size();
        Counts counts;
        TopDocs top;
        Set<Term> bodyTerms = Set.of();
        boolean commonGramsLeftOut = false;
        if (text.isEmpty()) {
            // Browsing (a category page, say): the counts depend only on the filters, so they are counted
            // once per index version, and each page view only sorts.
            Query query = narrowed(new MatchAllDocsQuery(), List.of(),
                    filterTerms(request.type(), request.category(), request.tag()));
            counts = browseCounts.get(view.getIndexReader().getReaderCacheHelper(),
                    new Filters(scope, request.type(), request.category(), request.tag()),
                    filters -> FacetCounter.count(view, scope.searcher(), query));
            top = scope.searcher().search(query, window, NEWEST_FIRST);
        } else {
            TextQuery query = textQueries.build(text, conversion, families, TextQueries.TermQueries.of(scope),
                    synonyms);
            if (query == null) {
                counts = FacetCounter.count(view, scope.searcher(), new MatchNoDocsQuery("no searchable words"));
                top = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
            } else {
                commonGramsLeftOut = query.hasCommonGrams() && !everything;
                bodyTerms = topOnly == TopDetail.TITLES ? null : query.bodyTerms();
                Set<Term> matching = query.matchingTerms(everything);
                List<Term> filters = filterTerms(request.type(), request.category(), request.tag());
                if (ranking == SearchConfig.Ranking.EXACT) {
                    // Matched and counted from the kept term sets, ranked from the kept word scores: cheaper
                    // than Lucene's top-k collector even for a few hits.
                    FixedBitSet matches = FacetCounter.matches(view, scope, matching, filters);
                    counts = topOnly == null ? FacetCounter.count(view, scope, matches, scopeCounts)
                            : new Counts(matches.cardinality(), Map.of());
                    top = ExactRanking.top(scope, matches, query, window);
                } else {
                    // Lucene's own path: the ranking query, scored alone; it matches every clause's terms, so
                    // the matching terms filter it only when they leave common bigrams out.
                    Query lucene = narrowed(query.ranking(TextQueries.TermQueries.of(scope)),
                            commonGramsLeftOut ? List.of(TextQuery.matchingQuery(matching)) : List.of(), filters);
                    int countAtLeast = topOnly == TopDetail.TITLES ? window : Integer.MAX_VALUE;
                    top = scope.searcher().search(lucene, new TopScoreDocCollectorManager(window, countAtLeast));
                    counts = topOnly == null ? FacetCounter.count(view, scope.searcher(), lucene)
                            : new Counts(top.totalHits.value, Map.of());
                }
            }
        }
        int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
        ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        return new Page(counts.total(), hits(view, pageDocs, bodyTerms), counts.facets(), commonGramsLeftOut);
    }

    /** The hits of {@code docs}, in their order, with snippets marking {@code bodyTerms} ({@code null}: none). */
    private List<SearchResult.Hit> hits(IndexView view, ScoreDoc[] docs, Set<Term> bodyTerms) throws IOException {
        int[] docIds = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        // Doc ids are the same in the scope and in the whole version, so the hits are read from the view.
        Article[] articles = view.hits(docIds);
        String[] pageSnippets = bodyTerms == null ? new String[docIds.length]
                : snippets.snippets(view, bodyTerms, docIds, articles);
        List<SearchResult.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Article article = articles[i];
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            hits.add(new SearchResult.Hit(article.id(), article.title(), article.type().key(), article.locale(),
                    article.category(), article.tags(), article.visibility().key(), article.url(),
                    pageSnippets[i] == null ? "" : pageSnippets[i], score));
        }
        return Collections.unmodifiableList(hits);
    }

    /**
     * Counts of every facet over all articles the audience may see (in one locale, or all when
     * {@code null}), with their total: for navigation and status, without ranking or loading anything.
     */
    public Overview overview(String localeParam, Audience audience) throws IOException {
        String locale = locales.validate(localeParam, audience);
        IndexView view = index.acquire();
        try {
            IndexView.Scope scope = scope(view, audience, locale);
            Counts counts = browseCounts.get(view.getIndexReader().getReaderCacheHelper(),
                    new Filters(scope, null, null, null),
                    filters -> FacetCounter.count(view, scope.searcher(), new MatchAllDocsQuery()));
            return new Overview(counts.total(), counts.facets());
        } finally {
            index.release(view);
        }
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
        List<Term> filters = new ArrayList<>();
        addFilter(filters, IndexFields.LOCALE, locale);
        filters.addAll(filterTerms(type, category, tag));
        Query visibility = audience.filter();
        return narrowed(query, visibility == null ? List.of() : List.of(visibility), filters);
    }

    /**
     * {@code query} (its scores) restricted to the documents {@code filterQueries} and {@code filterTerms}
     * all match; {@code query} itself when there is no filter.
     */
    private static Query narrowed(Query query, List<Query> filterQueries, Collection<Term> filterTerms) {
        if (filterQueries.isEmpty() && filterTerms.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder narrowed = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        filterQueries.forEach(filter -> narrowed.add(filter, BooleanClause.Occur.FILTER));
        filterTerms.forEach(filter -> narrowed.add(new TermQuery(filter), BooleanClause.Occur.FILTER));
        return narrowed.build();
    }

    /** The type, category and tag a search is narrowed to, as terms an article must have ({@code null}: none). */
    private static List<Term> filterTerms(String type, String category, String tag) {
        List<Term> filters = new ArrayList<>();
        addFilter(filters, IndexFields.TYPE, type);
        addFilter(filters, IndexFields.CATEGORY, category);
        addFilter(filters, IndexFields.TAG, tag);
        return filters;
    }

    private static void addFilter(List<Term> filters, String field, String value) {
        if (value != null && !value.isEmpty()) {
            filters.add(new Term(field, value));
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
