package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar, started the way the README starts it, serves Japanese search and records it in the
 * embedded analytics database: proves the service files (Kuromoji, Lucene codecs, Jersey, Flyway's
 * database plugins) and the migration scripts survived shading. It runs on the JVM running the tests
 * (the Java 17 baseline) and on every JDK 21 or later installed beside it under {@code /usr/lib/jvm}
 * (the build machines have Temurin's), where Lucene reads the index through the FFM API and must
 * start without a restricted-method warning.
 */
class JarSmokeIT {

    private static final String AGENT_TOKEN = "smoke-agent-token-0123456789";
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path work;

    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The test JVM, then each other JDK of version 21 or later, by major version. */
    static Stream<Arguments> javas() throws IOException {
        Map<Integer, Path> byVersion = new TreeMap<>();
        byVersion.put(Runtime.version().feature(), Path.of(System.getProperty("java.home")));
        if (Files.isDirectory(JVMS)) {
            try (Stream<Path> homes = Files.list(JVMS)) {
                for (Path home : homes.toList()) {
                    Path release = home.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                        Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
                        if (version.find() && Integer.parseInt(version.group(1)) >= 21) {
                            byVersion.putIfAbsent(Integer.parseInt(version.group(1)), home);
                        }
                    }
                }
            }
        }
        if (System.getenv("CI") != null) {
            assertTrue(byVersion.keySet().stream().anyMatch(v -> v >= 21),
                    "CI machines have a JDK 21+ under /usr/lib/jvm; found only " + byVersion);
        }
        return byVersion.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().resolve("bin/java")));
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("javas")
    void fatJarServesTheSampleHelpCenter(int version, Path java) throws Exception {
        Path jar = Path.of(System.getProperty("kotae.jar", "target/kotae.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        Path log = work.resolve("kotae.log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve",
                "--content", KotaeServer.sampleContent().toString(), "--data", work.resolve("data").toString(),
                "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KOTAE_AUTH_TOKENS", "smoke:agent:" + AGENT_TOKEN);
        Process process = builder.start();
        try {
            Integer bound = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (bound == null && process.isAlive() && System.currentTimeMillis() < deadline) {
                Matcher matcher = SERVING.matcher(Files.readString(log));
                if (matcher.find()) {
                    bound = Integer.parseInt(matcher.group(1));
                } else {
                    Thread.sleep(100);
                }
            }
            if (bound == null) {
                fail("kotae.jar did not start serving:\n" + Files.readString(log));
            }
            HttpClient client = HttpClient.newHttpClient();
            // The port is logged as soon as HTTP is up; a new index is ready (and searchable) once built.
            int readyStatus = 0;
            for (long until = System.currentTimeMillis() + 60_000; readyStatus != 200
                    && System.currentTimeMillis() < until; Thread.sleep(50)) {
                readyStatus = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound + "/readyz"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            assertEquals(200, readyStatus, "never ready:\n" + Files.readString(log));
            String q = URLEncoder.encode("返金してほしい", StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bound + "/api/v1/search?q=" + q)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"refund-timing\""), response.body());
            String recorded = "";
            for (long until = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < until
                    && !recorded.contains("返金してほしい"); Thread.sleep(100)) {
                recorded = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound
                        + "/api/v1/analytics/queries")).header("Authorization", "Bearer " + AGENT_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertTrue(recorded.contains("返金してほしい"), "the search was not recorded: " + recorded + "\n"
                    + Files.readString(log));
            assertFalse(Files.readString(log).contains("WARNING: "), "Java " + version + " warned:\n" + Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
