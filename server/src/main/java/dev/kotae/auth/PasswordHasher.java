package dev.kotae.auth;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes and checks passwords with Argon2id (Spring Security's encoder over Bouncy Castle) at OWASP's
 * recommended parameters: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte random salt and a 32-byte hash.
 * The result is a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carries its own
 * parameters, so stronger ones later still verify old hashes.
 *
 * <p>Each hash takes tens of milliseconds and 19 MiB, so at most as many run at once as there are
 * processors: a flood of sign-ins queues rather than exhausting memory.
 */
public final class PasswordHasher {

    /** The start of every hash this class makes. */
    public static final String PREFIX = "$argon2id$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    /**
     * Compared against when a name is unknown, so that answer takes as long as a wrong password: a hash of
     * a random password nobody kept, made with the same parameters (a constant, so start-up costs nothing).
     */
    static final String DUMMY =
            "$argon2id$v=19$m=19456,t=2,p=1$0rmue+vpn5uemoR5t28dhg$YoEGURuPr/X7nry+l2fVWaKxImAt4Ssh1aIkjxIge7w";

    /** The hash of a (normalized) password, with a fresh salt. The caller checks the policy first. */
    public String hash(String password) {
        return limited(() -> encoder.encode(PasswordPolicy.normalize(password)));
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith(PREFIX) || PasswordPolicy.tooLongToTry(password)) {
            return false;
        }
        return limited(() -> encoder.matches(PasswordPolicy.normalize(password), hash));
    }

    /** Does the work of {@link #matches} against a hash no password is known for; always false. */
    public boolean matchesNothing(String password) {
        matches(password == null ? "" : password, DUMMY);
        return false;
    }

    private <T> T limited(java.util.function.Supplier<T> work) {
        running.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            running.release();
        }
    }
}
