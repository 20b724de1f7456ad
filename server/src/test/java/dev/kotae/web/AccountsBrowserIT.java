package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.UsersCommand;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        int added = new CommandLine(new UsersCommand(new ByteArrayInputStream((PASSWORD + "\n")
                .getBytes(StandardCharsets.UTF_8)), () -> null, Map.of()))
                .execute("add", "hanako", "--role", "agent", "--password-stdin", "--data", work.resolve("data").toString());
        assertEquals(0, added);
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            BrowserScript.run("accounts.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ACCOUNT_NAME", "hanako",
                    "ACCOUNT_PASSWORD", PASSWORD), work);
        }
    }
}
