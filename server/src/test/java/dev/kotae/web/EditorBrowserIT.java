package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.UsersCli;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.PluginsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor pages in real headless Chromium ({@code e2e/editor.mjs}) against the real server over the
 * sample content: an editor writes a Japanese FAQ with the toolbar and an uploaded image, it stays out of
 * every anonymous path while a draft, a second editor publishes it and the anonymous search finds it (the
 * time is logged; docs/benchmarks.md measures it), two editors saving at once keep the second one's text, and Enter during IME composition submits
 * nothing. Then the published file is checked byte for byte: what an engineer would have written by hand.
 * Tools as {@link BrowserScript} says.
 */
class EditorBrowserIT {

    /** The two editors' passwords: they are named accounts, made with {@code kotae users add}. */
    private static final String ALICE = "アリスの編集用パスフレーズ";
    private static final String BOB = "bob's editing passphrase";
    /** The Markdown the media API returns for an image: alt text and a URL on this server. */
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*\\]\\(/[^)\\s]+\\)");

    @Test
    void editorsWriteReviewAndPublishInARealBrowser(@TempDir Path work) throws Exception {
        BrowserScript.requireTools();
        Path result = work.resolve("editor-result.json");
        UsersCli.addAccount(work.resolve("data"), "alice", "editor", ALICE);
        UsersCli.addAccount(work.resolve("data"), "bob", "editor", BOB);
        try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config.withTokens(List.of(
                new TokenAuthenticator.Token("admin", KotaeServer.ADMIN_TOKEN, Role.ADMIN))))) {
            BrowserScript.run("editor.mjs", Map.of("KOTAE_URL", server.baseUrl(), "ALICE_PASSWORD", ALICE,
                    "BOB_PASSWORD", BOB, "RESULT_FILE", result.toString()), work);

            JsonNode written = KotaeServer.JSON.readTree(Files.readString(result));
            String image = written.get("imageMarkdown").asText();
            assertTrue(IMAGE.matcher(image).matches(), "image Markdown: " + image);
            // Placed beside the other FAQs of its category (注文 → ja/orders), as an engineer would.
            Path file = server.content().resolve("ja/orders/cold-bag-return.md");
            assertTrue(Files.isRegularFile(file), "not at " + file);
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // Alice's later save is a draft, so the file is what Bob published. Type, visibility and locale are
            // stated, as in the sample files, though the form left visibility to the type's default.
            String expected = """
                    ---
                    id: cold-bag-return
                    title: 保冷バッグの返却について
                    type: faq
                    visibility: public
                    locale: ja
                    category: 注文
                    questions:
                      - 保冷バッグは返却が必要ですか
                    updated: DATE
                    ---
                    ## 保冷バッグの返却

                    商品は**無料**の保冷バッグでお届けします。

                    - 返却は不要です

                    IMAGE
                    """;
            String[] parts = expected.split("DATE|IMAGE", -1);
            Pattern whole = Pattern.compile(Pattern.quote(parts[0]) + "\\d{4}-\\d{2}-\\d{2}" + Pattern.quote(parts[1])
                    + Pattern.quote(image) + Pattern.quote(parts[2]));
            assertTrue(whole.matcher(text).matches(), "the published file:\n" + text);
            assertEquals(-1, text.indexOf('\r'), "LF line ends only");
        }
    }
}
