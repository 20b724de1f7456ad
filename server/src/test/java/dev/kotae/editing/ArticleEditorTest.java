package dev.kotae.editing;

import static dev.kotae.editing.EditorFixture.ADMIN;
import static dev.kotae.editing.EditorFixture.AGENT;
import static dev.kotae.editing.EditorFixture.ALICE;
import static dev.kotae.editing.EditorFixture.BOB;
import static dev.kotae.editing.EditorFixture.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleEditorTest {

    @TempDir
    Path temp;
    EditorFixture fixture;
    ArticleEditor editor;

    @BeforeEach
    void open() throws Exception {
        fixture = new EditorFixture(temp, true);
        editor = fixture.editor;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static EditableArticle giftWrap(String body) {
        return new EditableArticle("gift-card-return", "ギフトカードは返品できますか", null, null, "ja", "返品・返金",
                List.of("ギフト", "返品"), List.of("ギフトカードを返したい"), null, body);
    }

    @Test
    void aNewFaqIsPublishedWhereItsCategoryLivesAfterASecondEditorsReview() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("ギフトカードは返品できません。"), null, null, null);
        assertTrue(Files.isRegularFile(fixture.data.resolve("drafts/gift-card-return.json")));
        Draft inReview = editor.requestReview(ALICE, draft.id(), draft.revision());
        assertEquals(DraftState.IN_REVIEW, inReview.state());

        assertThrows(EditNotAllowedException.class, () -> editor.publish(ALICE, draft.id(), inReview.revision(), null));
        PublishedArticle published = editor.publish(BOB, draft.id(), inReview.revision(), null);

        assertEquals("ja/returns/gift-card-return.md", published.path());
        assertEquals("""
                ---
                id: gift-card-return
                title: ギフトカードは返品できますか
                type: faq
                visibility: public
                locale: ja
                category: 返品・返金
                tags: [ギフト, 返品]
                questions:
                  - ギフトカードを返したい
                updated: 2026-12-05
                ---
                ギフトカードは返品できません。
                """, fixture.read("ja/returns/gift-card-return.md"));
        assertEquals(Versions.of(Files.readAllBytes(fixture.content.resolve(published.path()))), published.version());
        assertTrue(editor.draft(AGENT, draft.id()).isEmpty(), "the draft is gone once published");
        assertEquals(published.version(), editor.published(AGENT, "gift-card-return").orElseThrow().version());
    }

    @Test
    void theLastEditorCannotPublishEitherButAThirdEditorAndAnAdminCan() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("one"), null, null, null);
        Draft edited = editor.saveDraft(BOB, giftWrap("two"), draft.revision(), null, null);
        assertEquals("alice", edited.author());
        assertEquals("bob", edited.lastEditor());
        Draft inReview = editor.requestReview(BOB, draft.id(), edited.revision());

        assertThrows(EditNotAllowedException.class, () -> editor.publish(ALICE, draft.id(), inReview.revision(), null));
        assertThrows(EditNotAllowedException.class, () -> editor.publish(BOB, draft.id(), inReview.revision(), null));
        assertThrows(EditNotAllowedException.class, () -> editor.publish(AGENT, draft.id(), inReview.revision(), null));
        assertNotNull(editor.publish(CAROL, draft.id(), inReview.revision(), null).version());
    }

    /** The author's note reaches the reviewer with the draft, and the history names who wrote it. */
    @Test
    void theDraftsNoteGoesToReviewAndIntoTheHistoryWithItsAuthor() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("ギフトカードは返品できません。"), null, null, null, "年末の注意書きを追加");
        Draft kept = editor.saveDraft(BOB, giftWrap("ギフトカードは返品・交換できません。"), draft.revision(), null, null);
        assertEquals("年末の注意書きを追加", kept.note(), "a save without a note keeps the draft's");
        Draft inReview = editor.requestReview(BOB, draft.id(), kept.revision());
        assertEquals("年末の注意書きを追加", editor.draft(CAROL, draft.id()).orElseThrow().note());

        PublishedArticle published = editor.publish(CAROL, draft.id(), inReview.revision(), null);

        HistoryEntry recorded = editor.history(AGENT, "gift-card-return").get(0);
        assertEquals("carol", recorded.author());
        assertEquals("年末の注意書きを追加 (written by alice)", recorded.message());
        List<AuditEntry> audit = editor.audit(ADMIN, 10);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("request-review")
                && "年末の注意書きを追加".equals(e.message())), audit.toString());

        Draft cleared = editor.saveDraft(ALICE, giftWrap("二度目"), null, published.version(), null, " ");
        assertNull(cleared.note(), "a blank note removes it");
        assertThrows(EditRejectedException.class,
                () -> editor.saveDraft(ALICE, giftWrap("三度目"), cleared.revision(), published.version(), null, "x".repeat(1001)));
    }

    @Test
    void aDraftTheSameAsThePublishedArticleIsNotSentForReview() throws Exception {
        PublishedArticle published = editor.publishDirectly(ADMIN, giftWrap("ギフトカードは返品できません。"), null, null);
        Draft same = editor.saveDraft(ALICE, giftWrap("ギフトカードは返品できません。"), null, published.version(), null);

        EditRejectedException refused = assertThrows(EditRejectedException.class,
                () -> editor.requestReview(ALICE, same.id(), same.revision()));
        assertEquals(409, refused.status());
        assertEquals("body", refused.field());
        assertEquals(DraftState.DRAFT, editor.draft(AGENT, same.id()).orElseThrow().state());

        Draft changed = editor.saveDraft(ALICE, giftWrap("ギフトカードは返品できません。払い戻しもできません。"), same.revision(),
                published.version(), null);
        assertEquals(DraftState.IN_REVIEW, editor.requestReview(ALICE, changed.id(), changed.revision()).state());
    }

    @Test
    void anEditorCannotPublishADraftNotInReviewButAnAdminMayPublishTheirOwn() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("one"), null, null, null);
        assertThrows(EditNotAllowedException.class, () -> editor.publish(BOB, draft.id(), draft.revision(), null));

        Draft own = editor.saveDraft(ADMIN, giftWrap("two"), draft.revision(), null, null);
        assertEquals(DraftState.DRAFT, own.state());
        assertEquals("ja/returns/gift-card-return.md", editor.publish(ADMIN, draft.id(), own.revision(), null).path());
    }

    @Test
    void agentsReadButDoNotWriteAndAnonymousCallersDoNeither() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("one"), null, null, null);
        assertEquals(List.of(draft), editor.drafts(AGENT));
        assertThrows(EditNotAllowedException.class, () -> editor.saveDraft(AGENT, giftWrap("x"), draft.revision(), null, null));
        assertThrows(EditNotAllowedException.class, () -> editor.requestReview(AGENT, draft.id(), draft.revision()));
        assertThrows(EditNotAllowedException.class, () -> editor.discardDraft(AGENT, draft.id(), draft.revision()));
        assertThrows(EditNotAllowedException.class, () -> editor.drafts(Caller.ANONYMOUS));
        assertThrows(EditNotAllowedException.class, () -> editor.draft(Caller.ANONYMOUS, draft.id()));
        assertThrows(EditNotAllowedException.class, () -> editor.published(Caller.ANONYMOUS, "order-history"));
        assertThrows(EditNotAllowedException.class, () -> editor.audit(BOB, 10));
    }

    @Test
    void aStaleDraftRevisionIsAConflictWithADiffOfBothTexts() throws Exception {
        Draft first = editor.saveDraft(ALICE, giftWrap("line one\nalice's line\n"), null, null, null);
        Draft second = editor.saveDraft(BOB, giftWrap("line one\nbob's line\n"), first.revision(), null, null);

        EditConflictException stale = assertThrows(EditConflictException.class,
                () -> editor.saveDraft(ALICE, giftWrap("line one\nalice's second try\n"), first.revision(), null, null));
        assertEquals(second.revision(), stale.currentVersion());
        assertTrue(stale.diff().contains("\n-bob's line\n"), stale.diff());
        assertTrue(stale.diff().contains("\n+alice's second try\n"), stale.diff());

        EditConflictException fresh = assertThrows(EditConflictException.class,
                () -> editor.saveDraft(CAROL, giftWrap("carol"), null, null, null));
        assertEquals(second.revision(), fresh.currentVersion());
        assertEquals("line one\nbob's line", editor.draft(AGENT, "gift-card-return").orElseThrow().article().body());
    }

    @Test
    void publishingOverAFileChangedOnDiskIsAConflictWithTheDiff() throws Exception {
        PublishedArticle now = editor.published(AGENT, "order-history").orElseThrow();
        assertEquals("ja/orders/order-history.md", now.path());
        assertNull(now.readOnly());
        EditableArticle mine = withBody(now.article(), now.article().body() + "\n\nalice adds this line.");
        Draft draft = editor.saveDraft(ALICE, mine, null, now.version(), null);
        Draft inReview = editor.requestReview(ALICE, draft.id(), draft.revision());
        // Meanwhile an engineer edits the file in their own editor (or a git pull brings a change).
        Path file = fixture.content.resolve(now.path());
        Files.writeString(file, Files.readString(file) + "\nthe engineer's line\n");

        EditConflictException conflict = assertThrows(EditConflictException.class,
                () -> editor.publish(BOB, draft.id(), inReview.revision(), null));
        assertEquals(Versions.of(Files.readAllBytes(file)), conflict.currentVersion());
        assertTrue(conflict.diff().contains("-the engineer's line"), conflict.diff());
        assertTrue(conflict.diff().contains("+alice adds this line."), conflict.diff());
        assertTrue(Files.readString(file).contains("the engineer's line"), "nothing was overwritten");
        assertTrue(editor.draft(AGENT, draft.id()).isPresent(), "the draft is kept for merging");

        // A save naming the old base version is refused too; naming the new one is accepted.
        assertThrows(EditConflictException.class, () -> editor.saveDraft(ALICE, mine, inReview.revision(), now.version(), null));
        Draft rebased = editor.saveDraft(ALICE, mine, inReview.revision(), conflict.currentVersion(), null);
        assertEquals(conflict.currentVersion(), rebased.baseVersion());
    }

    @Test
    void twoSavesOfOneDraftAtOnceDoNotBothWin() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("start"), null, null, null);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Draft>> saves = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "writer " + i;
                Caller who = i % 2 == 0 ? ALICE : BOB;
                Callable<Draft> save = () -> {
                    go.await();
                    return editor.saveDraft(who, giftWrap(body), draft.revision(), null, null);
                };
                saves.add(pool.submit(save));
            }
            go.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Draft> save : saves) {
                try {
                    save.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof EditConflictException, e.getCause().toString());
                    conflicts++;
                }
            }
            assertEquals(1, won);
            assertEquals(writers - 1, conflicts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatTheContentFolderWouldRefuseIsRefusedNamingTheField() throws Exception {
        assertEquals("title", assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                withTitle(giftWrap("x"), "two\nlines"), null, null, null)).field());
        assertEquals("title", assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                withTitle(giftWrap("x"), " "), null, null, null)).field());
        assertEquals("id", assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                withId(giftWrap("x"), "../../etc/passwd"), null, null, null)).field());
        assertEquals("id", assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                withId(giftWrap("x"), ".hidden"), null, null, null)).field());
        EditableArticle badKey = new EditableArticle("k", "t", null, null, "ja", "", null, null, "has space", "b");
        assertEquals("translationKey", assertThrows(EditRejectedException.class,
                () -> editor.saveDraft(ALICE, badKey, null, null, null)).field());
        EditableArticle badLocale = new EditableArticle("k", "t", null, null, "japanese!", "", null, null, null, "b");
        assertEquals("locale", assertThrows(EditRejectedException.class,
                () -> editor.saveDraft(ALICE, badLocale, null, null, null)).field());
        EditRejectedException tooLarge = assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                giftWrap("あ".repeat(800_000)), null, null, null));
        assertEquals(413, tooLarge.status());
        EditRejectedException taken = assertThrows(EditRejectedException.class, () -> editor.saveDraft(ALICE,
                withId(giftWrap("x"), "order-history"), null, null, null));
        assertEquals(409, taken.status());
        assertTrue(editor.drafts(AGENT).isEmpty());
    }

    @Test
    void pluginArticlesAreReadOnly() throws Exception {
        fixture.pluginArticles.put("csv:faq.1", new Article("csv:faq.1", "From the CSV", ArticleType.FAQ,
                Visibility.PUBLIC, "ja", "", List.of(), List.of(), LocalDate.of(2026, 1, 1), "plugin:source-csv/csv",
                "<p>text</p>", "text"));

        PublishedArticle plugin = editor.published(AGENT, "csv:faq.1").orElseThrow();
        assertNotNull(plugin.readOnly());
        assertEquals("this article comes from the content source 'csv' of the plugin 'source-csv': change it there",
                plugin.readOnly());
        assertNull(plugin.path());
        EditableArticle edit = withId(giftWrap("x"), "csv:faq.1");
        assertThrows(EditNotAllowedException.class, () -> editor.saveDraft(ALICE, edit, null, plugin.version(), null));
        assertThrows(EditNotAllowedException.class, () -> editor.publishDirectly(ADMIN, edit, plugin.version(), null));
        assertThrows(EditNotAllowedException.class, () -> editor.delete(ADMIN, "csv:faq.1", plugin.version(), null));
        assertThrows(EditNotAllowedException.class, () -> editor.restore(ADMIN, "csv:faq.1", "x", null, null));
    }

    @Test
    void historyWithoutGitKeepsCopiesAndRestorePublishesAnOldTextAsANewVersion() throws Exception {
        PublishedArticle v1 = editor.publishDirectly(ADMIN, giftWrap("first text"), null, "First");
        fixture.clock.advance(Duration.ofMinutes(1));
        PublishedArticle v2 = editor.publishDirectly(ADMIN, giftWrap("second text"), v1.version(), null);

        List<HistoryEntry> history = editor.history(AGENT, "gift-card-return");
        assertEquals(2, history.size());
        assertEquals("publish", history.get(0).action());
        assertEquals("Publish gift-card-return: ギフトカードは返品できますか", history.get(0).message());
        assertEquals("First", history.get(1).message());
        assertEquals("root", history.get(1).author());
        String old = history.get(1).version();
        assertEquals("first text", editor.atVersion(AGENT, "gift-card-return", old).body());
        String diff = editor.diff(AGENT, "gift-card-return", old, null);
        assertTrue(diff.contains("-first text") && diff.contains("+second text"), diff);

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThrows(EditNotAllowedException.class, () -> editor.restore(BOB, "gift-card-return", old, null, null),
                "a restore skips review: where review is required, editors send the old text for review instead");
        PublishedArticle v3 = editor.restore(ADMIN, "gift-card-return", old, null, null);
        assertNotEquals(v2.version(), v3.version());
        assertTrue(fixture.read(v3.path()).endsWith("---\nfirst text\n"));
        List<HistoryEntry> after = editor.history(AGENT, "gift-card-return");
        assertEquals(3, after.size());
        assertEquals("restore", after.get(0).action());
        assertEquals("root", after.get(0).author());
        assertTrue(Files.isDirectory(fixture.data.resolve("history/gift-card-return")));

        assertThrows(EditRejectedException.class, () -> editor.delete(ADMIN, "gift-card-return", null, null));
        assertThrows(EditConflictException.class, () -> editor.delete(ADMIN, "gift-card-return", v2.version(), null));
        editor.delete(ADMIN, "gift-card-return", v3.version(), "Not needed");
        assertFalse(Files.exists(fixture.content.resolve(v3.path())));
        assertTrue(editor.published(AGENT, "gift-card-return").isEmpty());
        assertEquals("delete", editor.history(AGENT, "gift-card-return").get(0).action());
        editor.restore(ADMIN, "gift-card-return", old, null, null);
        assertTrue(fixture.read(v3.path()).endsWith("---\nfirst text\n"), "a deleted article can be restored");
    }

    /**
     * Articles the editor never wrote (the content a help center started with, an engineer's edit) are
     * kept in the history before a delete or a publish replaces them, so neither loses the only copy.
     */
    @Test
    void aFileWrittenOutsideTheEditorIsKeptBeforeItIsDeletedOrReplaced() throws Exception {
        PublishedArticle sample = editor.published(AGENT, "shipping-fees").orElseThrow();
        byte[] original = Files.readAllBytes(fixture.content.resolve(sample.path()));
        assertTrue(editor.history(AGENT, "shipping-fees").isEmpty(), "nothing published through the editor yet");

        editor.delete(ADMIN, "shipping-fees", sample.version(), "Outdated");
        List<HistoryEntry> history = editor.history(AGENT, "shipping-fees");
        assertEquals(List.of("delete", "change"), history.stream().map(HistoryEntry::action).toList());
        assertEquals(ArticleHistory.FOUND_AUTHOR, history.get(1).author());
        PublishedArticle back = editor.restore(ADMIN, "shipping-fees", history.get(1).version(), null, null);
        assertEquals(sample.article(), back.article(), "restored as it was (dated today, as any restore)");
        assertTrue(new String(original, java.nio.charset.StandardCharsets.UTF_8).contains(sample.article().body()));

        // An engineer edits the file; the next publish keeps their text first. Nothing new to keep: no version.
        Path file = fixture.content.resolve(back.path());
        Files.writeString(file, Files.readString(file) + "\nAn engineer's line.\n");
        PublishedArticle edited = editor.published(AGENT, "shipping-fees").orElseThrow();
        fixture.clock.advance(Duration.ofMinutes(1));
        editor.publishDirectly(ADMIN, withBody(edited.article(), "Rewritten."), edited.version(), null);
        List<HistoryEntry> after = editor.history(AGENT, "shipping-fees");
        assertEquals(List.of("publish", "change", "restore"), after.stream().limit(3).map(HistoryEntry::action).toList());
        assertTrue(editor.atVersion(AGENT, "shipping-fees", after.get(1).version()).body().contains("An engineer's line."));
        PublishedArticle now = editor.published(AGENT, "shipping-fees").orElseThrow();
        fixture.clock.advance(Duration.ofMinutes(1));
        editor.publishDirectly(ADMIN, withBody(now.article(), "Rewritten again."), now.version(), null);
        assertEquals(after.size() + 1, editor.history(AGENT, "shipping-fees").size(), "its own version is not kept twice");
    }

    @Test
    void deletingNeedsAnAdminWhileReviewIsRequiredAsPublishingDirectlyDoes() throws Exception {
        PublishedArticle made = editor.publishDirectly(ADMIN, giftWrap("x"), null, null);
        assertFalse(editor.publishesAlone(ALICE), "what the editor page asks before offering to delete");
        assertTrue(editor.publishesAlone(ADMIN));
        assertFalse(editor.publishesAlone(AGENT));
        assertThrows(EditNotAllowedException.class, () -> editor.delete(ALICE, made.article().id(), made.version(), null));
        assertTrue(Files.exists(fixture.content.resolve(made.path())), "an editor's delete changed nothing");
        editor.delete(ADMIN, made.article().id(), made.version(), null);
        assertFalse(Files.exists(fixture.content.resolve(made.path())));

        fixture.close();
        try (EditorFixture optional = new EditorFixture(temp.resolve("optional"), false)) {
            PublishedArticle mine = optional.editor.publishDirectly(ALICE, giftWrap("x"), null, null);
            assertTrue(optional.editor.publishesAlone(ALICE));
            assertFalse(optional.editor.publishesAlone(AGENT));
            optional.editor.delete(ALICE, mine.article().id(), mine.version(), null);
            assertFalse(Files.exists(optional.content.resolve(mine.path())), "review optional: editors delete");
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneGetsWhatAnyNewFileThereGets() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        PublishedArticle before = editor.published(AGENT, "shipping-fees").orElseThrow();
        Path file = fixture.content.resolve(before.path());
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, groupReadable);

        PublishedArticle changed = editor.publishDirectly(ADMIN, withBody(before.article(), "new text"),
                before.version(), null);
        assertEquals(groupReadable, Files.getPosixFilePermissions(file), "after a publish");
        String first = editor.history(AGENT, "shipping-fees").get(0).version();
        editor.publishDirectly(ADMIN, withBody(before.article(), "newer text"), changed.version(), null);
        editor.restore(ADMIN, "shipping-fees", first, null, null);
        assertEquals(groupReadable, Files.getPosixFilePermissions(file), "after a restore");

        PublishedArticle made = editor.publishDirectly(ADMIN, giftWrap("x"), null, null);
        Path created = fixture.content.resolve(made.path());
        Path plainNewFile = Files.createFile(created.resolveSibling("plain-new-file.txt"));
        assertEquals(Files.getPosixFilePermissions(plainNewFile), Files.getPosixFilePermissions(created));
        assertTrue(Files.getPosixFilePermissions(created).contains(PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void theHistoryListsTheNewestVersionsOnlyButAnOlderOneCanStillBeReadAndRestored() throws Exception {
        PublishedArticle now = editor.published(AGENT, "shipping-fees").orElseThrow();
        // 205 versions kept as the editor keeps them without git, written straight into its history folder.
        FolderHistory copies = new FolderHistory(fixture.data.resolve("history"));
        List<String> versions = new ArrayList<>();
        for (int n = 0; n < EditorService.LISTED_VERSIONS + 5; n++) {
            fixture.clock.advance(Duration.ofSeconds(1));
            versions.add(copies.record(new ArticleHistory.Change("shipping-fees", now.path(),
                    fixture.read(now.path()).replace("送料", "送料" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "publish", "alice", "alice@example.com", fixture.clock.instant(), "version " + n, List.of())));
        }

        List<HistoryEntry> listed = editor.history(AGENT, "shipping-fees");
        assertEquals(EditorService.LISTED_VERSIONS, listed.size());
        assertEquals("version " + (EditorService.LISTED_VERSIONS + 4), listed.get(0).message(), "newest first");
        String oldest = versions.get(0);
        assertTrue(listed.stream().noneMatch(e -> e.version().equals(oldest)));
        assertEquals("version 0", editor.historyEntry(AGENT, "shipping-fees", oldest).orElseThrow().message());
        assertTrue(editor.atVersion(AGENT, "shipping-fees", oldest).title().contains("送料0"));
        assertTrue(editor.restore(ADMIN, "shipping-fees", oldest, now.version(), null).article().title().contains("送料0"));
    }

    @Test
    void anEngineersSaveWhileThePublishIsPreparedIsAConflictNotOverwritten() throws Exception {
        PublishedArticle before = editor.published(AGENT, "shipping-fees").orElseThrow();
        Path file = fixture.content.resolve(before.path());
        String engineers = fixture.read(before.path()) + "\nAn engineer's edit.\n";
        fixture.clock.beforeNextRead(() -> {
            try {
                Files.writeString(file, engineers);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        EditConflictException conflict = assertThrows(EditConflictException.class, () -> editor.publishDirectly(ADMIN,
                withBody(before.article(), "new text"), before.version(), null));
        assertEquals(engineers, Files.readString(file), "the engineer's save is kept");
        assertEquals(Versions.of(engineers), conflict.currentVersion());
        assertTrue(editor.history(AGENT, "shipping-fees").stream().noneMatch(v -> v.action().equals("publish")),
                "nothing was published (the file as the editor found it may have been kept)");
    }

    @Test
    void publishingDirectlyNeedsAnAdminWhileReviewIsRequired() throws Exception {
        assertThrows(EditNotAllowedException.class, () -> editor.publishDirectly(ALICE, giftWrap("x"), null, null));
        PublishedArticle made = editor.publishDirectly(ADMIN, giftWrap("x"), null, null);
        assertEquals(409, assertThrows(EditRejectedException.class,
                () -> editor.publishDirectly(ADMIN, giftWrap("again"), null, null)).status());

        fixture.close();
        try (EditorFixture optional = new EditorFixture(temp.resolve("optional"), false)) {
            assertEquals("ja/returns/gift-card-return.md",
                    optional.editor.publishDirectly(ALICE, giftWrap("x"), null, null).path());
        }
        assertNotNull(made.version());
    }

    @Test
    void aScheduledDraftIsPublishedWhenTheClockPassesItsTime() throws Exception {
        java.time.Instant at = fixture.clock.instant().plus(Duration.ofHours(2));
        Draft draft = editor.saveDraft(ALICE, giftWrap("from tomorrow"), null, null, at);
        Draft inReview = editor.requestReview(ALICE, draft.id(), draft.revision());

        PublishedArticle scheduled = editor.publish(BOB, draft.id(), inReview.revision(), "Launch");
        assertNull(scheduled.version(), "not published yet");
        Path file = fixture.content.resolve("ja/returns/gift-card-return.md");
        assertFalse(Files.exists(file));
        assertEquals(0, editor.publishDue());

        fixture.clock.advance(Duration.ofHours(1));
        assertEquals(0, editor.publishDue());
        assertFalse(Files.exists(file));

        fixture.clock.advance(Duration.ofHours(1));
        assertEquals(1, editor.publishDue());
        assertTrue(Files.readString(file).endsWith("---\nfrom tomorrow\n"));
        assertTrue(editor.draft(AGENT, draft.id()).isEmpty());
        assertEquals(0, editor.publishDue());
        List<AuditEntry> audit = editor.audit(ADMIN, 10);
        assertEquals("publish", audit.get(0).action());
        assertEquals("bob", audit.get(0).person());
        assertEquals("editor", audit.get(0).role());
        assertEquals("schedule", audit.get(1).action());
        assertEquals("at 2026-12-05 12:00 Z: Launch", audit.get(1).message(),
                "in the editor clock's zone, as people read it");
    }

    @Test
    void theSchedulerPublishesWhatIsAlreadyDueWhenItStarts() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("overdue"), null, null, fixture.clock.instant().plusSeconds(60));
        Draft inReview = editor.requestReview(ALICE, draft.id(), draft.revision());
        editor.publish(BOB, draft.id(), inReview.revision(), null);
        fixture.clock.advance(Duration.ofHours(1)); // the server was down when it fell due

        Path file = fixture.content.resolve("ja/returns/gift-card-return.md");
        // An interval far longer than the test: only the check at start can publish it.
        try (PublishScheduler scheduler = new PublishScheduler(editor, Duration.ofDays(1), Thread::new)) {
            scheduler.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
        }
        assertTrue(editor.draft(AGENT, draft.id()).isEmpty());
    }

    @Test
    void anUnapprovedScheduledDraftIsNotPublished() throws Exception {
        editor.saveDraft(ALICE, giftWrap("x"), null, null, fixture.clock.instant().plusSeconds(60));
        fixture.clock.advance(Duration.ofHours(1));
        assertEquals(0, editor.publishDue());
    }

    @Test
    void everyWriteIsAudited() throws Exception {
        Draft draft = editor.saveDraft(ALICE, giftWrap("x"), null, null, null);
        Draft inReview = editor.requestReview(ALICE, draft.id(), draft.revision());
        PublishedArticle published = editor.publish(BOB, draft.id(), inReview.revision(), "Reviewed");
        Draft next = editor.saveDraft(ALICE, giftWrap("y"), null, published.version(), null);
        editor.discardDraft(BOB, next.id(), next.revision());

        List<AuditEntry> audit = editor.audit(ADMIN, 100);
        assertEquals(List.of("discard", "save-draft", "publish", "request-review", "save-draft"),
                audit.stream().map(AuditEntry::action).toList());
        AuditEntry publish = audit.get(2);
        assertEquals("bob", publish.person());
        assertEquals("editor", publish.role());
        assertEquals(published.version(), publish.version());
        assertEquals("Reviewed (written by alice)", publish.message(), "the history and the audit name the author");
        assertEquals(2, editor.audit(ADMIN, 2).size());
        assertEquals(5, Files.readAllLines(fixture.data.resolve("audit.jsonl")).size());
    }

    @Test
    void previewRunsTheFileThroughTheContentParser() throws Exception {
        Article preview = editor.preview(AGENT, giftWrap("**bold** <script>alert(1)</script>"));
        assertTrue(preview.html().contains("<strong>bold</strong>"), preview.html());
        assertFalse(preview.html().contains("<script>"), preview.html());
        assertEquals("content:ja/returns/gift-card-return.md", preview.source());
        assertTrue(editor.drafts(AGENT).isEmpty());
    }

    @Test
    void uploadsGoThroughTheHookAndAreAudited() throws Exception {
        assertEquals(501, assertThrows(EditRejectedException.class,
                () -> editor.upload(ALICE, "a.png", new byte[] {1})).status());
        assertThrows(EditNotAllowedException.class, () -> editor.upload(AGENT, "a.png", new byte[] {1}));
    }

    static EditableArticle withBody(EditableArticle a, String body) {
        return new EditableArticle(a.id(), a.title(), a.type(), a.visibility(), a.locale(), a.category(), a.tags(),
                a.questions(), a.translationKey(), body);
    }

    static EditableArticle withTitle(EditableArticle a, String title) {
        return new EditableArticle(a.id(), title, a.type(), a.visibility(), a.locale(), a.category(), a.tags(),
                a.questions(), a.translationKey(), a.body());
    }

    static EditableArticle withId(EditableArticle a, String id) {
        return new EditableArticle(id, a.title(), a.type(), a.visibility(), a.locale(), a.category(), a.tags(),
                a.questions(), a.translationKey(), a.body());
    }
}
