package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, started the way the README starts it, serves Japanese search and records it in the
 * embedded analytics database: proves the service files (Kuromoji, Lucene codecs, Jersey, Flyway's
 * database plugins) and the migration scripts survived shading.
 */
class JarSmokeIT {

    private static final String AGENT_TOKEN = "smoke-agent-token-0123456789";
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path work;

    @Test
    void fatJarServesTheSampleHelpCenter() throws Exception {
        Path jar = Path.of(System.getProperty("kotae.jar", "target/kotae.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
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
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
