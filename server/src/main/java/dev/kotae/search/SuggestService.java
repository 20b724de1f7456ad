package dev.kotae.search;

import com.github.benmanes.caffeine.cache.Cache;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.KanaNormalizer;
import dev.kotae.index.SuggestCard;
import dev.kotae.index.SuggestKeys;
import dev.kotae.kept.Caches;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * As-you-type suggestions: titles and {@code questions:} whose start, or a later word, begins with what
 * was typed, compared on normalised surface and on katakana reading (so kana typed while the IME is still
 * composing reaches kanji titles). Phrases that start with the input rank before infix matches, shorter
 * titles before longer ones. When prefixes run out, the best full-text hits fill the list. Each question
 * is offered once, even when several articles share it (the best-ranked one is linked). The keys live
 * in the article documents, so a changed file updates its suggestions with no rebuild.
 */
public final class SuggestService {

    public static final int MAX_SIZE = 20;
    public static final int MAX_INPUT_LENGTH = 200;
    /**
     * Candidates read per suggestion wanted: articles that share a question (several answers to one
     * question, or a page translated word for word) make one suggestion, so a few more are read to fill
     * the list with different questions.
     */
    private static final int CANDIDATES_PER_SUGGESTION = 5;
    private static final int MAX_CANDIDATES = 100;
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexFields.TITLE_LENGTH, SortField.Type.LONG));

    /** One suggestion: the phrase that matched, and the article it leads to. */
    public record Suggestion(String text, String title, String id, String url, String visibility) {}

    /** The response to one input. */
    public record Suggestions(String query, List<Suggestion> suggestions) {}

    /**
     * About the heap the kept prefix queries may take. A {@link PrefixQuery} compiles its automaton when it
     * is made (the dearest step of a suggestion besides the search itself), and what customers type
     * repeats; a query holds no index state, so one kept serves every version.
     */
    private static final long MAX_PREFIX_QUERY_BYTES = 8L << 20;

    private final Cache<Term, PrefixQuery> prefixQueries = Caches.byWeight(MAX_PREFIX_QUERY_BYTES,
            (Term term, PrefixQuery query) -> 64 + query.ramBytesUsed()).build();
    private final ArticleIndex index;
    private final SuggestKeys keys;
    private final SearchService search;
    private final Locales locales;

    public SuggestService(ArticleIndex index, SuggestKeys keys, SearchService search, Locales locales) {
        this.index = index;
        this.keys = keys;
        this.search = search;
        this.locales = locales;
    }

    public Suggestions suggest(String input, String localeParam, int size, Audience audience) throws IOException {
        String locale = locales.validate(localeParam, audience);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("bad_size", "size must be between 1 and " + MAX_SIZE);
        }
        String text = input == null ? "" : input.strip();
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidRequestException("query_too_long", "q may be at most " + MAX_INPUT_LENGTH + " characters");
        }
        List<Suggestion> found = new ArrayList<>();
        Set<String> queryKeys = keys.queryKeys(text);
        if (queryKeys.isEmpty()) {
            return new Suggestions(text, found);
        }
        Set<String> seenIds = new HashSet<>();
        Set<String> seenPhrases = new HashSet<>();
        IndexView view = index.acquire();
        try {
            // Ranked by score, but the scores themselves are not asked for (doDocScores): that makes Lucene
            // run every prefix query a second time over the candidates.
            TopDocs top = SearchService.scope(view, audience, locale).searcher().search(prefixQuery(queryKeys),
                    Math.min(size * CANDIDATES_PER_SUGGESTION, MAX_CANDIDATES), BEST_FIRST, false);
            for (ScoreDoc hit : top.scoreDocs) {
                if (found.size() == size) {
                    break;
                }
                SuggestCard card = view.suggestCard(hit.doc);
                if (card == null) {
                    continue;
                }
                String phrase = matchedPhrase(card, queryKeys);
                if (seenIds.add(card.id()) && seenPhrases.add(KanaNormalizer.normalize(phrase))) {
                    found.add(new Suggestion(phrase, card.title(), card.id(), "/articles/" + card.id(), card.visibility()));
                }
            }
        } finally {
            index.release(view);
        }
        if (found.size() < size && text.codePointCount(0, text.length()) >= 2) {
            SearchService.TopHits fill = search.top(new SearchRequest(text, locale, null, null, null, 1, size, audience),
                    SearchService.TopDetail.TITLES);
            for (SearchResult.Hit hit : fill.hits()) {
                if (found.size() < size && seenIds.add(hit.id()) && seenPhrases.add(KanaNormalizer.normalize(hit.title()))) {
                    found.add(new Suggestion(hit.title(), hit.title(), hit.id(), hit.url(), hit.visibility()));
                }
            }
        }
        return new Suggestions(text, found);
    }

    private Query prefixQuery(Set<String> queryKeys) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String key : queryKeys) {
            query.add(new BoostQuery(new ConstantScoreQuery(prefix(IndexFields.SUGGEST_START, key)), 2f),
                    BooleanClause.Occur.SHOULD);
            query.add(new ConstantScoreQuery(prefix(IndexFields.SUGGEST_INFIX, key)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** The prefix query of {@code key} in {@code field}, kept. */
    PrefixQuery prefix(String field, String key) {
        return prefixQueries.get(new Term(field, key), PrefixQuery::new);
    }

    /** The title if it matched the input, else the first question that did (what the user is typing). */
    private static String matchedPhrase(SuggestCard card, Set<String> queryKeys) {
        List<String> phraseKeys = card.phraseKeys();
        for (int i = 0; i < phraseKeys.size() && i <= card.questions().size(); i++) {
            if (matches(phraseKeys.get(i), queryKeys)) {
                return i == 0 ? card.title() : card.questions().get(i - 1);
            }
        }
        return card.title();
    }

    private static boolean matches(String phraseKeys, Set<String> queryKeys) {
        int from = 0;
        while (from < phraseKeys.length()) {
            int end = phraseKeys.indexOf(IndexFields.SUGGEST_KEY_SEPARATOR, from);
            end = end < 0 ? phraseKeys.length() : end;
            for (String queryKey : queryKeys) {
                if (queryKey.length() <= end - from && phraseKeys.startsWith(queryKey, from)) {
                    return true;
                }
            }
            from = end + 1;
        }
        return false;
    }
}
