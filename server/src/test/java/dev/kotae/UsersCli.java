package dev.kotae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code kotae users …} run in-process on a data folder, with no terminal: what it printed and returned.
 * Passwords come from {@code stdin} (with {@code --password-stdin}).
 */
public record UsersCli(int exitCode, String out, String err) {

    /** Runs {@code kotae users args… --data data} with {@code env} as the environment. */
    public static UsersCli run(Path data, String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new UsersCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> null, env));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(Stream.concat(Arrays.stream(args), Stream.of("--data", data.toString()))
                .toArray(String[]::new));
        return new UsersCli(code, out.toString(), err.toString());
    }

    /** {@code kotae users add name --role role} with {@code password}; fails the test if it is refused. */
    public static void addAccount(Path data, String name, String role, String password) {
        UsersCli added = run(data, password + "\n", Map.of(), "add", name, "--role", role, "--password-stdin");
        assertEquals(UsersCommand.OK, added.exitCode(), "kotae users add " + name + ": " + added.err());
    }
}
