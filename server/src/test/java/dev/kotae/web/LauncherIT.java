package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kotae}, the README's way to start the server, bounds the heap (a JVM without flags grows
 * to a quarter of the machine under load) and is the server process itself, so a stop signal reaches
 * the server and not a wrapper. A server's first stop writes the JVM's class archive, and later starts map
 * it.
 */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void theLauncherStartsOneServerProcessWithABoundedHeap() throws Exception {
        Path log = work.resolve("kotae.log");
        Process process = launch(log, Map.of("KOTAE_HEAP", "384m"));
        try {
            String started = awaitServing(process, log);
            assertTrue(started.contains("Heap limit 384 MB"), "KOTAE_HEAP sets the heap:\n" + started);
            assertTrue(process.info().command().orElse("").endsWith("/java"),
                    "the launcher execs java rather than waiting beside it: " + process.info());
        } finally {
            process.destroy(); // SIGTERM, to the server itself
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server stops on TERM");
        }
        assertEquals(143, process.exitValue(), "stopped by TERM, through the shutdown hook");
        assertTrue(Files.readString(log).contains("Stopping Kotae"), Files.readString(log));
    }

    @Test
    void aServersFirstStopWritesTheClassArchiveThatLaterStartsMap() throws Exception {
        Process first = launch(work.resolve("first.log"), Map.of());
        try {
            awaitServing(first, work.resolve("first.log"));
            assertTrue(arguments(first).contains("-XX:ArchiveClassesAtExit=" + classArchives() + "/classes-"),
                    "no archive yet, so the first run writes one: " + arguments(first));
        } finally {
            first.destroy();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the server stops on TERM, archive written");
        }
        try (Stream<Path> written = Files.list(classArchives())) {
            assertEquals(1, written.filter(file -> file.getFileName().toString().endsWith(".jsa." + first.pid())).count(),
                    "the stopped server wrote its archive under its process id");
        }

        // -Xshare:on: the JVM refuses to start if it cannot map the archive, rather than loading from the jar.
        Process second = launch(work.resolve("second.log"), Map.of("KOTAE_JAVA_OPTS", "-Xshare:on"));
        try {
            awaitServing(second, work.resolve("second.log"));
            assertTrue(arguments(second).matches(".*-XX:SharedArchiveFile=" + Pattern.quote(classArchives().toString())
                    + "/classes-[0-9]+\\.jsa .*"), "the second run maps the archive: " + arguments(second));
        } finally {
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the server stops on TERM");
        }
        assertEquals(143, second.exitValue(), Files.readString(work.resolve("second.log")));

        Process tool = new ProcessBuilder(launcherCommand("--version")).redirectErrorStream(true).start();
        tool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(tool.waitFor(60, TimeUnit.SECONDS));
        try (Stream<Path> kept = Files.list(classArchives())) {
            assertEquals(1, kept.count(), "one archive, taken over by the second start; commands other than serve"
                    + " neither use nor write one");
        }
    }

    private Path classArchives() {
        return work.resolve("classes");
    }

    private Process launch(Path log, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcherCommand("serve",
                "--content", KotaeServer.sampleContent().toString(), "--data", work.resolve("data").toString(),
                "--host", "127.0.0.1", "--port", "0"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(launcherEnvironment());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private List<String> launcherCommand(String... arguments) {
        Path launcher = KotaeServer.sampleContent().toAbsolutePath().getParent().resolve("bin/kotae");
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The built jar, this JVM's Java, and the class archives kept in the test's folder, not the user's cache. */
    private Map<String, String> launcherEnvironment() {
        Path jar = Path.of(System.getProperty("kotae.jar", "target/kotae.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
        return Map.of("KOTAE_JAR", jar.toString(), "JAVA_HOME", System.getProperty("java.home"),
                "KOTAE_CLASS_ARCHIVE_DIR", classArchives().toString());
    }

    private static String awaitServing(Process process, Path log) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> !process.isAlive() || Files.readString(log).matches("(?s).* serving .* on http://127\\.0\\.0\\.1:.*"));
        String started = Files.readString(log);
        assertTrue(process.isAlive(), started);
        return started;
    }

    private static String arguments(Process process) {
        return String.join(" ", process.info().arguments().orElse(new String[0])) + " ";
    }
}
