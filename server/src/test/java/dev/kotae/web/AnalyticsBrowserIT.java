package dev.kotae.web;

import dev.kotae.config.PluginsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics dashboard in real headless Chromium ({@code e2e/analytics.mjs}) against the real server
 * with the deflection widget: events made through the API show up in its tables and charts, a hostile
 * query is shown as text, anonymous visitors are sent to sign in, CSV links download. Tools as
 * {@link BrowserScript} says.
 */
class AnalyticsBrowserIT {

    @Test
    void dashboardWorksInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        Path plugins = KotaeServer.pluginFolder(work, "widget-contact-deflect.jar");
        try (KotaeServer server = KotaeServer.configured(work,
                new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work), UnaryOperator.identity())) {
            BrowserScript.run("analytics.mjs", Map.of("KOTAE_URL", server.baseUrl(), "AGENT_TOKEN",
                    KotaeServer.AGENT_TOKEN), work);
        }
    }
}
