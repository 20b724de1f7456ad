package dev.kotae.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The top hits of a text search, ranked in two steps as Elasticsearch's rescoring does. The flat
 * matching query of {@link TextQueries#build} finds the best candidates with Lucene's top-k pruning,
 * which its tight score bounds allow; the ranking query then orders the first {@link #ORDERED} of them. Scoring every match with the ranking query cost about twice as much at 100k
 * articles, where a typical query matches 40,000: its per-word {@code DisjunctionMaxQuery} has loose
 * bounds, so nothing could be skipped.
 */
final class CandidateRanking {

    /**
     * How many candidates the ranking query orders, whatever the page. With 100 the top 10 of all 500
     * benchmark queries at 10k is what scoring every match gives (472 of 500 with 30, 489 with 50), and
     * the FAQ benchmarks' figures do not move.
     */
    static final int ORDERED = 100;

    private CandidateRanking() {}

    /**
     * The first {@code window} hits: the best {@link #ORDERED} candidates in the ranking query's order,
     * then (on deep pages) the rest in candidate order with their candidate scores. The number ordered
     * does not depend on the page, so paging through never repeats or skips an article.
     */
    static TopDocs top(IndexSearcher searcher, Query candidates, Query ranking, int window) throws IOException {
        int depth = Math.max(ORDERED, window);
        TopDocs found = searcher.search(candidates, new TopScoreDocCollectorManager(depth, null, depth));
        ScoreDoc[] all = found.scoreDocs;
        int ordered = Math.min(ORDERED, all.length);
        ScoreDoc[] rescored = RankingRescorer.rescore(searcher, Arrays.copyOf(all, ordered), ranking);
        ScoreDoc[] hits = Arrays.copyOf(rescored, Math.min(window, all.length));
        if (hits.length > ordered) {
            System.arraycopy(all, ordered, hits, ordered, hits.length - ordered);
        }
        return new TopDocs(found.totalHits, hits);
    }
}
