package dev.kotae.config;

/**
 * How searches are served.
 *
 * @param cacheMegabytes about how much heap the results of repeated searches may take (they are kept per
 *     index version and dropped when content changes); {@code 0} computes every search
 */
public record SearchConfig(int cacheMegabytes) {

    public static final int DEFAULT_CACHE_MEGABYTES = 64;
    /** Catches a value meant in bytes or kilobytes; a server that wants more is better served by more replicas. */
    public static final int MAX_CACHE_MEGABYTES = 4096;

    public SearchConfig {
        if (cacheMegabytes < 0 || cacheMegabytes > MAX_CACHE_MEGABYTES) {
            throw new IllegalArgumentException("search.cacheMegabytes must be 0-" + MAX_CACHE_MEGABYTES
                    + " (0 turns the result cache off)");
        }
    }

    public static SearchConfig defaults() {
        return new SearchConfig(DEFAULT_CACHE_MEGABYTES);
    }

    /** The cache bound in bytes. */
    public long cacheBytes() {
        return cacheMegabytes * 1024L * 1024L;
    }

    /** Megabytes as typed in an environment variable. */
    static SearchConfig parse(String megabytes) {
        try {
            return new SearchConfig(Integer.parseInt(megabytes.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("search.cacheMegabytes must be a whole number (got '" + megabytes
                    + "')");
        }
    }
}
