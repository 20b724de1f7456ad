package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.config.PluginsConfig;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.HistoryEntry;
import dev.kotae.editing.PublishedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose content folder is a git repository of its own (a cloned docs repo, {@code .git} inside
 * the content folder): an admin's publish is a commit authored by them, the watcher serves the file, and
 * the commits in {@code .git} do not disturb it.
 */
class EditorGitIT {

    @TempDir
    Path work;

    @Test
    void aPublishIsCommittedAndServed() throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        try (Git git = Git.init().setDirectory(content.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Import").setSign(false)
                    .setAuthor(new PersonIdent("Engineer", "eng@example.com"))
                    .setCommitter(new PersonIdent("Engineer", "eng@example.com")).call();

            try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), UnaryOperator.identity())) {
                EditorService editor = server.app().editor();
                Caller admin = new Caller("admin", Role.ADMIN);
                PublishedArticle published = editor.publishDirectly(admin, new EditableArticle("points-expiry",
                        "ポイントの有効期限はいつまでですか", null, null, "ja", "", List.of(), List.of(), null,
                        "最後のご利用から一年間有効です。"), null, "Add points expiry");

                KotaeServer.timeUntil("an anonymous search finds the published article",
                        () -> server.searchIds("ポイントの有効期限", null).contains("points-expiry"));
                RevCommit head = git.log().setMaxCount(1).call().iterator().next();
                assertEquals("admin", head.getAuthorIdent().getName());
                assertEquals("Add points expiry", head.getShortMessage());
                assertEquals("ja/points-expiry.md", published.path());
                assertTrue(git.status().call().isClean(), git.status().call().getUntracked().toString());
                List<HistoryEntry> history = editor.history(admin, "points-expiry");
                assertEquals(head.name(), history.get(0).version());
                assertEquals(0, server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json()
                        .get("content").get("problems").size());
            }
        }
    }

    /**
     * A commit on a branch that was never merged is not a version of the article: restoring it, reading
     * it or diffing against it is 404, and the anonymous API never serves its text.
     */
    @Test
    void aCommitOutsideTheArticlesHistoryCannotBeRestoredOrRead() throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        Path file = content.resolve("ja/shipping/shipping-fees.md");
        try (Git git = Git.init().setDirectory(content.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            RevCommit imported = commit(git, "Import");
            git.checkout().setCreateBranch(true).setName("wip").call();
            Files.writeString(file, Files.readString(file) + "\nUNREVIEWED-WIP-TEXT\n");
            git.add().addFilepattern("ja/shipping/shipping-fees.md").call();
            RevCommit wip = commit(git, "Unreviewed");
            git.checkout().setName("main").call();

            try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), UnaryOperator.identity())) {
                String admin = KotaeServer.ADMIN_TOKEN;
                String api = "/api/v1/articles/shipping-fees";
                String published = server.get(api + "/source", admin).header("etag");
                KotaeServer.Reply restore = EditorApiClient.json(server, "POST", api + "/restore", admin,
                        "{\"version\": \"" + wip.name() + "\"}");
                EditorApiClient.assertError(restore, 404, null);
                EditorApiClient.assertError(server.get(api + "/history/" + wip.name(), admin), 404, null);
                EditorApiClient.assertError(server.get(api + "/diff?from=" + wip.name(), admin), 404, null);
                assertFalse(Files.readString(file).contains("UNREVIEWED-WIP-TEXT"));
                assertFalse(server.get("/api/v1/articles/shipping-fees").body().contains("UNREVIEWED-WIP-TEXT"));

                KotaeServer.Reply stale = EditorApiClient.json(server, "POST", api + "/restore", admin,
                        "{\"version\": \"" + imported.name() + "\"}", "If-Match", "\"0123456789abcdef0123\"");
                EditorApiClient.assertError(stale, 412, "edit_conflict");
                KotaeServer.Reply restored = EditorApiClient.json(server, "POST", api + "/restore", admin,
                        "{\"version\": \"" + imported.name() + "\"}", "If-Match", published);
                assertEquals(200, restored.status(), restored.body());
            }
        }
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        return git.commit().setMessage(message).setSign(false)
                .setAuthor(new PersonIdent("Engineer", "eng@example.com"))
                .setCommitter(new PersonIdent("Engineer", "eng@example.com")).call();
    }
}
