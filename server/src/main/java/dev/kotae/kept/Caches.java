package dev.kotae.kept;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.ToLongBiFunction;

/**
 * How Kotae bounds what it keeps, in one place: Caffeine, with its evictions run on the thread that
 * caused them, not on the common pool a 2-core machine shares with everything else (so the bound also
 * holds as soon as a put returns). {@link Kept} builds on it for what belongs to an index reader; what
 * depends on a text alone (a query's tokens, a suggestion's prefix query, a stored query's spelling)
 * uses it directly.
 */
public final class Caches {

    private Caches() {}

    /** A Caffeine builder whose maintenance and evictions run on the calling thread. */
    public static Caffeine<Object, Object> onCallingThread() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }

    /**
     * A builder of a cache within about {@code maxBytes}, each entry weighing what {@code bytes} says
     * (capped at {@link Integer#MAX_VALUE}, Caffeine's largest weight).
     */
    public static <K, V> Caffeine<K, V> byWeight(long maxBytes, ToLongBiFunction<? super K, ? super V> bytes) {
        return onCallingThread().maximumWeight(maxBytes)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, bytes.applyAsLong(key, value)));
    }
}
