package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kotae.analytics.AnalyticsDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar, started the way the README starts it, serves Japanese search and records it in the
 * embedded analytics database: proves the service files (Kuromoji, Lucene codecs, Jersey, Flyway's
 * database plugins) and the migrations, SQL scripts and Java classes, survived shading. It runs on the JVM running the tests
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
            // The port is logged as soon as HTTP is up.
            String serving = await("kotae.jar logs the port it serves on").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> process.isAlive() ? Files.readString(log) : "exited:\n" + Files.readString(log),
                            text -> text.startsWith("exited:") || SERVING.matcher(text).find());
            Matcher matcher = SERVING.matcher(serving);
            if (!matcher.find()) {
                fail("kotae.jar did not start serving:\n" + Files.readString(log));
            }
            int bound = Integer.parseInt(matcher.group(1));
            HttpClient client = HttpClient.newHttpClient();
            // A new index is ready (and searchable) once built.
            try {
                await("kotae.jar is ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound
                                + "/readyz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            } catch (ConditionTimeoutException e) {
                fail(e.getMessage() + ":\n" + Files.readString(log));
            }
            String q = URLEncoder.encode("返金してほしい", StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bound + "/api/v1/search?q=" + q)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"refund-timing\""), response.body());
            await("the search is recorded in analytics").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound
                            + "/api/v1/analytics/queries")).header("Authorization", "Bearer " + AGENT_TOKEN).build(),
                            HttpResponse.BodyHandlers.ofString()).body(), body -> body.contains("返金してほしい"));
            assertFalse(Files.readString(log).contains("WARNING: "), "Java " + version + " warned:\n" + Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        // Flyway found the Java migration inside the jar too, not only the SQL scripts.
        try (Connection db = DriverManager.getConnection(AnalyticsDatabase.embeddedUrl(work.resolve("data")));
                Statement sql = db.createStatement();
                ResultSet applied = sql.executeQuery("SELECT \"success\" FROM \"kotae_schema_history\""
                        + " WHERE \"script\" LIKE '%V5__Query_spelling_backfill'")) {
            assertTrue(applied.next() && applied.getBoolean(1), "the Java migration V5 was not applied from the jar");
        }
    }
}
