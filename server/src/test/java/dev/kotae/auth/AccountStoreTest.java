package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file: round trip, refusals, and that it is replaced whole and kept private. */
class AccountStoreTest {

    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String PASSWORD = "ひみつの合言葉-2026";

    @TempDir
    Path data;

    private AccountStore store() {
        return new AccountStore(data.resolve(AccountStore.FILE), HASHER,
                Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anAddedAccountComesBackAsWrittenWithAHashNotThePassword() throws IOException {
        AccountStore store = store();
        assertEquals(List.of(), store.load(), "no file, no accounts");
        Account added = store.add("Hanako.Sato", Role.EDITOR, "hanako@example.com", "佐藤 花子", () -> PASSWORD);
        assertEquals("hanako.sato", added.name(), "names are kept in lower case");

        Account read = new AccountStore(store.file(), HASHER, Clock.systemUTC()).find("HANAKO.sato").orElseThrow();
        assertEquals(added, read);
        assertEquals(Role.EDITOR, read.role());
        assertEquals("hanako@example.com", read.email());
        assertEquals("佐藤 花子", read.displayName());
        assertEquals(Instant.parse("2026-12-05T09:00:00Z"), read.created());
        assertTrue(read.passwordHash().startsWith(PasswordHasher.PREFIX), read.passwordHash());
        assertTrue(HASHER.matches(PASSWORD, read.passwordHash()));
        String file = Files.readString(store.file(), StandardCharsets.UTF_8);
        assertFalse(file.contains(PASSWORD), file);
        assertTrue(file.contains("\"role\" : \"editor\""), file);
        assertFalse(read.toString().contains(read.passwordHash()), "toString leaves the hash out: " + read);
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
        AccountStore store = store();
        store.add("taro", Role.AGENT, null, null, () -> PASSWORD);
        store.setRole("taro", Role.ADMIN);
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(store.file()), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(store.file())));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(Set.of("accounts.json", "accounts.json.lock"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void aRefusedChangeLeavesTheFileAsItWas() throws IOException {
        AccountStore store = store();
        store.add("taro", Role.AGENT, null, null, () -> PASSWORD);
        byte[] before = Files.readAllBytes(store.file());
        Object inode = Files.readAttributes(store.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        AccountException duplicate = assertThrows(AccountException.class,
                () -> store.add("TARO", Role.ADMIN, null, null, () -> "another-password"));
        assertEquals(AccountException.Kind.DUPLICATE, duplicate.kind());
        assertEquals(AccountException.Kind.UNKNOWN,
                assertThrows(AccountException.class, () -> store.setDisabled("jiro", true)).kind());
        assertEquals(AccountException.Kind.WEAK_PASSWORD,
                assertThrows(AccountException.class, () -> store.resetPassword("taro", () -> "short")).kind());
        assertEquals(AccountException.Kind.INVALID,
                assertThrows(AccountException.class, () -> store.add("-bad", Role.AGENT, null, null, () -> PASSWORD)).kind());
        assertEquals(AccountException.Kind.INVALID, assertThrows(AccountException.class,
                () -> store.add("jiro", Role.AGENT, "not an address", null, () -> PASSWORD)).kind());

        Supplier<String> notToBeAsked = () -> fail("the password is asked for only when it will be used");
        assertEquals(AccountException.Kind.DUPLICATE,
                assertThrows(AccountException.class, () -> store.add("taro", Role.AGENT, null, null, notToBeAsked)).kind());
        assertEquals(AccountException.Kind.INVALID, assertThrows(AccountException.class,
                () -> store.add("jiro", Role.AGENT, null, "bad\u0000name", notToBeAsked)).kind());
        assertEquals(AccountException.Kind.UNKNOWN,
                assertThrows(AccountException.class, () -> store.resetPassword("jiro", notToBeAsked)).kind());

        assertArrayEquals(before, Files.readAllBytes(store.file()));
        assertEquals(inode, Files.readAttributes(store.file(),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "not even rewritten");
    }

    @Test
    void eachChangeReplacesTheFileWholeByRenaming() throws IOException {
        AccountStore store = store();
        store.add("taro", Role.AGENT, null, null, () -> PASSWORD);
        Object first = Files.readAttributes(store.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        store.setDisabled("taro", true);
        Object second = Files.readAttributes(store.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertNotEquals(first, second, "a new file renamed over the old one, not the old one rewritten in place");
    }

    @Test
    void disableEnableRoleAndResetChangeWhatTheyShould() throws IOException {
        AccountStore store = store();
        Account added = store.add("taro", Role.AGENT, null, null, () -> PASSWORD);

        assertTrue(store.setDisabled("taro", true).disabled());
        assertTrue(store.find("taro").orElseThrow().disabled());
        assertFalse(store.setDisabled("Taro", false).disabled());
        assertEquals(Role.EDITOR, store.setRole("taro", Role.EDITOR).role());

        Account reset = store.resetPassword("taro", () -> "a new passphrase");
        assertNotEquals(added.passwordHash(), reset.passwordHash());
        assertTrue(HASHER.matches("a new passphrase", store.find("taro").orElseThrow().passwordHash()));
        assertFalse(HASHER.matches(PASSWORD, store.find("taro").orElseThrow().passwordHash()));
        assertNotEquals(reset.passwordHash(), store.resetPassword("taro", () -> "a new passphrase").passwordHash(),
                "the same password again still gets a new hash (and so ends sessions)");
    }

    @Test
    void aBrokenFileIsReportedNotGuessedAt() throws IOException {
        AccountStore store = store();
        Files.writeString(store.file(), "{\"accounts\": [{\"name\": \"taro\", \"role\": \"boss\"}]}");
        IOException bad = assertThrows(IOException.class, store::load);
        assertTrue(bad.getMessage().contains("taro"), bad.getMessage());
        Files.writeString(store.file(), "{ not json");
        assertThrows(IOException.class, store::load);
    }
}
