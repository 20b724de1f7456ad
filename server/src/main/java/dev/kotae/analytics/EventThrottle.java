package dev.kotae.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many anonymous events one client address may post: a token bucket per address (Bucket4j) holding
 * {@code perMinute} events and refilled at that rate, so a visitor's few clicks and widget events always
 * pass while a script posting thousands is turned away. Buckets of addresses not seen for a while are
 * forgotten (Caffeine, bounded), so memory stays bounded whatever the number of addresses.
 */
public final class EventThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    public EventThrottle(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("events per minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /**
     * Takes one event from the address's allowance.
     *
     * @return empty when the event may be recorded; otherwise how many seconds until it may (at least 1)
     */
    public OptionalLong admit(String address) {
        Bucket bucket = buckets.get(address == null ? "" : address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
