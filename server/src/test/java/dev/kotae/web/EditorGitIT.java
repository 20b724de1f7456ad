package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.config.PluginsConfig;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.HistoryEntry;
import dev.kotae.editing.PublishedArticle;
import java.nio.file.Path;
import java.time.Duration;
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

                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> server.searchIds("ポイントの有効期限", null).contains("points-expiry"));
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
}
