package dev.kotae.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts as the running server sees them: the accounts file, read again whenever it changed, so that
 * {@code kotae users disable|reset|role} takes effect on that person's next request without a restart.
 *
 * <p>Each look-up compares the file's stamp (its file key, which every atomic rewrite changes, its size
 * and modification time) with the one last read: one {@code stat}, no read, while nothing changed.
 *
 * <p>A file that cannot be read at start-up stops the server; one that becomes unreadable later (a bad
 * hand edit) signs nobody in by password until it is fixed, rather than keep an account that the edit meant
 * to disable. An account whose name a configured API token also uses is refused at start-up and ignored
 * (with a warning) if it appears later: a name is one person.
 */
public final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    /** One reading of the file: the accounts by name. A new object on every change (sessions rely on that). */
    public record Snapshot(Map<String, Account> byName) {
        public Snapshot {
            byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        }

        static final Snapshot EMPTY = new Snapshot(Map.of());
    }

    private record Stamp(Object fileKey, long size, FileTime modified) {}

    /** @param problem why the file could not be read when this was taken, or {@code null} */
    private record Current(Stamp stamp, Snapshot snapshot, String problem) {}

    private final AccountStore store;
    private final Set<String> tokenNames;
    private volatile Current current;

    private Accounts(AccountStore store, Set<String> tokenNames, Current current) {
        this.store = store;
        this.tokenNames = tokenNames;
        this.current = current;
    }

    /**
     * Reads the accounts file for the server.
     *
     * @param tokenNames the names of the configured API tokens, which no account may also have
     * @throws IOException if the file is unreadable or an account shares a token's name
     */
    public static Accounts open(AccountStore store, Set<String> tokenNames) throws IOException {
        Set<String> reserved = tokenNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Stamp stamp = stamp(store);
        List<Account> accounts = store.load();
        List<String> clashes = accounts.stream().map(Account::name).filter(reserved::contains).toList();
        if (!clashes.isEmpty()) {
            throw new IOException("these names are both an account in " + store.file() + " and a configured API token: "
                    + clashes + "; rename the token (auth.tokens / KOTAE_AUTH_TOKENS) or remove the account");
        }
        return new Accounts(store, Set.copyOf(reserved), new Current(stamp, snapshot(accounts, reserved), null));
    }

    /** The accounts now, read again first if the file changed since the last look. */
    public Snapshot snapshot() {
        Current seen = current;
        Stamp now;
        try {
            now = stamp(store);
        } catch (IOException e) {
            return replace(seen, null, Snapshot.EMPTY, "the accounts file cannot be checked: " + e.getMessage());
        }
        if (Objects.equals(now, seen.stamp())) {
            return seen.snapshot();
        }
        try {
            return replace(seen, now, snapshot(store.load(), tokenNames), null);
        } catch (IOException e) {
            return replace(seen, now, Snapshot.EMPTY, e.getMessage() + "; nobody can sign in with a password until"
                    + " it is fixed");
        }
    }

    private synchronized Snapshot replace(Current seen, Stamp stamp, Snapshot snapshot, String problem) {
        if (current != seen) {
            return current.snapshot(); // another thread read the change first
        }
        if (problem == null) {
            LOG.info("Accounts file changed: {} account(s)", snapshot.byName().size());
        } else if (!problem.equals(seen.problem())) { // once, not on every request while it lasts
            LOG.error("Accounts: {}", problem);
        }
        current = new Current(stamp, snapshot, problem);
        return snapshot;
    }

    /** The account of a name as typed (any case), if there is one; disabled ones too. */
    public Optional<Account> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot().byName().get(Account.fold(name)));
    }

    /**
     * The e-mail address of an account, for naming the author of what that person changed (commit author).
     * Empty for an unknown name, a token's name or an account without one.
     */
    public Optional<String> email(String name) {
        return find(name).map(Account::email);
    }

    public int size() {
        return snapshot().byName().size();
    }

    private static Snapshot snapshot(List<Account> accounts, Set<String> tokenNames) {
        Map<String, Account> byName = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (tokenNames.contains(account.name())) {
                LOG.warn("Accounts: '{}' is also the name of a configured API token; the account is ignored",
                        account.name());
            } else {
                byName.put(account.name(), account);
            }
        }
        return new Snapshot(byName);
    }

    private static Stamp stamp(AccountStore store) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(store.file(), BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
