package dev.kotae.kept;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalListener;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongBiFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOFunction;

/**
 * Values that belong to a Lucene reader, kept until Lucene closes it: an index version's (its
 * top-level reader's {@link IndexReader#getReaderCacheHelper cache key}) or a segment's (its
 * {@link org.apache.lucene.index.LeafReader#getCoreCacheHelper core key}, shared by every version
 * that has the segment, whatever was deleted from it since). A reader's values are dropped by the
 * {@link IndexReader.CacheHelper#addClosedListener closed listener} Lucene calls when the reader is
 * closed, as Lucene's own query cache does; so nothing kept is ever served for another reader. A key
 * may hold readers of its owner's (a scope's searcher, say): it is dropped with them, so nothing kept
 * holds a closed reader. The listener drops just that reader's values, tracked per reader, rather than
 * scanning the whole cache: it runs on the thread that closes the reader, typically a search releasing
 * the version before an edit. All readers' values share one bound, by weight or by count, within which
 * Caffeine keeps the ones asked for most.
 *
 * <p>Not a memo: two searches that miss the same key at once both read it, rather than one waiting for
 * the other.
 */
public final class Kept<K, V> implements Usage {

    /** A key of one reader's; the owner is Lucene's identity key, which does not hold the reader. */
    private record Owned<K>(IndexReader.CacheKey owner, K key) {}

    /**
     * What one kept value costs beside its own bytes, counted in every weight: the key (a term, say, with
     * its bytes), the owner pair, Caffeine's entry and the two hash-map nodes. Without it an empty value
     * (the term set of a term no article has) would weigh nothing and never be evicted, so queries for ever
     * new terms could fill the heap (docs/benchmarks.md, log 2026-12-06).
     */
    static final int ENTRY_BYTES = 256;

    /** Each open reader's keys now in {@link #values}: what its closed listener drops. */
    private final Map<IndexReader.CacheKey, Set<Owned<K>>> keysByOwner = new ConcurrentHashMap<>();
    private final Cache<Owned<K>, V> values;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param bytes how much a key and its value weigh, or {@code null} to bound by count */
    private Kept(long bound, ToLongBiFunction<K, V> bytes) {
        // The eviction listener runs inside the atomic removal of the entry, so an owner's key set never
        // misses a kept key.
        RemovalListener<Owned<K>, V> forget = (owned, value, cause) -> forget(owned);
        this.values = bytes == null
                ? Caches.onCallingThread().maximumSize(bound).evictionListener(forget).build()
                : Caches.byWeight(bound, (Owned<K> owned, V value) -> ENTRY_BYTES + bytes.applyAsLong(owned.key(), value))
                        .evictionListener(forget).build();
    }

    /**
     * Values within about {@code maxBytes} of heap, a value weighing {@code bytes} plus {@link #ENTRY_BYTES}
     * for its key and entry, so that however small the values, their number is bounded too.
     */
    public static <K, V> Kept<K, V> byWeight(long maxBytes, ToLongBiFunction<K, V> bytes) {
        return new Kept<>(maxBytes, bytes);
    }

    /** At most {@code maxValues} values. */
    public static <K, V> Kept<K, V> bySize(long maxValues) {
        return new Kept<>(maxValues, null);
    }

    /**
     * The value kept for {@code key} of {@code owner}, else what {@code read} reads (then kept, if
     * Caffeine admits it). A reader without a cache helper keeps nothing: each call reads.
     *
     * @param owner the reader whose state the value is derived from; it must be open
     */
    public V get(IndexReader.CacheHelper owner, K key, IOFunction<K, V> read) throws IOException {
        if (owner == null) {
            return read.apply(key);
        }
        Owned<K> owned = new Owned<>(owner.getKey(), key);
        V known = values.getIfPresent(owned);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        V computed = read.apply(key);
        Set<Owned<K>> keys = keysByOwner.computeIfAbsent(owned.owner(), first -> {
            owner.addClosedListener(this::release);
            return ConcurrentHashMap.newKeySet();
        });
        // Tracked within the put's atomic step, so an eviction of the same key cannot come in between.
        values.asMap().compute(owned, (same, before) -> {
            keys.add(same);
            return computed;
        });
        return computed;
    }

    private void forget(Owned<K> owned) {
        Set<Owned<K>> keys = keysByOwner.get(owned.owner());
        if (keys != null) {
            keys.remove(owned);
        }
    }

    private void release(IndexReader.CacheKey owner) {
        Set<Owned<K>> keys = keysByOwner.remove(owner);
        if (keys != null) {
            values.invalidateAll(keys);
        }
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public long misses() {
        return misses.sum();
    }

    /**
     * The weighed size now. Caffeine applies writes to it on another thread, so it is brought up to date
     * first: a figure read right after a search shows that search (read per scrape, never per search).
     */
    @Override
    public long bytes() {
        values.cleanUp();
        return values.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many values are kept now. */
    public long size() {
        return values.estimatedSize();
    }
}
