package dev.kotae.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The accounts file ({@code accounts.json} in the data folder): reads it, and changes it whole or not at
 * all. A change is written to a temporary file readable by its owner only (where the file system has
 * POSIX permissions), forced to disk and renamed over the old file, so a reader (the running server) sees
 * the old list or the new one, never half of one. Changes are serialized by a lock file beside it, so two
 * commands run at once do not lose each other's change.
 *
 * <p>The file holds password hashes, never passwords.
 */
public final class AccountStore {

    /** The file's name in the data folder. */
    public static final String FILE = "accounts.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** One change at a time in this JVM too: a file lock is held per process, not per thread. */
    private static final Object CHANGING = new Object();

    /** One account as the file spells it (the role in lower case). */
    private record Entry(String name, String role, String email, String displayName, String passwordHash,
            boolean disabled, Instant created, Instant passwordChanged, Instant accessChanged) {}

    private record Contents(int format, List<Entry> accounts) {}

    private final Path file;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AccountStore(Path file, PasswordHasher hasher, Clock clock) {
        this.file = file;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The store of the accounts file in {@code dataFolder}. */
    public static AccountStore inDataFolder(Path dataFolder, PasswordHasher hasher) {
        return new AccountStore(dataFolder.resolve(FILE), hasher, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /**
     * Every account, ordered by name; none when the file does not exist.
     *
     * @throws IOException if the file cannot be read or is not a valid accounts file (the message says where)
     */
    public List<Account> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return parse(bytes);
    }

    /** The accounts in a file's bytes. */
    private List<Account> parse(byte[] bytes) throws IOException {
        Contents contents;
        try {
            contents = JSON.readValue(bytes, Contents.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a valid accounts file: " + e.getOriginalMessage(), e);
        }
        if (contents == null || contents.accounts() == null) {
            throw new IOException(file + " is not a valid accounts file: it has no \"accounts\" list");
        }
        List<Account> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry entry : contents.accounts()) {
            Account account;
            try {
                account = new Account(entry.name(), Role.parse(entry.role()), entry.email(), entry.displayName(),
                        entry.passwordHash(), entry.disabled(), entry.created(), entry.passwordChanged(),
                        entry.accessChanged() != null ? entry.accessChanged() : entry.passwordChanged());
            } catch (RuntimeException e) {
                throw new IOException(file + ": the account '" + entry.name() + "' is not valid: " + e.getMessage());
            }
            if (!names.add(account.name())) {
                throw new IOException(file + ": the name '" + account.name() + "' is there twice");
            }
            accounts.add(account);
        }
        accounts.sort(Comparator.comparing(Account::name));
        return List.copyOf(accounts);
    }

    /** One account by name, regardless of case. */
    public Optional<Account> find(String name) throws IOException {
        String wanted = Account.fold(name);
        return load().stream().filter(a -> a.name().equals(wanted)).findFirst();
    }

    /**
     * Adds an account with a new password. {@code password} is asked for only once the name, e-mail address
     * and display name are valid and, under the lock, the name is free: a person typing it does not type
     * it in vain. Other changes to the accounts file wait meanwhile.
     *
     * @throws AccountException {@code DUPLICATE} if the name is taken, {@code WEAK_PASSWORD}, or {@code INVALID}
     */
    public Account add(String name, Role role, String email, String displayName, Supplier<String> password)
            throws IOException {
        Instant now = clock.instant();
        // Checks the name, e-mail address and display name before anything else.
        Account draft = new Account(name, role, email, displayName, "-", false, now, now, now);
        Account[] added = new Account[1];
        change(accounts -> {
            if (accounts.stream().anyMatch(a -> a.name().equals(draft.name()))) {
                throw new AccountException(AccountException.Kind.DUPLICATE, "an account named '" + draft.name()
                        + "' already exists");
            }
            added[0] = new Account(draft.name(), role, draft.email(), draft.displayName(), hash(password),
                    false, now, now, now);
            List<Account> changed = new ArrayList<>(accounts);
            changed.add(added[0]);
            return changed;
        });
        return added[0];
    }

    /**
     * Gives an account a new password (a new salt and hash even if it is the same password); {@code
     * password} is asked for only once the account is known to exist.
     */
    public Account resetPassword(String name, Supplier<String> password) throws IOException {
        Instant now = clock.instant();
        return update(name, a -> a.withPasswordHash(hash(password), now));
    }

    /** The hash of the password {@code password} gives, if the policy allows it. */
    private String hash(Supplier<String> password) {
        String typed = password.get();
        PasswordPolicy.check(typed);
        return hasher.hash(typed);
    }

    /** Disables or enables an account; either ends its sessions. Unchanged if it already was so. */
    public Account setDisabled(String name, boolean disabled) throws IOException {
        Instant now = clock.instant();
        return update(name, a -> a.disabled() == disabled ? a : a.withDisabled(disabled, now));
    }

    /** Gives an account another role, which ends its sessions. Unchanged if it already had it. */
    public Account setRole(String name, Role role) throws IOException {
        Instant now = clock.instant();
        return update(name, a -> a.role() == role ? a : a.withRole(role, now));
    }

    private Account update(String name, UnaryOperator<Account> edit) throws IOException {
        String wanted = Account.normalizeName(name);
        Account[] result = new Account[1];
        change(accounts -> {
            List<Account> changed = new ArrayList<>();
            for (Account account : accounts) {
                if (account.name().equals(wanted)) {
                    result[0] = edit.apply(account);
                    changed.add(result[0]);
                } else {
                    changed.add(account);
                }
            }
            if (result[0] == null) {
                throw new AccountException(AccountException.Kind.UNKNOWN, "no account named '" + wanted + "'");
            }
            return changed;
        });
        return result[0];
    }

    /** Reads, changes and writes the list under the lock; nothing is written if {@code edit} throws. */
    private void change(UnaryOperator<List<Account>> edit) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        synchronized (CHANGING) {
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                write(edit.apply(load()));
            }
        }
    }

    private void write(List<Account> accounts) throws IOException {
        List<Entry> entries = accounts.stream().sorted(Comparator.comparing(Account::name))
                .map(a -> new Entry(a.name(), a.role().name().toLowerCase(Locale.ROOT), a.email(), a.displayName(),
                        a.passwordHash(), a.disabled(), a.created(), a.passwordChanged(), a.accessChanged()))
                .toList();
        byte[] bytes = JSON.writeValueAsBytes(new Contents(FORMAT, entries));
        AtomicFiles.writeOwnerOnly(file, bytes);
    }
}
