package dev.kotae.config;

/**
 * How searches are served.
 *
 * @param cacheMegabytes about how much heap the results of repeated searches may take (they are kept per
 *     index version and dropped when content changes); {@code 0} computes every search
 * @param concurrency how many searching requests run at once, the others waiting their turn; {@code 0}
 *     (the default) means one per CPU core, which keeps a burst from slowing every search down
 * @param ranking how text searches are counted and ranked
 * @param warmMillis how long, at most, a new index version is warmed with the recent searches before
 *     searches see it (an edit then becomes searchable up to this much later); {@code 0} does not warm
 */
public record SearchConfig(int cacheMegabytes, int concurrency, Ranking ranking, int warmMillis) {

    /**
     * How a text search counts and ranks its matches. Both give the same pages, totals and facets; the
     * setting lets a Lucene upgrade that changes how Lucene scores ship on Lucene's own path while the
     * exact ranking catches up.
     */
    public enum Ranking {
        /** From the word scores and term sets the index keeps per version, bit for bit as Lucene scores. */
        EXACT,
        /** By Lucene's own collectors over the ranking query (slower: every search reads the postings). */
        LUCENE;

        /** The value as written in the configuration ({@code exact} or {@code lucene}). */
        public static Ranking parse(String value) {
            for (Ranking ranking : values()) {
                if (ranking.name().equalsIgnoreCase(value.strip())) {
                    return ranking;
                }
            }
            throw new IllegalArgumentException("search.ranking must be exact or lucene (got '" + value + "')");
        }
    }

    public static final int DEFAULT_CACHE_MEGABYTES = 64;
    /** Catches a value meant in bytes or kilobytes; a server that wants more is better served by more replicas. */
    public static final int MAX_CACHE_MEGABYTES = 4096;
    /** Half the HTTP threads: the rest stay free for suggestions, pages and health checks. */
    public static final int MAX_CONCURRENCY = 32;
    /**
     * At 100k articles the 40 most asked searches take about 100 ms cold (docs/benchmarks.md); twice
     * that still leaves an edit searchable well within its second.
     */
    public static final int DEFAULT_WARM_MILLIS = 200;
    /** An edit must stay searchable within about a second (docs/benchmarks.md's target). */
    public static final int MAX_WARM_MILLIS = 1_000;

    public SearchConfig {
        if (cacheMegabytes < 0 || cacheMegabytes > MAX_CACHE_MEGABYTES) {
            throw new IllegalArgumentException("search.cacheMegabytes must be 0-" + MAX_CACHE_MEGABYTES
                    + " (0 turns the result cache off)");
        }
        if (concurrency < 0 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("search.concurrency must be 0-" + MAX_CONCURRENCY
                    + " (0 is one per CPU core)");
        }
        if (ranking == null) {
            throw new IllegalArgumentException("search.ranking must be exact or lucene");
        }
        if (warmMillis < 0 || warmMillis > MAX_WARM_MILLIS) {
            throw new IllegalArgumentException("search.warmMillis must be 0-" + MAX_WARM_MILLIS
                    + " (0 does not warm a new index version)");
        }
    }

    public static SearchConfig defaults() {
        return new SearchConfig(DEFAULT_CACHE_MEGABYTES, 0, Ranking.EXACT, DEFAULT_WARM_MILLIS);
    }

    public SearchConfig withCacheMegabytes(int value) {
        return new SearchConfig(value, concurrency, ranking, warmMillis);
    }

    public SearchConfig withConcurrency(int value) {
        return new SearchConfig(cacheMegabytes, value, ranking, warmMillis);
    }

    public SearchConfig withRanking(Ranking value) {
        return new SearchConfig(cacheMegabytes, concurrency, value, warmMillis);
    }

    public SearchConfig withWarmMillis(int value) {
        return new SearchConfig(cacheMegabytes, concurrency, ranking, value);
    }

    /** The cache bound in bytes. */
    public long cacheBytes() {
        return cacheMegabytes * 1024L * 1024L;
    }

    /** How many searches run at once on a machine with {@code cores} CPU cores. */
    public int concurrencyOn(int cores) {
        return concurrency == 0 ? cores : concurrency;
    }

    /** A whole number as typed in an environment variable, for the setting named {@code name}. */
    static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got '" + value + "')");
        }
    }
}
