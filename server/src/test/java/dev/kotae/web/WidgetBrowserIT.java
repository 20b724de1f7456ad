package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both bundled widgets in real headless Chromium (Debian's, driven by playwright-core): a plain shop
 * page on another origin embeds each widget with its one script tag; the script {@code e2e/widgets.mjs}
 * types Japanese questions, picks suggestions with the keyboard, answers "did this help?" and checks the
 * server recorded the deflection events. Screenshots go to {@code server/target/screenshots}.
 *
 * <p>Needs node, {@code e2e/node_modules} ({@code npm ci --prefix e2e}) and chromium; {@code .ci/run}
 * installs them. Without them the test is skipped locally and fails on CI ({@code CI} set).
 */
class WidgetBrowserIT {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void widgetsDeflectInARealBrowser(@TempDir Path work) throws Exception {
        Path e2e = Path.of(System.getProperty("kotae.e2e", "../e2e")).toAbsolutePath().normalize();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        requireTool(Files.isRegularFile(e2e.resolve("node_modules/playwright-core/package.json")),
                "e2e/node_modules missing: run npm ci --prefix e2e");
        requireTool(Files.isExecutable(Path.of(chromium)), "chromium not installed at " + chromium);

        Path plugins = KotaeServer.pluginFolder(work, "widget-contact-deflect.jar", "widget-answer-bot.jar");
        try (KotaeServer server = KotaeServer.withPlugins(work,
                new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work))) {
            HttpServer pages = servePages(e2e.resolve("pages"), server.baseUrl());
            try {
                Path screenshots = Path.of("target/screenshots").toAbsolutePath();
                ProcessBuilder node = new ProcessBuilder("node", e2e.resolve("widgets.mjs").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("e2e.log").toFile());
                node.environment().put("KOTAE_URL", server.baseUrl());
                node.environment().put("PAGE_URL", "http://127.0.0.1:" + pages.getAddress().getPort());
                node.environment().put("ADMIN_TOKEN", KotaeServer.ADMIN_TOKEN);
                node.environment().put("SCREENSHOT_DIR", screenshots.toString());
                node.environment().put("CHROMIUM", chromium);
                Process process = node.start();
                boolean finished = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                String log = Files.readString(work.resolve("e2e.log"));
                System.out.println(log);
                if (!finished) {
                    process.destroyForcibly();
                    fail("the browser script did not finish within " + SCRIPT_TIMEOUT + ":\n" + log);
                }
                assertEquals(0, process.exitValue(), "browser script failed:\n" + log);
            } finally {
                pages.stop(0);
            }
        }
    }

    /** A missing browser tool skips the test on a developer machine but fails it on CI, where it must run. */
    private static void requireTool(boolean present, String message) {
        if (!present && System.getenv("CI") != null) {
            fail(message + " (CI must install it: see .ci/run)");
        }
        Assumptions.assumeTrue(present, message);
    }

    /**
     * The test pages on a second origin (another port), as a shop's own site would be: the widgets'
     * scripts and API calls then really go cross-origin, under a strict Content-Security-Policy.
     * {@code {{KOTAE_URL}}} is replaced in each page.
     */
    private static HttpServer servePages(Path folder, String kotaeUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            Path file = folder.resolve(name).normalize();
            byte[] body;
            int status = 200;
            String type = "text/plain; charset=utf-8";
            if (!name.matches("[a-z0-9-]+\\.(html|css|js)") || !Files.isRegularFile(file)) {
                status = 404;
                body = "not found".getBytes(StandardCharsets.UTF_8);
            } else {
                body = Files.readString(file).replace("{{KOTAE_URL}}", kotaeUrl).getBytes(StandardCharsets.UTF_8);
                type = name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            // A strict shop CSP: the widgets must work without inline scripts or styles.
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' "
                    + kotaeUrl + "; style-src 'self' " + kotaeUrl + "; connect-src " + kotaeUrl + "; img-src 'self' "
                    + kotaeUrl);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
