package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kotae}, the README's way to start the server, bounds the heap (a JVM without flags grows
 * to a quarter of the machine under load) and is the server process itself, so a stop signal reaches
 * the server and not a wrapper.
 */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void theLauncherStartsOneServerProcessWithABoundedHeap() throws Exception {
        Path launcher = KotaeServer.sampleContent().toAbsolutePath().getParent().resolve("bin/kotae");
        Path jar = Path.of(System.getProperty("kotae.jar", "target/kotae.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
        Path log = work.resolve("kotae.log");
        ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString(), "serve",
                "--content", KotaeServer.sampleContent().toString(), "--data", work.resolve("data").toString(),
                "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KOTAE_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KOTAE_HEAP", "384m");
        Process process = builder.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || Files.readString(log).matches("(?s).* serving .* on http://127\\.0\\.0\\.1:.*"));
            String started = Files.readString(log);
            assertTrue(process.isAlive(), started);
            assertTrue(started.contains("Heap limit 384 MB"), "KOTAE_HEAP sets the heap:\n" + started);
            assertTrue(process.info().command().orElse("").endsWith("/java"),
                    "the launcher execs java rather than waiting beside it: " + process.info());
        } finally {
            process.destroy(); // SIGTERM, to the server itself
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on TERM");
        }
        assertEquals(143, process.exitValue(), "stopped by TERM, through the shutdown hook");
        assertTrue(Files.readString(log).contains("Stopping Kotae"), Files.readString(log));
    }
}
