package dev.kotae.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.apache.lucene.util.IOFunction;

/**
 * What searches of one index version read from the index and keep for the next ones ({@link TermMatches},
 * {@link WordScores}): bounded by an estimate of its heap, with Caffeine keeping what is asked for most
 * when one-off keys stream through. A new version starts empty, so nothing kept is ever stale.
 */
public final class KeptPerVersion<K, V> {

    /** How the kept values of all versions are used, for {@code /metrics}; one per index and kind. */
    public static final class Usage {
        private final LongAdder hits = new LongAdder();
        private final LongAdder misses = new LongAdder();
        // Weak: the values hold their version's readers, which must not outlive it for a figure in /metrics.
        private volatile WeakReference<KeptPerVersion<?, ?>> newest = new WeakReference<>(null);

        /** Values read from the kept ones. */
        public long hits() {
            return hits.sum();
        }

        /** Values read from the index because none was kept. */
        public long misses() {
            return misses.sum();
        }

        /** About the heap the kept values of the newest searched version take. */
        public long bytes() {
            KeptPerVersion<?, ?> known = newest.get();
            return known == null ? 0
                    : known.kept.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }
    }

    private final Usage usage;
    private final Cache<K, V> kept;

    KeptPerVersion(Usage usage, long maxBytes, ToLongFunction<V> bytes) {
        this.usage = usage;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, bytes.applyAsLong(value)))
                .executor(Runnable::run) // evict on the searching thread: no pool for an index version
                .build();
        usage.newest = new WeakReference<>(this);
    }

    /** The value kept for {@code key}, or the one {@code read} reads, then kept if Caffeine admits it. */
    V get(K key, IOFunction<K, V> read) throws IOException {
        V known = kept.getIfPresent(key);
        if (known != null) {
            usage.hits.increment();
        } else {
            usage.misses.increment();
            // Not read under the cache's lock: two searches for a new key read it twice rather than wait.
            known = read.apply(key);
            kept.put(key, known);
        }
        return known;
    }
}
