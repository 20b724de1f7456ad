package dev.kotae.bench;

import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How much slower the first searches after an edit are than the same searches warm, in-process, one
 * after another: what searches keep for the next (term sets, word scores, scopes, facet counts) is
 * kept per segment or per index version, so after an edit the next searches read again what changed.
 * Each round runs the same searches once before an edit (warm) and once as soon as the edit is
 * published, then checks that the edit was searchable by then. The server warms each new version with
 * the searches asked most of late before publishing it ({@code search.warmMillis}), as it does in
 * production; the bench's {@code --warm-millis 0} measures without.
 */
final class AfterEdit {

    /** Searches per pass: enough words for a picture, few enough that a pass is "the first searches". */
    static final int SEARCHES = 40;
    /** Longer than the file watcher and a publish take at 100k (the bench's "changed file searchable"). */
    private static final long PUBLISHED_AFTER_MILLIS = 2_000;

    /**
     * Milliseconds per search, median and max: warm; in a pass after the same idle wait as an edit's but
     * without one (what the wait alone costs: caches gone cold while nothing ran); and in the first pass
     * after each edit.
     */
    record Figures(double warmMedian, double warmMax, double idleMedian, double idleMax, double afterMedian,
            double afterMax) {}

    /** Rounds run first and not measured, so the JIT has compiled what searches after an edit run. */
    private static final int UNMEASURED_ROUNDS = 2;

    private final SearchService search;
    private final List<SyntheticHelpCenter.Query> all;
    private final List<SyntheticHelpCenter.Query> pass;
    private final Path content;

    AfterEdit(SearchService search, List<SyntheticHelpCenter.Query> queries, Path content) {
        this.search = search;
        this.all = queries;
        this.pass = queries.subList(0, Math.min(SEARCHES, queries.size()));
        this.content = content;
    }

    /**
     * Warms up with {@code warmUpPasses} passes over all the benchmark's searches, then edits
     * {@code edits} articles, one per round; each round's warm pass follows {@code settlingPasses}
     * unmeasured ones, so the edit before is forgotten.
     */
    Figures measure(int warmUpPasses, int settlingPasses, int edits) throws IOException, InterruptedException {
        for (int i = 0; i < warmUpPasses; i++) {
            timed(all);
        }
        List<Double> warm = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Path> articles = FileChanges.publicEnglishArticles(content, UNMEASURED_ROUNDS + edits);
        for (int i = 0; i < articles.size(); i++) {
            for (int settling = 0; settling < settlingPasses; settling++) {
                timed(pass);
            }
            List<Double> warmPass = timed(pass);
            Thread.sleep(PUBLISHED_AFTER_MILLIS);
            List<Double> idlePass = timed(pass);
            String word = "zqafter" + i + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
            Path file = articles.get(i);
            Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\nEdited: " + word + "\n",
                    StandardCharsets.UTF_8);
            // Waited for, not polled: a search for the edit would itself be one of the first after it.
            Thread.sleep(PUBLISHED_AFTER_MILLIS);
            List<Double> afterPass = timed(pass);
            if (search.search(request(word, "en")).total() == 0) {
                throw new IOException("an edit of " + file + " was not searchable " + PUBLISHED_AFTER_MILLIS
                        + " ms after it: the pass after it was not the first after the edit");
            }
            if (i >= UNMEASURED_ROUNDS || articles.size() <= UNMEASURED_ROUNDS) {
                warm.addAll(warmPass);
                idle.addAll(idlePass);
                after.addAll(afterPass);
            }
        }
        warm.sort(Double::compare);
        idle.sort(Double::compare);
        after.sort(Double::compare);
        return new Figures(warm.get(warm.size() / 2), warm.get(warm.size() - 1), idle.get(idle.size() / 2),
                idle.get(idle.size() - 1), after.get(after.size() / 2), after.get(after.size() - 1));
    }

    /** Each search's time, in milliseconds. */
    private List<Double> timed(List<SyntheticHelpCenter.Query> queries) throws IOException {
        List<Double> millis = new ArrayList<>(queries.size());
        for (SyntheticHelpCenter.Query query : queries) {
            long start = System.nanoTime();
            search.search(request(query.text(), query.locale()));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** As {@code /api/v1/search} asks for an anonymous visitor: top 10 in the locale. */
    private static SearchRequest request(String text, String locale) {
        return new SearchRequest(text, locale, null, null, null, 1, 10, Audience.PUBLIC);
    }
}
