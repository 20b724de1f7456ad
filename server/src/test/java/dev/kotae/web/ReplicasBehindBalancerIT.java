package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL database, sharing a session secret, behind a real HAProxy in round robin
 * without sticky sessions, used by a real browser ({@code e2e/replicas.mjs}): signing in, reading
 * internal playbooks, voting and signing out all work whichever replica each request lands on.
 *
 * <p>Needs HAProxy ({@code apt-get install haproxy}), PostgreSQL ({@code KOTAE_TEST_POSTGRES_URL}) and the
 * browser tools; {@code .ci/run} provides all three. Without them the test is skipped, except on CI.
 */
class ReplicasBehindBalancerIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final String SECRET = "the-replicas-share-this-secret-0123456789";

    @TempDir
    Path work;

    @Test
    void aBrowserSignsInReadsVotesAndSignsOutThroughARoundRobinBalancer() throws Exception {
        requireHaproxy();
        BrowserScript.requireTools();
        try (AnalyticsStorage database = AnalyticsStorage.postgres()) {
            Path content = Files.createDirectories(work.resolve("content")); // one shared content folder
            KotaeServer.copyTree(KotaeServer.sampleContent(), content);
            java.util.function.UnaryOperator<KotaeConfig> replica = config -> database.configure(
                    config.withContent(content).withSite(config.site().withSessionSecret(SECRET)));
            try (KotaeServer one = KotaeServer.configured(work.resolve("one"), PluginsConfig.none(), replica);
                    KotaeServer two = KotaeServer.configured(work.resolve("two"), PluginsConfig.none(), replica)) {
                int port = freePort();
                Path config = work.resolve("haproxy.cfg");
                Files.writeString(config, """
                        global
                          maxconn 256
                        defaults
                          mode http
                          timeout connect 5s
                          timeout client 60s
                          timeout server 60s
                        frontend help
                          bind 127.0.0.1:%d
                          option forwardfor
                          default_backend replicas
                        backend replicas
                          balance roundrobin
                          http-response set-header X-Kotae-Replica %%s
                          server one 127.0.0.1:%d
                          server two 127.0.0.1:%d
                        """.formatted(port, one.port(), two.port()));
                Path log = work.resolve("haproxy.log");
                Process haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                            .until(() -> !haproxy.isAlive() || accepts(port));
                    assertTrue(haproxy.isAlive(), "HAProxy did not start:\n" + Files.readString(log));
                    BrowserScript.run("replicas.mjs", Map.of(
                            "KOTAE_URL", "http://127.0.0.1:" + port,
                            "REPLICA_URLS", one.baseUrl() + "," + two.baseUrl(),
                            "AGENT_TOKEN", KotaeServer.AGENT_TOKEN,
                            "ADMIN_TOKEN", KotaeServer.ADMIN_TOKEN), work);
                } finally {
                    haproxy.destroy();
                    haproxy.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void requireHaproxy() {
        boolean present = Files.isExecutable(HAPROXY);
        if (!present && System.getenv("CI") != null) {
            fail("haproxy not installed at " + HAPROXY + " (CI must install it: see .ci/run)");
        }
        Assumptions.assumeTrue(present, "haproxy not installed: the replica test is skipped");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
