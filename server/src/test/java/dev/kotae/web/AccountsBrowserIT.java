package dev.kotae.web;


import dev.kotae.UsersCli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in with a name and password in real headless Chromium ({@code e2e/accounts.mjs}): a wrong password
 * answered with the form and a message, the right one typed on the keyboard leading to the playbook asked
 * for, axe-core on both states, phone/desktop screenshots. Tools as {@link BrowserScript} says.
 */
class AccountsBrowserIT {

    private static final String PASSWORD = "花子の合言葉は返金承認";

    @Test
    void aPersonSignsInWithNameAndPasswordInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        UsersCli.addAccount(work.resolve("data"), "hanako", "agent", PASSWORD);
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            BrowserScript.run("accounts.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ACCOUNT_NAME", "hanako",
                    "ACCOUNT_PASSWORD", PASSWORD), work);
        }
    }
}
