package dev.kotae.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down token and password guessing: each client address (or, for passwords, each account name; a
 * throttle is keyed by whatever its user passes) may fail to sign in (a wrong bearer token, a wrong token
 * or password on the sign-in page) {@link #FAILURES_PER_MINUTE} times in a burst, then once every few seconds
 * as its allowance refills. While an address has no allowance left, its tries are refused before the
 * token is even compared, so a right guess made then does not count either. Successful sign-ins cost
 * nothing, so an agent with the right token is never slowed by its own use.
 *
 * <p>One token bucket (Bucket4j) per address, kept while it is used and a minute after, at most
 * {@link #MAX_ADDRESSES} of them: an address forgotten under a flood of others starts over with a full
 * allowance, which bounds memory rather than the guessing rate of a botnet.
 */
public final class SignInThrottle {

    /** Failed tries an address may make at once, and per minute after that. */
    public static final int FAILURES_PER_MINUTE = 10;
    static final int MAX_ADDRESSES = 100_000;

    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterAccess(Duration.ofMinutes(1)) // by then a bucket has refilled and is like a new one
            .build();

    private SignInThrottle(TimeMeter clock) {
        this.clock = clock;
    }

    /**
     * A throttle whose allowances refill as {@code clock} moves: the system clock in production, a clock
     * a test moves forward to see an allowance come back without waiting.
     */
    public static SignInThrottle measuredBy(java.time.Clock clock) {
        return new SignInThrottle(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        });
    }

    /**
     * Takes one try from {@code address}'s allowance before its token is compared: empty if it may try
     * now, else how long it must wait. Taking first, in one step, is what holds the limit when many
     * guesses arrive at once; a try that turns out right is given back with {@link #succeeded}.
     */
    public Optional<Duration> tryToSignIn(String address) {
        ConsumptionProbe probe = buckets.get(address, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(FAILURES_PER_MINUTE)
                        .refillGreedy(FAILURES_PER_MINUTE, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(clock)
                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back the try a right token took: only failures count. */
    public void succeeded(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Whole seconds to wait, at least one: the value of a {@code Retry-After} header. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
