package dev.kotae.web;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The help-center pages in real headless Chromium ({@code e2e/ui.mjs}) against the real server over the
 * sample content: Japanese IME input and keyboard suggestions, search with a facet, an article vote, an
 * agent's sign-in to an internal playbook that anonymous visitors cannot reach, the language switch,
 * axe-core accessibility checks and phone/desktop screenshots. Tools as {@link BrowserScript} says.
 */
class UiBrowserIT {

    @Test
    void helpCenterWorksInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            BrowserScript.run("ui.mjs", Map.of("KOTAE_URL", server.baseUrl(), "AGENT_TOKEN", KotaeServer.AGENT_TOKEN,
                    "ADMIN_TOKEN", KotaeServer.ADMIN_TOKEN), work);
        }
    }
}
