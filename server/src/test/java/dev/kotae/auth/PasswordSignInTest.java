package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password sign-in: right, wrong, unknown and disabled; throttled per account and per address; a browser
 * with a device cookie for the name is throttled as that device, not as the name.
 */
class PasswordSignInTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @TempDir
    Path data;
    private AccountStore store;
    private PasswordSignIn signIn;
    private final ManualClock throttleClock = new ManualClock("2026-12-05T09:00:00Z");
    private static final SigningKey KEY = SigningKey.random();
    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
    private DeviceCookies devices;

    @BeforeEach
    void setUp() throws IOException {
        store = new AccountStore(data.resolve(AccountStore.FILE), HASHER, Clock.systemUTC());
        store.add("hanako", Role.EDITOR, null, null, () -> "hanako's passphrase");
        devices = new DeviceCookies(KEY, CLOCK);
        signIn = new PasswordSignIn(Accounts.open(store, Set.of()), HASHER, SignInThrottle.measuredBy(throttleClock),
                SignInThrottle.measuredBy(throttleClock), devices);
    }

    @Test
    void theRightPasswordSignsInAndEveryFailureLooksTheSame() throws IOException {
        PasswordSignIn.Attempt right = signIn.attempt(" Hanako ", "hanako's passphrase", "10.0.0.1");
        assertEquals("hanako", assertInstanceOf(PasswordSignIn.Attempt.Accepted.class, right).account().name());
        assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt("hanako", "wrong passphrase", "10.0.0.1"));
        assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt("nobody", "hanako's passphrase", "10.0.0.1"));
        assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt(null, null, "10.0.0.1"));
        store.setDisabled("hanako", true);
        assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt("hanako", "hanako's passphrase", "10.0.0.1"));
    }

    @Test
    void wrongPasswordsForOneAccountFromManyAddressesAreThrottledThenAllowedAgain() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt("hanako", "guess " + i, "10.0.1." + i));
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class,
                signIn.attempt("HANAKO", "hanako's passphrase", "10.0.2.1"), "even the right one waits");
        assertEquals(new PasswordSignIn.Attempt.Refused(), signIn.attempt("someone-else", "x", "10.0.2.2"),
                "another name is not slowed");
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class, signIn.attempt("hanako", "x", "10.0.2.3"));
        throttleClock.advance(java.time.Duration.ofMinutes(1));
        assertInstanceOf(PasswordSignIn.Attempt.Accepted.class, signIn.attempt("hanako", "hanako's passphrase", "10.0.2.1"));
    }

    @Test
    void unknownNamesAreThrottledLikeKnownOnes() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            signIn.attempt("nobody", "guess " + i, "10.0.1." + i);
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class, signIn.attempt("nobody", "guess", "10.0.2.1"));
    }

    @Test
    void oneAddressTryingManyNamesIsThrottled() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            signIn.attempt("name" + i, "guess", "10.0.0.9");
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class, signIn.attempt("hanako", "hanako's passphrase", "10.0.0.9"));
        assertInstanceOf(PasswordSignIn.Attempt.Accepted.class, signIn.attempt("hanako", "hanako's passphrase", "10.0.0.8"),
                "another address is not slowed, and neither is the account");
    }

    /** Spends hanako's allowance from many addresses, as someone keeping her out would. */
    private void spendHanakosAllowance() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            signIn.attempt("hanako", "guess " + i, "10.0.9." + i);
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.3.1"), "without a device cookie she waits");
    }

    @Test
    void aBrowserThatSignedInBeforeGetsPastTheNamesThrottleButNotTheAddresss() {
        PasswordSignIn.Attempt first = signIn.attempt("hanako", "hanako's passphrase", "10.0.3.1");
        String cookie = assertInstanceOf(PasswordSignIn.Attempt.Accepted.class, first).deviceCookie();
        spendHanakosAllowance();

        PasswordSignIn.Attempt withCookie = signIn.attempt(" HANAKO ", "hanako's passphrase", "10.0.3.2", cookie);
        PasswordSignIn.Attempt.Accepted accepted = assertInstanceOf(PasswordSignIn.Attempt.Accepted.class, withCookie);
        assertNotEquals(cookie, accepted.deviceCookie(), "each sign-in renews the cookie");

        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            signIn.attempt("someone" + i, "guess", "10.0.3.3");
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.3.3", cookie), "the address's allowance still holds");
    }

    @Test
    void aForgedAlteredOrOtherNamesCookieGivesNothing() throws IOException {
        store.add("jiro", Role.AGENT, null, null, () -> "jiro's passphrase");
        String jirosCookie = assertInstanceOf(PasswordSignIn.Attempt.Accepted.class,
                signIn.attempt("jiro", "jiro's passphrase", "10.0.4.1")).deviceCookie();
        String hanakosCookie = assertInstanceOf(PasswordSignIn.Attempt.Accepted.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.4.1")).deviceCookie();
        spendHanakosAllowance();
        int dot = hanakosCookie.indexOf('.');
        String altered = hanakosCookie.substring(0, dot + 1) + (hanakosCookie.charAt(dot + 1) == 'A' ? 'B' : 'A')
                + hanakosCookie.substring(dot + 2);
        for (String cookie : java.util.List.of(jirosCookie, altered,
                new DeviceCookies(SigningKey.random(), CLOCK).issue("hanako"), "", "x.y", ".", hanakosCookie + "x")) {
            assertInstanceOf(PasswordSignIn.Attempt.Throttled.class,
                    signIn.attempt("hanako", "hanako's passphrase", "10.0.4.2", cookie), cookie);
        }
    }

    @Test
    void aDevicesOwnFailuresAreThrottledWithoutSlowingTheName() {
        String cookie = assertInstanceOf(PasswordSignIn.Attempt.Accepted.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.5.1")).deviceCookie();
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            signIn.attempt("hanako", "guess " + i, "10.0.6." + i, cookie);
        }
        assertInstanceOf(PasswordSignIn.Attempt.Throttled.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.7.1", cookie), "a copied cookie guesses no faster");
        assertInstanceOf(PasswordSignIn.Attempt.Accepted.class,
                signIn.attempt("hanako", "hanako's passphrase", "10.0.7.2"), "the name's allowance was not spent");
    }

    @Test
    void aDeviceCookieExpiresAfterItsLifetime() {
        String cookie = devices.issue("hanako");
        assertTrue(devices.device(cookie, "hanako").isPresent());
        DeviceCookies later = new DeviceCookies(KEY, Clock.offset(CLOCK, DeviceCookies.LIFETIME.minusSeconds(1)));
        assertTrue(later.device(cookie, "hanako").isPresent(), "still valid just before");
        DeviceCookies expired = new DeviceCookies(KEY, Clock.offset(CLOCK, DeviceCookies.LIFETIME));
        assertTrue(expired.device(cookie, "hanako").isEmpty(), "and no longer at its end");
        assertTrue(devices.device(cookie, "hanako2").isEmpty(), "bound to the exact name");
        assertEquals(Duration.ofDays(90), DeviceCookies.LIFETIME);
    }
}
