package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.PluginsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article from a plugin source (a spreadsheet row) in the editor: shown read-only with where to change
 * it, no buttons, and a save posted anyway is refused with the text kept; the sheet is untouched.
 */
class EditorPluginArticleIT {

    private static final String ALICE = "alice-editor-token-0123456789";

    @Test
    void aPluginSourcesArticleIsReadOnlyAndSaysWhereToChangeIt(@TempDir Path work) throws Exception {
        Path sources = Files.createDirectories(work.resolve("sources"));
        Path sheet = sources.resolve("faq.csv");
        Files.writeString(sheet, "質問,回答\r\n風呂敷で包んでもらえますか？,はい、風呂敷包装は有料です。\r\n", StandardCharsets.UTF_8);
        PluginsConfig plugins = new PluginsConfig(KotaeServer.pluginFolder(work, "source-csv.jar"), Duration.ofSeconds(10),
                Map.of("source-csv", Map.of("files", List.of(Map.of("path", "sources/faq.csv", "locale", "ja")))), work);
        try (KotaeServer server = KotaeServer.configured(work, plugins, config -> config.withTokens(List.of(
                new TokenAuthenticator.Token("alice", ALICE, Role.EDITOR))))) {
            server.awaitSearch("風呂敷", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));
            String id = server.searchIds("風呂敷", null).stream().filter(i -> i.startsWith("csv:")).findFirst().orElseThrow();

            SiteBrowser alice = SiteBrowser.signedIn(server.baseUrl(), ALICE);
            SiteBrowser.Page page = alice.get("/editor/articles/" + id);
            assertEquals(200, page.status(), page.body());
            Document form = page.html();
            assertNotNull(form.selectFirst(".read-only-source"), "says it comes from elsewhere");
            assertNotNull(form.selectFirst("fieldset.editor-fields[disabled]"));
            assertTrue(form.select(".editor-actions button").isEmpty(), "no buttons");
            assertNull(form.selectFirst("a.translate-link"), "no translation offered for what cannot be edited here");

            // A save posted anyway (the fields as a browser would have sent them) is refused, text kept.
            Map<String, String> fields = SiteBrowser.formFields(form, "form.editor-form");
            fields.putAll(Map.of("id", id, "title", "風呂敷（変更）", "body", "変更した回答", "action", "save", "new", "false"));
            SiteBrowser.Page refused = alice.post("/editor/articles", fields);
            assertEquals(403, refused.status(), refused.body());
            assertEquals("変更した回答", refused.html().selectFirst("#f-body").wholeText().strip());
            assertTrue(Files.readString(sheet).contains("はい、風呂敷包装は有料です。"), "the sheet is untouched");
        }
    }
}
