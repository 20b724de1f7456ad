package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** The built jar serving as a child process on 127.0.0.1 and a port of its own, its output in a log file. */
final class JarProcess {

    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

    private JarProcess() {}

    /**
     * Starts {@code java <jvmOptions> -jar kotae.jar serve --content … --data … --host 127.0.0.1 --port 0}
     * with {@code environment} added to this process's.
     */
    static Process start(List<String> jvmOptions, Path content, Path data, Map<String, String> environment, Path log)
            throws IOException {
        Path jar = Path.of(System.getProperty("kotae.jar", "target/kotae.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--content", content.toString(), "--data",
                data.toString(), "--host", "127.0.0.1", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the process says where it listens and answers {@code /readyz} 200; returns its port. */
    static int awaitReady(Process process, Path log, HttpClient client) {
        int[] port = {0};
        Awaitility.await("the jar serves").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    requireAlive(process, log);
                    Matcher matcher = SERVING.matcher(Files.readString(log));
                    if (matcher.find()) {
                        port[0] = Integer.parseInt(matcher.group(1));
                        return true;
                    }
                    return false;
                });
        Awaitility.await("the jar is ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port[0] + "/readyz"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return port[0];
    }

    /** Fails with the process's log when it has ended. */
    static void requireAlive(Process process, Path log) throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError("kotae.jar exited (" + process.exitValue() + "):\n" + Files.readString(log));
        }
    }
}
