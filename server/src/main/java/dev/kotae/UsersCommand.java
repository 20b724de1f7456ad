package dev.kotae;

import dev.kotae.auth.Account;
import dev.kotae.auth.AccountException;
import dev.kotae.auth.AccountStore;
import dev.kotae.auth.PasswordHasher;
import dev.kotae.auth.PasswordPolicy;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.ConfigLoader;
import dev.kotae.config.KotaeConfig;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kotae users}: the people who sign in, kept in {@code accounts.json} in the data folder. A running
 * server sees each change on that person's next request. Passwords are asked for twice on the terminal
 * without echo, or read from standard input with {@code --password-stdin}; they are never printed.
 *
 * <p>Exit codes: {@value #OK} done, {@value #FILE_ERROR} the accounts file could not be read or written,
 * {@value #USAGE} a bad option, name, role or e-mail address, {@value #UNKNOWN_USER} no such account,
 * {@value #NAME_TAKEN} the name is taken, {@value #PASSWORD_REFUSED} the password is too short, too long,
 * or its two typings differ.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Add and manage the people who sign in (data/accounts.json). Changes apply to a running"
                + " server on the person's next request.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Reset.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.SetRole.class, UsersCommand.ListUsers.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the accounts file could not be read or written",
                "2:bad option, name, role or e-mail address", "3:no such account", "4:the name is taken",
                "5:password refused (too short or long, or the two typings differ)"})
public final class UsersCommand implements Runnable {

    public static final int OK = 0;
    public static final int FILE_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNKNOWN_USER = 3;
    public static final int NAME_TAKEN = 4;
    public static final int PASSWORD_REFUSED = 5;

    private final InputStream stdin;
    private final Supplier<Console> console;
    private final Map<String, String> env;
    @Spec
    private CommandSpec spec;

    /** Reads passwords from this process's terminal or standard input; settings from its environment. */
    public UsersCommand() {
        this(System.in, System::console, System.getenv());
    }

    /** For running in-process (tests): where passwords come from, and the environment settings are read from. */
    public UsersCommand(InputStream stdin, Supplier<Console> console, Map<String, String> env) {
        this.stdin = stdin;
        this.console = console;
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the accounts file is: the data folder of {@code --data}, else of the configuration. */
    static final class Place {
        @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: as kotae serve: ./data,"
                + " KOTAE_DATA or data: in the configuration)")
        Path data;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./kotae.yml"
                + " if present); its API token names are not allowed as account names")
        Path configFile;
    }

    /** Shared by every subcommand: the store, error reporting and exit codes. */
    abstract static class Step implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;
        @Mixin
        Place place;
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                KotaeConfig config = ConfigLoader.load(place.configFile, users.env);
                Path data = place.data != null ? place.data : config.data();
                return run(AccountStore.inDataFolder(data, new PasswordHasher()), config.tokens());
            } catch (AccountException e) {
                err.println("kotae users: " + e.getMessage());
                return switch (e.kind()) {
                    case UNKNOWN -> UNKNOWN_USER;
                    case DUPLICATE -> NAME_TAKEN;
                    case WEAK_PASSWORD -> PASSWORD_REFUSED;
                    case INVALID -> USAGE;
                };
            } catch (IllegalArgumentException e) {
                err.println("kotae users: " + e.getMessage());
                return USAGE;
            } catch (IOException e) {
                err.println("kotae users: " + e.getMessage());
                return FILE_ERROR;
            } catch (UncheckedIOException e) {
                err.println("kotae users: " + e.getCause().getMessage());
                return FILE_ERROR;
            } finally {
                err.flush();
            }
        }

        abstract int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /**
         * The new password, asked for when the store calls for it (once it knows the password will not be
         * wasted): from standard input's first line, or asked twice on the terminal.
         */
        Supplier<String> newPassword(String name, boolean fromStdin) {
            return () -> {
                try {
                    return fromStdin ? firstLine(users.stdin) : typed(name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }

        private String typed(String name) {
            Console terminal = users.console.get();
            if (terminal == null) {
                throw new IllegalArgumentException("no terminal to ask for the password on: pipe it in with"
                        + " --password-stdin");
            }
            char[] first = terminal.readPassword("New password for %s (at least %d characters): ", name,
                    PasswordPolicy.MIN_LENGTH);
            char[] second = terminal.readPassword("The same password again: ");
            try {
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new AccountException(AccountException.Kind.WEAK_PASSWORD, "the two passwords differ");
                }
                return new String(first);
            } finally {
                if (first != null) Arrays.fill(first, '\0');
                if (second != null) Arrays.fill(second, '\0');
            }
        }

        private static String firstLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int limit = 4 * 4 * PasswordPolicy.MAX_LENGTH; // bytes: enough for the longest UTF-8 password
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (line.size() > limit) {
                    break; // refused as too long below, without reading on forever
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** A role as typed, in any case. */
    static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.parse(value);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a person who signs in with a password.")
    static final class Add extends Step {
        @Parameters(paramLabel = "NAME", description = "Sign-in name: a-z, 0-9, '.', '_', '-'; any case, stored lower case")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
                description = "agent (reads internal articles), editor (also writes, reviews, publishes) or admin")
        Role role;

        @Option(names = "--email", paramLabel = "E", description = "E-mail address (e.g. the author of their changes)")
        String email;

        @Option(names = "--name", paramLabel = "DISPLAY", description = "Display name")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from standard input's first line")
        boolean passwordStdin;

        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            String canonical = Account.normalizeName(name);
            if (tokens.stream().anyMatch(t -> t.name().toLowerCase(Locale.ROOT).equals(canonical))) {
                throw new AccountException(AccountException.Kind.DUPLICATE, "'" + canonical + "' is the name of a"
                        + " configured API token; choose another name");
            }
            Account account = store.add(canonical, role, email, displayName, newPassword(canonical, passwordStdin));
            out().println("Added " + account.name() + " (" + account.role().name().toLowerCase(Locale.ROOT) + ")");
            return OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give a person a new password; their sessions end.")
    static final class Reset extends Step {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from standard input's first line")
        boolean passwordStdin;

        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            String canonical = Account.normalizeName(name);
            store.resetPassword(canonical, newPassword(canonical, passwordStdin));
            out().println("New password set for " + canonical + "; their sessions have ended");
            return OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a person from signing in; their sessions end.")
    static final class Disable extends Step {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            Account account = store.setDisabled(name, true);
            out().println("Disabled " + account.name());
            return OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled person sign in again.")
    static final class Enable extends Step {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            Account account = store.setDisabled(name, false);
            out().println("Enabled " + account.name());
            return OK;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Change what a person may do; their sessions end.")
    static final class SetRole extends Step {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", converter = RoleConverter.class,
                description = "agent, editor or admin")
        Role role;

        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            Account account = store.setRole(name, role);
            out().println(account.name() + " is now " + role.name().toLowerCase(Locale.ROOT));
            return OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (never their passwords or hashes).")
    static final class ListUsers extends Step {
        @Override
        int run(AccountStore store, List<TokenAuthenticator.Token> tokens) throws IOException {
            List<Account> accounts = store.load();
            PrintWriter out = out();
            String format = "%-24s %-7s %-9s %-30s %-20s %s%n";
            out.printf(format, "NAME", "ROLE", "STATUS", "E-MAIL", "PASSWORD CHANGED", "DISPLAY NAME");
            for (Account a : accounts) {
                out.printf(format, a.name(), a.role().name().toLowerCase(Locale.ROOT),
                        a.disabled() ? "disabled" : "enabled", a.email() == null ? "-" : a.email(),
                        a.passwordChanged().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        a.displayName() == null ? "-" : a.displayName());
            }
            if (accounts.isEmpty()) {
                out.println("(no accounts yet: add one with 'kotae users add NAME --role admin')");
            }
            return OK;
        }
    }
}
