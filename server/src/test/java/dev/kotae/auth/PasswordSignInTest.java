package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password sign-in: right, wrong, unknown and disabled; throttled per account and per address. */
class PasswordSignInTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @TempDir
    Path data;
    private AccountStore store;
    private PasswordSignIn signIn;
    private long nanos;

    @BeforeEach
    void setUp() throws IOException {
        store = new AccountStore(data.resolve(AccountStore.FILE), HASHER, Clock.systemUTC());
        store.add("hanako", Role.EDITOR, null, null, "hanako's passphrase");
        io.github.bucket4j.TimeMeter meter = new io.github.bucket4j.TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos;
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        signIn = new PasswordSignIn(Accounts.open(store, Set.of()), HASHER, new SignInThrottle(meter),
                new SignInThrottle(meter));
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
        nanos += java.time.Duration.ofMinutes(1).toNanos();
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
}
