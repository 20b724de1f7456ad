package dev.kotae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.AccountStore;
import dev.kotae.auth.PasswordHasher;
import dev.kotae.auth.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kotae users} run in-process on a temporary data folder: what it changes, says and exits with. */
class UsersCommandTest {

    private static final String PASSWORD = "長い合言葉 correct horse";

    @TempDir
    Path data;

    private UsersCli users(String stdin, String... args) {
        return UsersCli.run(data, stdin, Map.of(), args);
    }

    private AccountStore store() {
        return AccountStore.inDataFolder(data, new PasswordHasher());
    }

    @Test
    void addThenListShowsThePersonButNeverAPasswordOrHash() throws IOException {
        UsersCli added = users(PASSWORD + "\n", "add", "Hanako", "--role", "editor", "--email", "hanako@example.com",
                "--name", "佐藤 花子", "--password-stdin");
        assertEquals(UsersCommand.OK, added.exitCode(), added.err());
        assertTrue(added.out().contains("hanako"), added.out());

        var account = store().find("hanako").orElseThrow();
        assertEquals(Role.EDITOR, account.role());
        assertTrue(new PasswordHasher().matches(PASSWORD, account.passwordHash()),
                "the first line of stdin, without its newline, is the password");

        UsersCli list = users("", "list");
        assertEquals(UsersCommand.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("hanako") && list.out().contains("editor") && list.out().contains("enabled")
                && list.out().contains("hanako@example.com") && list.out().contains("佐藤 花子"), list.out());
        for (UsersCli run : new UsersCli[] {added, list}) {
            assertFalse((run.out() + run.err()).contains("argon2"), run.out());
            assertFalse((run.out() + run.err()).contains(PASSWORD), run.out());
        }
        assertFalse(Files.readString(data.resolve(AccountStore.FILE)).contains(PASSWORD));
    }

    @Test
    void refusalsHaveTheirOwnExitCodesAndSayWhy() {
        assertEquals(UsersCommand.OK, users(PASSWORD, "add", "hanako", "--role", "agent", "--password-stdin").exitCode());

        UsersCli duplicate = users(PASSWORD, "add", "HANAKO", "--role", "admin", "--password-stdin");
        assertEquals(UsersCommand.NAME_TAKEN, duplicate.exitCode());
        assertTrue(duplicate.err().contains("already exists"), duplicate.err());

        UsersCli takenNoTerminal = users("", "add", "hanako", "--role", "agent");
        assertEquals(UsersCommand.NAME_TAKEN, takenNoTerminal.exitCode(), "refused before a password is asked for: "
                + takenNoTerminal.err());
        UsersCli badEmailNoTerminal = users("", "add", "taro", "--role", "agent", "--email", "nope");
        assertTrue(badEmailNoTerminal.err().contains("not an e-mail address"), "refused before a password is asked"
                + " for: " + badEmailNoTerminal.err());
        assertEquals(UsersCommand.UNKNOWN_USER, users("", "reset", "jiro").exitCode(), "no password asked for either");

        UsersCli weak = users("tiny-pw", "add", "taro", "--role", "agent", "--password-stdin");
        assertEquals(UsersCommand.PASSWORD_REFUSED, weak.exitCode());
        assertTrue(weak.err().contains("too short"), weak.err());
        assertFalse((weak.out() + weak.err()).contains("tiny-pw"), "the refused password is not repeated: " + weak.err());

        UsersCli unknown = users(PASSWORD, "reset", "jiro", "--password-stdin");
        assertEquals(UsersCommand.UNKNOWN_USER, unknown.exitCode());
        assertTrue(unknown.err().contains("no account named 'jiro'"), unknown.err());
        assertEquals(UsersCommand.UNKNOWN_USER, users("", "disable", "jiro").exitCode());
        assertEquals(UsersCommand.UNKNOWN_USER, users("", "enable", "jiro").exitCode());
        assertEquals(UsersCommand.UNKNOWN_USER, users("", "role", "jiro", "admin").exitCode());

        UsersCli badRole = users("", "role", "hanako", "boss");
        assertEquals(UsersCommand.USAGE, badRole.exitCode());
        assertTrue(badRole.err().contains("agent, editor or admin"), badRole.err());
        assertEquals(UsersCommand.USAGE, users(PASSWORD, "add", "-x", "--role", "agent", "--password-stdin").exitCode());
        assertEquals(UsersCommand.USAGE, users(PASSWORD, "add", "x", "--role", "agent", "--email", "nope",
                "--password-stdin").exitCode());

        UsersCli noTerminal = users("", "add", "taro", "--role", "agent");
        assertEquals(UsersCommand.USAGE, noTerminal.exitCode());
        assertTrue(noTerminal.err().contains("--password-stdin"), noTerminal.err());
    }

    @Test
    void aConfiguredTokensNameCannotBeAnAccount() {
        UsersCli clash = UsersCli.run(data, PASSWORD, Map.of("KOTAE_AUTH_TOKENS", "support:agent:support-token-0123"),
                "add", "Support", "--role", "agent", "--password-stdin");
        assertEquals(UsersCommand.NAME_TAKEN, clash.exitCode());
        assertTrue(clash.err().contains("API token"), clash.err());
    }

    @Test
    void disableEnableRoleAndResetChangeTheFile() throws IOException {
        assertEquals(UsersCommand.OK, users(PASSWORD, "add", "hanako", "--role", "agent", "--password-stdin").exitCode());
        String hash = store().find("hanako").orElseThrow().passwordHash();

        assertEquals(UsersCommand.OK, users("", "disable", "hanako").exitCode());
        assertTrue(store().find("hanako").orElseThrow().disabled());
        assertTrue(users("", "list").out().contains("disabled"));
        assertEquals(UsersCommand.OK, users("", "enable", "Hanako").exitCode());
        assertFalse(store().find("hanako").orElseThrow().disabled());
        assertEquals(UsersCommand.OK, users("", "role", "hanako", "ADMIN").exitCode());
        assertEquals(Role.ADMIN, store().find("hanako").orElseThrow().role());

        assertEquals(UsersCommand.OK, users("another passphrase\r\n", "reset", "hanako", "--password-stdin").exitCode());
        String newHash = store().find("hanako").orElseThrow().passwordHash();
        assertFalse(hash.equals(newHash));
        assertTrue(new PasswordHasher().matches("another passphrase", newHash), "a CRLF line end is not part of it");
    }

    @Test
    void theKotaeCommandHasUsers() {
        StringWriter out = new StringWriter();
        CommandLine kotae = new CommandLine(new Kotae());
        kotae.setOut(new PrintWriter(out, true));
        assertEquals(0, kotae.execute("users", "--help"));
        assertTrue(out.toString().contains("add") && out.toString().contains("disable"), out.toString());
    }
}
