package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final ManualClock time = new ManualClock("2026-12-05T09:00:00Z");
    private final TokenAuthenticator authenticator = new TokenAuthenticator(
            List.of(new TokenAuthenticator.Token("alice", "alice-token-123", Role.AGENT)), SignInThrottle.measuredBy(time));

    @Test
    void anAddressThatKeepsGuessingIsRefusedBeforeItsTokenIsLookedAt() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            assertInstanceOf(TokenAuthenticator.Attempt.Refused.class, authenticator.attempt("guess-" + i, "192.0.2.1"));
        }
        TokenAuthenticator.Attempt right = authenticator.attempt("alice-token-123", "192.0.2.1");
        TokenAuthenticator.Attempt.Throttled throttled = assertInstanceOf(TokenAuthenticator.Attempt.Throttled.class, right,
                "even the right token is not looked at while the address is throttled");
        assertEquals(Duration.ofSeconds(6), throttled.retryAfter(), "one try refills every 60 s / 10");

        assertInstanceOf(TokenAuthenticator.Attempt.Accepted.class, authenticator.attempt("alice-token-123", "192.0.2.2"),
                "another address is not slowed");

        time.advance(Duration.ofSeconds(6));
        assertInstanceOf(TokenAuthenticator.Attempt.Accepted.class, authenticator.attempt("alice-token-123", "192.0.2.1"));
    }

    @Test
    void rightTokensCostNothing() {
        for (int i = 0; i < 100; i++) {
            assertInstanceOf(TokenAuthenticator.Attempt.Accepted.class, authenticator.attempt("alice-token-123", "192.0.2.3"));
        }
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            assertInstanceOf(TokenAuthenticator.Attempt.Refused.class, authenticator.attempt("guess-" + i, "192.0.2.3"),
                    "the whole allowance is still there for wrong tries");
        }
        assertInstanceOf(TokenAuthenticator.Attempt.Throttled.class, authenticator.attempt("guess", "192.0.2.3"));
    }

    @Test
    void guessesSentAllAtOnceGetNoMoreComparisonsThanTheAllowance() throws Exception {
        int guesses = 256;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenAuthenticator.Attempt>> attempts = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "guess-" + i;
            attempts.add(pool.submit(() -> {
                start.await();
                return authenticator.attempt(guess, "192.0.2.9");
            }));
        }
        start.countDown();
        int compared = 0;
        for (Future<TokenAuthenticator.Attempt> attempt : attempts) {
            if (attempt.get() instanceof TokenAuthenticator.Attempt.Refused) {
                compared++;
            }
        }
        pool.shutdown();
        assertEquals(SignInThrottle.FAILURES_PER_MINUTE, compared, "only the allowance is compared, however many race");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertEquals(1, SignInThrottle.seconds(Duration.ofMillis(1)));
        assertEquals(6, SignInThrottle.seconds(Duration.ofMillis(5_001)));
        assertTrue(SignInThrottle.seconds(Duration.ZERO) >= 1);
    }
}
