package dev.kotae.editing;

import static dev.kotae.editing.EditorFixture.ADMIN;
import static dev.kotae.editing.EditorFixture.AGENT;
import static dev.kotae.editing.EditorFixture.ALICE;
import static dev.kotae.editing.EditorFixture.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.EditorConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.lib.ObjectReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History in a real git repository: the content folder is a sub-folder of the work tree, as in a docs repo. */
class GitHistoryTest {

    /** An uploaded image's name, as {@link ImageStore} makes them. */
    private static final String WRAP_IMAGE = "media/2026/wrap-0123456789.png";

    @TempDir
    Path temp;
    EditorFixture fixture;
    Git git;
    RevCommit initial;

    @BeforeEach
    void open() throws Exception {
        fixture = new EditorFixture(temp, true, content -> {
            try {
                Files.writeString(temp.resolve(".gitignore"), "data/\n");
                git = Git.init().setDirectory(temp.toFile()).setInitialBranch("main").call();
                git.add().addFilepattern(".").call();
                initial = git.commit().setMessage("Import the help center").setSign(false)
                        .setAuthor(new PersonIdent("Engineer", "eng@example.com"))
                        .setCommitter(new PersonIdent("Engineer", "eng@example.com")).call();
            } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                throw new java.io.IOException(e);
            }
        });
    }

    @AfterEach
    void close() {
        fixture.close();
        git.close();
    }

    @Test
    void aPublishIsACommitOfOnlyThatFileAuthoredByThePerson() throws Exception {
        // Someone's unfinished work in the same work tree: one file changed, another changed and staged.
        Path changed = fixture.content.resolve("ja/orders/order-history.md");
        Files.writeString(changed, Files.readString(changed) + "\nwork in progress\n");
        Path staged = fixture.content.resolve("en/orders/order-status.md");
        if (!Files.exists(staged)) {
            staged = Files.list(fixture.content.resolve("en/orders")).findFirst().orElseThrow();
        }
        Files.writeString(staged, Files.readString(staged) + "\nstaged work\n");
        String stagedPath = temp.relativize(staged).toString().replace('\\', '/');
        git.add().addFilepattern(stagedPath).call();
        Files.createDirectories(fixture.content.resolve("media/2026"));
        Files.write(fixture.content.resolve(WRAP_IMAGE), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        Draft draft = fixture.editor.saveDraft(ALICE, ArticleEditorTest.giftWrap("![包装](/" + WRAP_IMAGE + ")\n\n本文"),
                null, null, null);
        Draft inReview = fixture.editor.requestReview(ALICE, draft.id(), draft.revision());
        PublishedArticle published = fixture.editor.publish(BOB, draft.id(), inReview.revision(), null);

        RevCommit head = git.log().setMaxCount(1).call().iterator().next();
        assertEquals("bob", head.getAuthorIdent().getName());
        assertEquals("bob@users.noreply.kotae", head.getAuthorIdent().getEmailAddress());
        assertEquals("Kotae", head.getCommitterIdent().getName());
        assertEquals("Publish gift-card-return: ギフトカードは返品できますか (written by alice)", head.getShortMessage());
        assertEquals(List.of("content/ja/returns/gift-card-return.md", "content/" + WRAP_IMAGE),
                changedPaths(head));
        Status status = git.status().call();
        assertEquals(java.util.Set.of("content/ja/orders/order-history.md"), status.getModified());
        assertEquals(java.util.Set.of(stagedPath), status.getChanged(), "staged work stays staged, uncommitted");
        assertTrue(status.getUntracked().isEmpty() || !status.getUntracked().contains("content/" + published.path()));

        List<HistoryEntry> history = fixture.editor.history(AGENT, "gift-card-return");
        assertEquals(1, history.size());
        assertEquals(head.name(), history.get(0).version());
        assertEquals("publish", history.get(0).action());
        assertEquals("Publish gift-card-return: ギフトカードは返品できますか (written by alice)", history.get(0).message());
    }

    /** An uncommitted edit to a file is committed as found before a publish replaces it or a delete removes it. */
    @Test
    void uncommittedWorkOnAFileIsCommittedBeforeTheEditorReplacesOrDeletesIt() throws Exception {
        Path file = fixture.content.resolve("ja/shipping/shipping-fees.md");
        Files.writeString(file, Files.readString(file) + "\n未コミットの追記\n");
        PublishedArticle edited = fixture.editor.published(AGENT, "shipping-fees").orElseThrow();
        fixture.editor.delete(ADMIN, "shipping-fees", edited.version(), null);

        List<HistoryEntry> history = fixture.editor.history(AGENT, "shipping-fees");
        assertEquals(List.of("delete", "change"), history.stream().limit(2).map(HistoryEntry::action).toList());
        assertTrue(fixture.editor.atVersion(AGENT, "shipping-fees", history.get(1).version()).body()
                .contains("未コミットの追記"), "the uncommitted edit is in the history");
        assertEquals("Kotae", git.log().setMaxCount(2).call().iterator().next().getCommitterIdent().getName());

        // A file as HEAD has it needs no commit of its own: the restore's is the only new one.
        int commits = history.size();
        fixture.editor.restore(ADMIN, "shipping-fees", history.get(1).version(), null, null);
        PublishedArticle restored = fixture.editor.published(AGENT, "shipping-fees").orElseThrow();
        assertTrue(restored.article().body().contains("未コミットの追記"));
        assertEquals(commits + 1, fixture.editor.history(AGENT, "shipping-fees").size());
    }

    /**
     * While git is locked (an engineer's commit or pull), a delete that must first keep uncommitted work is
     * refused with a 503 and changes nothing; a file git already has as it is needs nothing kept.
     */
    @Test
    void aHistoryThatCannotKeepTheFileRefusesTheChangeAndChangesNothing() throws Exception {
        Path file = fixture.content.resolve("ja/shipping/shipping-fees.md");
        Files.writeString(file, Files.readString(file) + "\n未コミット\n");
        PublishedArticle edited = fixture.editor.published(AGENT, "shipping-fees").orElseThrow();
        Path lock = temp.resolve(".git").resolve(git.getRepository().getFullBranch() + ".lock");
        Files.createFile(lock);
        try {
            EditRejectedException refused = assertThrows(EditRejectedException.class,
                    () -> fixture.editor.delete(ADMIN, "shipping-fees", edited.version(), null));
            assertEquals(503, refused.status());
            assertTrue(Files.exists(file), "nothing deleted");
        } finally {
            Files.delete(lock);
        }
        fixture.editor.delete(ADMIN, "shipping-fees", edited.version(), null); // the lock gone, it works
        assertFalse(Files.exists(file));
    }

    @Test
    void historyIncludesCommitsMadeOutsideKotaeAndRestoreIsANewCommit() throws Exception {
        PublishedArticle before = fixture.editor.published(AGENT, "shipping-fees").orElseThrow();
        String originalBody = before.article().body();
        fixture.clock.advance(Duration.ofDays(1));
        PublishedArticle changed = fixture.editor.publishDirectly(ADMIN,
                ArticleEditorTest.withBody(before.article(), "送料は無料になりました。"), before.version(), "Free shipping");

        List<HistoryEntry> history = fixture.editor.history(AGENT, "shipping-fees");
        assertEquals(2, history.size());
        assertEquals("publish", history.get(0).action());
        assertEquals("Free shipping", history.get(0).message());
        assertEquals("root", history.get(0).author());
        assertEquals("change", history.get(1).action());
        assertEquals(initial.name(), history.get(1).version());
        assertEquals("Engineer", history.get(1).author());
        assertEquals(originalBody, fixture.editor.atVersion(AGENT, "shipping-fees", initial.name()).body());
        String diff = fixture.editor.diff(AGENT, "shipping-fees", initial.name(), history.get(0).version());
        assertTrue(diff.contains("+送料は無料になりました。"), diff);

        PublishedArticle restored = fixture.editor.restore(ADMIN, "shipping-fees", initial.name(), null, null);
        assertEquals(changed.path(), restored.path());
        assertEquals(originalBody, fixture.editor.published(AGENT, "shipping-fees").orElseThrow().article().body());
        List<HistoryEntry> after = fixture.editor.history(AGENT, "shipping-fees");
        assertEquals(3, after.size());
        assertEquals("restore", after.get(0).action());
        assertEquals("root", after.get(0).author());
        RevCommit head = git.log().setMaxCount(1).call().iterator().next();
        assertEquals(List.of("content/" + restored.path()), changedPaths(head));

        fixture.editor.delete(ADMIN, "shipping-fees", restored.version(), null);
        assertFalse(Files.exists(fixture.content.resolve(restored.path())));
        assertEquals("delete", fixture.editor.history(AGENT, "shipping-fees").get(0).action());
        assertFalse(git.status().call().getMissing().contains("content/" + restored.path()),
                "the deletion is committed, not left as a missing file");
    }

    @Test
    void aBodyLinkingAnyOtherFileCommitsOnlyTheArticleAndStagesNothing() throws Exception {
        Files.writeString(temp.resolve(".gitignore"), "data/\ncontent/media/2026/private-*\ncontent/ignored.png\n");
        commitAll("Ignore private images");
        Files.createDirectories(fixture.content.resolve("notes"));
        Files.writeString(fixture.content.resolve("notes/other-secret.txt"), "not for the history");
        Files.writeString(fixture.content.resolve("ignored.png"), "ignored");
        Files.createDirectories(fixture.content.resolve("media/2026"));
        Files.write(fixture.content.resolve("media/2026/private-0123456789.png"), new byte[] {(byte) 0x89, 'P'});
        String body = "![a](/notes/other-secret.txt)\n![b](notes/other-secret.txt)\n![c](/ignored.png)\n"
                + "![d](/media/../notes/other-secret.txt)\n![e](/media/2026/private-0123456789.png)\n\n本文";

        PublishedArticle published = fixture.editor.publishDirectly(ADMIN, ArticleEditorTest.giftWrap(body), null, null);

        RevCommit head = git.log().setMaxCount(1).call().iterator().next();
        assertEquals("Publish gift-card-return: ギフトカードは返品できますか", head.getShortMessage(),
                "an ignored image no longer fails the commit");
        assertEquals(List.of("content/" + published.path()), changedPaths(head));
        Status status = git.status().call();
        assertTrue(status.getAdded().isEmpty(), status.getAdded().toString());
        assertTrue(status.getUntracked().contains("content/notes/other-secret.txt"), status.getUntracked().toString());
    }

    @Test
    void aFailedCommitUnstagesWhatItStagedAndIsAudited() throws Exception {
        Files.createDirectories(fixture.content.resolve("media/2026"));
        Files.write(fixture.content.resolve(WRAP_IMAGE), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        // Another git process holding the branch: the commit cannot move it.
        Path branchLock = temp.resolve(".git/refs/heads/main.lock");
        Files.writeString(branchLock, "");
        RevCommit before = git.log().setMaxCount(1).call().iterator().next();

        PublishedArticle published = fixture.editor.publishDirectly(ADMIN,
                ArticleEditorTest.giftWrap("![包装](/" + WRAP_IMAGE + ")\n\n本文"), null, "Gift wrap");

        assertTrue(Files.exists(fixture.content.resolve(published.path())), "the file is written all the same");
        Files.delete(branchLock);
        assertEquals(before, git.log().setMaxCount(1).call().iterator().next());
        Status status = git.status().call();
        assertTrue(status.getAdded().isEmpty() && status.getChanged().isEmpty(), "nothing left staged: " + status.getAdded());
        List<AuditEntry> audit = fixture.editor.audit(ADMIN, 10);
        assertEquals("publish-directly", audit.get(0).action());
        assertEquals("history-failed", audit.get(1).action());
        assertEquals("gift-card-return", audit.get(1).articleId());
        assertTrue(audit.get(1).message().contains(published.path()), audit.get(1).message());
    }

    /**
     * {@code history: auto} commits only into the content folder's own repository: a content folder that
     * is merely a subfolder of some repository (an engineer's checkout, a monorepo) keeps its history as
     * copies under the data folder, and the repository gets no commit.
     */
    @Test
    void autoKeepsFolderHistoryWhenTheContentFolderIsOnlyASubfolderOfARepository() throws Exception {
        Path outer = temp.resolve("outer");
        try (EditorFixture auto = new EditorFixture(outer, false, content -> {
                    try (Git repository = Git.init().setDirectory(outer.toFile()).setInitialBranch("main").call()) {
                        repository.add().addFilepattern("content").call();
                        repository.commit().setMessage("Import").setSign(false)
                                .setAuthor(new PersonIdent("Engineer", "eng@example.com"))
                                .setCommitter(new PersonIdent("Engineer", "eng@example.com")).call();
                    } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                        throw new java.io.IOException(e);
                    }
                }, EditorConfig.History.AUTO);
                Git repository = Git.open(outer.toFile())) {
            RevCommit imported = repository.log().setMaxCount(1).call().iterator().next();
            PublishedArticle published = auto.editor.publishDirectly(ADMIN,
                    ArticleEditorTest.giftWrap("本文"), null, "Gift cards");

            assertEquals(imported, repository.log().setMaxCount(1).call().iterator().next(), "no commit");
            List<HistoryEntry> history = auto.editor.history(AGENT, "gift-card-return");
            assertEquals(1, history.size());
            assertTrue(history.get(0).version().matches("\\d{13}-\\d{4}"), history.get(0).version());
            assertTrue(Files.isDirectory(auto.data.resolve("history/gift-card-return")));
            assertTrue(Files.exists(auto.content.resolve(published.path())));
        }
    }

    @Test
    void onlyCommitsInTheArticlesOwnHistoryCanBeReadOrRestored() throws Exception {
        Path file = fixture.content.resolve("ja/shipping/shipping-fees.md");
        String published = Files.readString(file);
        // Unreviewed text on a branch that was never merged, and a commit on main that touches another file.
        git.checkout().setCreateBranch(true).setName("wip").call();
        Files.writeString(file, published.replace("送料", "未承認の送料"));
        RevCommit wip = commitAll("Unreviewed pricing");
        git.checkout().setName("main").call();
        Path other = fixture.content.resolve("ja/shipping/tracking.md");
        Files.writeString(other, Files.readString(other) + "\nanother article's change\n");
        RevCommit elsewhere = commitAll("Another article");
        assertEquals(published, Files.readString(file), "back on main");

        for (String foreign : List.of(wip.name(), elsewhere.name())) {
            assertEquals(404, assertThrows(EditRejectedException.class,
                    () -> fixture.editor.restore(ADMIN, "shipping-fees", foreign, null, null)).status(), foreign);
            assertEquals(404, assertThrows(EditRejectedException.class,
                    () -> fixture.editor.atVersion(AGENT, "shipping-fees", foreign)).status(), foreign);
            assertEquals(404, assertThrows(EditRejectedException.class,
                    () -> fixture.editor.diff(AGENT, "shipping-fees", foreign, null)).status(), foreign);
            assertEquals(404, assertThrows(EditRejectedException.class,
                    () -> fixture.editor.diff(AGENT, "shipping-fees", initial.name(), foreign)).status(), foreign);
        }
        assertEquals(published, Files.readString(file), "nothing was restored");

        PublishedArticle now = fixture.editor.published(AGENT, "shipping-fees").orElseThrow();
        assertThrows(EditConflictException.class,
                () -> fixture.editor.restore(ADMIN, "shipping-fees", initial.name(), "0123456789abcdef0123", null));
        PublishedArticle restored = fixture.editor.restore(ADMIN, "shipping-fees", initial.name(), now.version(), null);
        assertEquals(now.article().body(), restored.article().body());
    }

    private RevCommit commitAll(String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setSign(false)
                .setAuthor(new PersonIdent("Engineer", "eng@example.com"))
                .setCommitter(new PersonIdent("Engineer", "eng@example.com")).call();
    }

    private List<String> changedPaths(RevCommit commit) throws Exception {
        try (ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser now = new CanonicalTreeParser(null, reader, commit.getTree());
            CanonicalTreeParser parent = new CanonicalTreeParser(null, reader, commit.getParent(0).getTree());
            return git.diff().setOldTree(parent).setNewTree(now).setOutputStream(new ByteArrayOutputStream()).call()
                    .stream().map(e -> e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath())
                    .sorted().toList();
        }
    }
}
