package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's session lives as long as their account is unchanged: it follows the accounts file, and ends
 * when the account is disabled, its password reset or its role changed.
 */
class AccountSessionsTest {

    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final List<TokenAuthenticator.Token> TOKENS =
            List.of(new TokenAuthenticator.Token("team", "team-token-0123456789", Role.AGENT));

    @TempDir
    Path data;
    private AccountStore store;
    private Accounts accounts;
    private AgentSessions sessions;
    /** Moves on with each change, as the real clock would between two commands. */

    @BeforeEach
    void setUp() throws IOException {
        store = new AccountStore(data.resolve(AccountStore.FILE), HASHER, ManualClock.ticking("2026-12-05T09:00:00Z", Duration.ofSeconds(1)));
        store.add("hanako", Role.EDITOR, null, null, () -> "first passphrase");
        store.add("taro", Role.AGENT, null, null, () -> "taro's passphrase");
        accounts = Accounts.open(store, Set.of("team"));
        sessions = new AgentSessions(Duration.ofHours(8), SigningKey.random(), TOKENS, accounts, Clock.systemUTC());
    }

    private String signIn(String name) {
        return sessions.start(accounts.find(name).orElseThrow());
    }

    @Test
    void aSessionNamesThePersonWithTheirRole() {
        String id = signIn("hanako");
        assertEquals(Optional.of(new Caller("hanako", Role.EDITOR)), sessions.caller(id));
        assertEquals(Optional.of(new Caller("taro", Role.AGENT)), sessions.caller(signIn("taro")));
        assertEquals(Optional.of(new Caller("team", Role.AGENT)), sessions.caller(sessions.start(new Caller("team",
                Role.AGENT))), "token sessions work beside accounts");
    }

    @Test
    void disablingEndsTheSessionAndEnablingDoesNotBringItBack() throws IOException {
        String id = signIn("hanako");
        String other = signIn("taro");
        store.setDisabled("hanako", true);
        assertEquals(Optional.empty(), sessions.caller(id));
        assertEquals(Optional.of(new Caller("taro", Role.AGENT)), sessions.caller(other), "only hers ends");
        assertThrows(IllegalArgumentException.class, () -> signIn("hanako"));
        store.setDisabled("hanako", false);
        assertEquals(Optional.empty(), sessions.caller(id), "a new sign-in is needed");
        assertEquals(Optional.of(new Caller("hanako", Role.EDITOR)), sessions.caller(signIn("hanako")));
    }

    @Test
    void aPasswordResetEndsTheSession() throws IOException {
        String id = signIn("hanako");
        store.resetPassword("hanako", () -> "second passphrase");
        assertEquals(Optional.empty(), sessions.caller(id));
    }

    @Test
    void aRoleChangeEndsTheSessionEvenWhenChangedBack() throws IOException {
        String id = signIn("hanako");
        store.setRole("hanako", Role.ADMIN);
        assertEquals(Optional.empty(), sessions.caller(id), "not kept on with the old role, nor given the new one");
        store.setRole("hanako", Role.EDITOR);
        assertEquals(Optional.empty(), sessions.caller(id));
    }

    @Test
    void aRemovedAccountFileEndsEverySessionOfAPerson() throws IOException {
        String id = signIn("hanako");
        java.nio.file.Files.delete(store.file());
        assertEquals(Optional.empty(), sessions.caller(id));
        assertEquals(Optional.empty(), accounts.email("hanako"));
    }

    @Test
    void aFileBrokenByHandSignsNobodyInUntilItIsFixed() throws IOException {
        String id = signIn("hanako");
        byte[] good = java.nio.file.Files.readAllBytes(store.file());
        java.nio.file.Files.writeString(store.file(), "{ \"accounts\": [ oops");
        assertEquals(Optional.empty(), sessions.caller(id), "fails closed: a hand edit may have meant to disable");
        assertEquals(Optional.empty(), accounts.find("hanako"));
        java.nio.file.Files.write(store.file(), good);
        assertEquals(Optional.of(new Caller("hanako", Role.EDITOR)), sessions.caller(id), "back once fixed");
    }

    @Test
    void anAccountWithATokensNameIsRefusedAtStartAndIgnoredLater() throws IOException {
        store.add("Team", Role.ADMIN, "team@example.com", null, () -> "a passphrase here");
        assertThrows(IOException.class, () -> Accounts.open(store, Set.of("team")));
        assertEquals(Optional.empty(), accounts.find("team"), "the running server ignores it");
        assertEquals(Optional.empty(), accounts.email("team"));
    }

    @Test
    void emailIsLookedUpByNameInAnyCase() throws IOException {
        store.add("jiro", Role.AGENT, "jiro@example.com", "次郎", () -> "jiro's passphrase");
        assertEquals(Optional.of("jiro@example.com"), accounts.email("JIRO"));
        assertEquals(Optional.empty(), accounts.email("hanako"), "no address given");
        assertEquals(Optional.empty(), accounts.email("nobody"));
    }
}
