package dev.kotae.web;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both bundled widgets in real headless Chromium (Debian's, driven by playwright-core): a plain shop
 * page on another origin embeds each widget with its one script tag; the script {@code e2e/widgets.mjs}
 * types Japanese questions, picks suggestions with the keyboard, answers "did this help?" and checks the
 * server recorded the deflection events. Screenshots go to {@code server/target/screenshots}.
 *
 * <p>Tools as {@link BrowserScript} says.
 */
class WidgetBrowserIT {

    @Test
    void widgetsDeflectInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        Path plugins = KotaeServer.pluginFolder(work, "widget-contact-deflect.jar", "widget-answer-bot.jar");
        try (KotaeServer server = KotaeServer.withPlugins(work,
                new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work))) {
            HttpServer pages = servePages(BrowserScript.e2eFolder().resolve("pages"), server.baseUrl());
            try {
                BrowserScript.run("widgets.mjs", Map.of("KOTAE_URL", server.baseUrl(),
                        "PAGE_URL", "http://127.0.0.1:" + pages.getAddress().getPort(),
                        "ADMIN_TOKEN", KotaeServer.ADMIN_TOKEN), work);
            } finally {
                pages.stop(0);
            }
        }
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
