package dev.kotae.web;

import dev.kotae.config.PluginsConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The help-center layout on a phone and a desktop, the "No" vote's way on, and axe-core on every page kind,
 * in real headless Chromium ({@code e2e/layout.mjs}) against the real server over the sample content with a
 * contact page configured: measured (the first result above a 390x844 phone's fold, no card title broken
 * mid-word), not compared with pixel baselines; the screenshots land in {@code target/screenshots}. Tools as
 * {@link BrowserScript} says.
 */
class LayoutBrowserIT {

    private static final String CONTACT = "/contact";

    @Test
    void layoutNoPathAndAccessibilityHoldInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(),
                config -> config.withSite(config.site().withContactUrl(CONTACT)))) {
            BrowserScript.run("layout.mjs", Map.of("KOTAE_URL", server.baseUrl(), "CONTACT_URL", CONTACT), work);
        }
    }
}
