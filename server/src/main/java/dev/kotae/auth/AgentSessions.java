package dev.kotae.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signed-in web sessions: an agent proves a token once on the sign-in page and then carries a signed
 * session id in a cookie instead of the token. The id holds when it expires (a fixed time after sign-in,
 * an agent's shift), a nonce, and a fingerprint of the caller's configured tokens, signed with the
 * {@link SigningKey}. Nothing is kept on the server, so every replica that shares the key accepts a
 * session another one started, and a restart signs nobody out.
 *
 * <p>A session ends when it expires, when the tokens of its caller change (a token rotated, removed or
 * given another role: the fingerprint no longer matches), when the signing key changes, or on sign-out.
 * A person's session ({@link Accounts}) has a fingerprint of the account's name, role, password hash,
 * disabled flag and when those last changed instead, looked up in the accounts as they are now: it ends
 * on that person's next request once the account is disabled, its password reset or its role changed (on
 * each replica once its copy of the accounts file has the change).
 * Sign-out deletes the cookie in the browser and is remembered by the replica that saw it until the
 * session would have expired; another replica would still accept a copy of that cookie taken before
 * sign-out (docs/operations.md says so, and how to end every session at once).
 */
public final class AgentSessions {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** The body after the expiry and the nonce ({@link SignedValues}): the caller's fingerprint. */
    private static final int FINGERPRINT = 16;
    /** Longer ids are none of ours: refused before decoding. */
    private static final int MAX_LENGTH = 200;
    /** Ids signed out here are remembered at most this many at once; a flood of sign-outs forgets the oldest. */
    static final int MAX_SIGNED_OUT = 100_000;

    private final byte[] key;
    private final SignedValues ids;
    private final Duration lifetime;
    /** Each signed-in caller by the fingerprint of its tokens. */
    private final Map<ByteBuffer, Caller> callers = new HashMap<>();
    private final Map<Caller, byte[]> fingerprints = new HashMap<>();
    private final Cache<String, Boolean> signedOut;
    /** The named accounts, or {@code null} when only tokens sign in. */
    private final Accounts accounts;
    /** The enabled accounts' callers by fingerprint, for the accounts snapshot they were computed from. */
    private volatile AccountFingerprints accountFingerprints = new AccountFingerprints(null, Map.of());

    private record AccountFingerprints(Accounts.Snapshot snapshot, Map<ByteBuffer, Caller> callers) {}

    /**
     * @param tokens the configured tokens: a session is valid only while its caller's tokens are unchanged
     * @param accounts the named accounts: a person's session is valid only while their account is unchanged;
     *     {@code null} when only tokens sign in
     * @param clock when a session starts and expires
     */
    public AgentSessions(Duration lifetime, SigningKey signing, List<TokenAuthenticator.Token> tokens, Accounts accounts,
            Clock clock) {
        this.accounts = accounts;
        this.lifetime = lifetime;
        this.key = signing.derive("session");
        this.ids = new SignedValues(key, MAX_LENGTH, clock);
        this.signedOut = Caffeine.newBuilder().maximumSize(MAX_SIGNED_OUT).expireAfterWrite(lifetime).build();
        Map<Caller, List<TokenAuthenticator.Token>> byCaller = tokens.stream()
                .collect(Collectors.groupingBy(t -> new Caller(t.name(), t.role())));
        byCaller.forEach((caller, own) -> {
            byte[] fingerprint = fingerprint(caller, own);
            callers.put(ByteBuffer.wrap(fingerprint), caller);
            fingerprints.put(caller, fingerprint);
        });
    }

    /** Starts a session for a caller that signed in with one of its tokens and returns its id (URL-safe). */
    public String start(Caller caller) {
        byte[] fingerprint = caller.isAnonymous() ? null : fingerprints.get(caller);
        if (fingerprint == null) {
            throw new IllegalArgumentException("only a caller with a configured token has a session");
        }
        return issue(fingerprint);
    }

    /**
     * Starts a session for a person who signed in with their password and returns its id (URL-safe). The
     * session is bound to the account as given: if it changed meanwhile, the session is already over.
     */
    public String start(Account account) {
        if (account.disabled()) {
            throw new IllegalArgumentException("a disabled account has no session");
        }
        return issue(fingerprint(account));
    }

    private String issue(byte[] fingerprint) {
        return ids.seal(fingerprint, lifetime);
    }

    /** The caller of a live session, or empty for an unknown, forged, ended or expired id. */
    public Optional<Caller> caller(String id) {
        if (id == null || signedOut.getIfPresent(id) != null) {
            return Optional.empty();
        }
        return ids.open(id).filter(read -> read.remaining() == SignedValues.RANDOM + FINGERPRINT).flatMap(read -> {
            ByteBuffer fingerprint = read.position(SignedValues.RANDOM).slice();
            Caller holder = callers.get(fingerprint);
            return holder != null ? Optional.of(holder) : Optional.ofNullable(accountCallers().get(fingerprint));
        });
    }

    /** The enabled accounts' callers by fingerprint, computed again whenever the accounts changed. */
    private Map<ByteBuffer, Caller> accountCallers() {
        if (accounts == null) {
            return Map.of();
        }
        Accounts.Snapshot now = accounts.snapshot();
        AccountFingerprints known = accountFingerprints;
        if (known.snapshot() == now) {
            return known.callers();
        }
        Map<ByteBuffer, Caller> byFingerprint = new HashMap<>();
        for (Account account : now.byName().values()) {
            if (!account.disabled()) {
                byFingerprint.put(ByteBuffer.wrap(fingerprint(account)), account.caller());
            }
        }
        accountFingerprints = new AccountFingerprints(now, Map.copyOf(byFingerprint));
        return byFingerprint;
    }

    /** Ends a session (sign-out) on this server; unknown ids are ignored. */
    public void end(String id) {
        if (caller(id).isPresent()) {
            signedOut.put(id, Boolean.TRUE);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Depends on everything that decides what the person may do: name, role, password hash and disabled
     * flag, and when those last changed (so undoing a change does not bring old sessions back). Starts
     * with a line no token fingerprint has, so the two kinds never collide.
     */
    private byte[] fingerprint(Account account) {
        String text = "account\n" + account.name() + '\n' + account.role().name() + '\n' + account.passwordHash()
                + '\n' + account.disabled() + '\n' + account.accessChanged();
        return Arrays.copyOf(SigningKey.hmac(key, text.getBytes(StandardCharsets.UTF_8)), FINGERPRINT);
    }

    /** Depends on the caller and on every one of its token's digests, in a fixed order. */
    private byte[] fingerprint(Caller caller, List<TokenAuthenticator.Token> tokens) {
        StringBuilder text = new StringBuilder(caller.name()).append('\n').append(caller.role().name());
        tokens.stream().map(t -> ENCODER.encodeToString(TokenAuthenticator.digest(t.token())))
                .sorted(Comparator.naturalOrder()).forEach(digest -> text.append('\n').append(digest));
        return Arrays.copyOf(SigningKey.hmac(key, text.toString().getBytes(StandardCharsets.UTF_8)), FINGERPRINT);
    }
}
